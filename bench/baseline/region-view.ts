// The baseline's view of a region, kept up to date report by report: each report takes out what
// the item's previous state counted and adds what the report counts. What a team would keep to
// answer the competence circle from one item per region.
import { type DetailType, MILESTONE_STATUSES, type MilestoneDetail, PROJECT_STATUSES, type ProjectDetail } from '@modellregionen/events';

export interface RegionView {
  readonly milestones: Record<string, number>;
  /** Due dates of the open milestones (neither achieved nor cancelled), sorted: overdue ones depend on the date asked for. */
  readonly openDueDates: string[];
  readonly projects: Record<string, number>;
  readonly projectsByFieldOfAction: Record<string, number>;
  readonly fundingCents: number;
  /** Indicator values per period: the latest period and its completeness follow from it. */
  readonly valuesByPeriod: Record<string, number>;
  readonly findings: number;
  readonly lastReportedAt: string | null;
}

/** An item's state as the baseline stores it. */
export interface ItemState {
  readonly detailType: DetailType;
  readonly detail: Readonly<Record<string, unknown>> & { readonly reportedAt: string };
}

const zero = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, 0]));

export const emptyView = (): RegionView => ({
  milestones: zero(MILESTONE_STATUSES),
  openDueDates: [],
  projects: zero(PROJECT_STATUSES),
  projectsByFieldOfAction: {},
  fundingCents: 0,
  valuesByPeriod: {},
  findings: 0,
  lastReportedAt: null,
});

const add = (counts: Record<string, number>, key: string, by: number) => {
  const n = (counts[key] ?? 0) + by;
  if (n === 0) delete counts[key];
  else counts[key] = n;
};

/** The view with the item's state counted (`sign` 1) or taken out (`sign` -1). */
const counted = (view: RegionView, item: ItemState, sign: 1 | -1): RegionView => {
  const next: RegionView = structuredClone(view);
  switch (item.detailType) {
    case 'MilestoneReported': {
      const m = item.detail as unknown as MilestoneDetail;
      next.milestones[m.status] = (next.milestones[m.status] ?? 0) + sign;
      if (m.status !== 'achieved' && m.status !== 'cancelled') {
        if (sign === 1) next.openDueDates.splice(sortedIndex(next.openDueDates, m.dueDate), 0, m.dueDate);
        else next.openDueDates.splice(next.openDueDates.indexOf(m.dueDate), 1);
      }
      return next;
    }
    case 'ProjectReported': {
      const p = item.detail as unknown as ProjectDetail;
      next.projects[p.status] = (next.projects[p.status] ?? 0) + sign;
      add(next.projectsByFieldOfAction, p.fieldOfAction, sign);
      return { ...next, fundingCents: next.fundingCents + sign * p.funding.reduce((n, f) => n + Math.round(f.amountEur * 100), 0) };
    }
    case 'IndicatorReported':
      add(next.valuesByPeriod, String(item.detail.period), sign);
      return next;
    case 'FindingPublished':
      return { ...next, findings: next.findings + sign };
  }
};

const sortedIndex = (list: readonly string[], value: string) => {
  let i = 0;
  while (i < list.length && list[i]! < value) i += 1;
  return i;
};

/** The view after an item changed from `previous` (absent for a new item) to `current`. */
export const viewAfter = (view: RegionView, previous: ItemState | undefined, current: ItemState): RegionView => {
  const next = counted(previous === undefined ? view : counted(view, previous, -1), current, 1);
  const at = current.detail.reportedAt;
  return { ...next, lastReportedAt: next.lastReportedAt === null || Date.parse(at) > Date.parse(next.lastReportedAt) ? at : next.lastReportedAt };
};
