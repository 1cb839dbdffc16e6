// Valid reports for the store's tests, built through the events' validator as the pipeline builds them.
import { type RegionEvent, regionSource, validator } from '@modellregionen/events';

/** A milestone report of a region (default wetzlar), item `milestone#<id>` (default handlungskonzept). */
export const milestoneReport = (eventId: string, options: { id?: string; revision?: number; regionId?: string } = {}): RegionEvent => {
  const regionId = options.regionId ?? 'wetzlar';
  const result = validator.validateEvent({
    version: '0',
    id: eventId,
    'detail-type': 'MilestoneReported',
    source: regionSource(regionId),
    time: '2012-02-10T08:31:00Z',
    detail: {
      schemaVersion: 1,
      regionId,
      revision: options.revision ?? 1,
      reportedAt: '2012-02-10T09:30:00+01:00',
      reportedBy: 'Projektkoordination Integration',
      milestoneId: options.id ?? 'handlungskonzept',
      title: 'Handlungskonzept',
      status: 'in_progress',
      dueDate: '2012-06-30',
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};
