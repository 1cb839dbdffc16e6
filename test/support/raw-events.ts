import type { RawEvent } from './arbitraries';

/** A milestone report of Wetzlar as the bus delivers it; `extra` overrides fields of its detail. */
export const milestoneEvent = (id: string, revision: number, status: string, extra: Record<string, unknown> = {}): RawEvent => ({
  version: '0',
  id,
  'detail-type': 'MilestoneReported',
  source: 'modellregion.wetzlar',
  account: '111111111111',
  time: '2012-02-10T08:31:00Z',
  region: 'eu-central-1',
  resources: [],
  detail: {
    schemaVersion: 1,
    regionId: 'wetzlar',
    revision,
    reportedAt: '2012-02-10T09:30:00+01:00',
    reportedBy: 'Projektkoordination Integration',
    milestoneId: 'handlungskonzept',
    title: 'Integriertes Handlungskonzept beschlossen',
    status,
    dueDate: '2012-06-30',
    ...extra,
  },
});
