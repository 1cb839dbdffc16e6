import { type RegionEvent, regionSource, validator } from '@modellregionen/events';

let counter = 0;

/** A validated region event built from a detail; fails the test loudly if the detail is invalid. */
export const reportOf = (
  detailType: RegionEvent['detailType'],
  detail: Record<string, unknown>,
  eventId = `evt-${String(++counter).padStart(4, '0')}`,
): RegionEvent => {
  const regionId = String(detail.regionId ?? 'wetzlar');
  const result = validator.validateEvent({
    version: '0',
    id: eventId,
    'detail-type': detailType,
    source: regionSource(regionId),
    time: '2013-01-01T00:00:00Z',
    detail: {
      schemaVersion: 1,
      regionId,
      revision: 1,
      reportedAt: '2012-02-10T09:30:00+01:00',
      reportedBy: 'Koordinationsbüro',
      ...detail,
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

export const milestone = (id: string, status: string, dueDate: string, extra: Record<string, unknown> = {}) =>
  reportOf('MilestoneReported', {
    milestoneId: id,
    title: id,
    status,
    dueDate,
    ...(status === 'achieved' ? { achievedDate: dueDate } : {}),
    ...extra,
  });
