import {
  type Catalogue,
  FIELDS_OF_ACTION,
  type FieldOfAction,
  MILESTONE_STATUSES,
  type MilestoneStatus,
  PROJECT_STATUSES,
  type ProjectStatus,
  type RegionEvent,
} from '@modellregionen/events';
import { latestPeriod } from './period';
import { laterReport } from './later-report';
import { sortedRecord } from './sorted-record';

/**
 * What the competence-circle view needs of one region, independent of the date it is read for:
 * overdue milestones depend on `asOf`, so the open milestones are counted by due date instead of
 * as one number. Its size is bounded by the calendar, not by the number of items or reports.
 */
export interface RegionSummary {
  readonly regionId: string;
  readonly milestones: {
    readonly byStatus: Record<MilestoneStatus, number>;
    /** Milestones neither achieved nor cancelled, counted by due date (dates sorted). */
    readonly openDue: Readonly<Record<string, number>>;
  };
  readonly projects: {
    readonly byStatus: Record<ProjectStatus, number>;
    /** Only fields of action with at least one project, in catalogue order. */
    readonly byFieldOfAction: Partial<Record<FieldOfAction, number>>;
    /** Whole cents, so that sums are exact whatever the order. */
    readonly fundingCents: number;
  };
  readonly indicators: {
    readonly latestPeriod: string | null;
    /** Catalogue indicators with a value for `latestPeriod`. */
    readonly reported: number;
  };
  readonly findings: number;
  /** When the region last reported anything (any report counted, also one superseded on arrival). */
  readonly lastReportedAt: string | null;
}

export const zeroCounts = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export const emptySummary = (regionId: string): RegionSummary => ({
  regionId,
  milestones: { byStatus: zeroCounts(MILESTONE_STATUSES), openDue: {} },
  projects: { byStatus: zeroCounts(PROJECT_STATUSES), byFieldOfAction: {}, fundingCents: 0 },
  indicators: { latestPeriod: null, reported: 0 },
  findings: 0,
  lastReportedAt: null,
});

/**
 * Summarises a region's current items (the winners of `reduceRegions`), in any order. Its
 * `lastReportedAt` is the latest of these items; `summariesOf` makes it the latest of all reports.
 */
export const summarizeRegion = (regionId: string, items: Iterable<RegionEvent>, catalogue: Pick<Catalogue, 'indicators'>): RegionSummary => {
  const milestones = zeroCounts(MILESTONE_STATUSES);
  const openDue = new Map<string, number>();
  const projects = zeroCounts(PROJECT_STATUSES);
  const byField = zeroCounts(FIELDS_OF_ACTION);
  let fundingCents = 0;
  let findings = 0;
  let lastReportedAt: string | null = null;
  const periodsByIndicator = new Map<string, Set<string>>();

  for (const item of items) {
    lastReportedAt = laterReport(lastReportedAt, item.detail.reportedAt);
    switch (item.detailType) {
      case 'MilestoneReported': {
        const { status, dueDate } = item.detail;
        milestones[status] += 1;
        if (status !== 'achieved' && status !== 'cancelled') openDue.set(dueDate, (openDue.get(dueDate) ?? 0) + 1);
        break;
      }
      case 'ProjectReported':
        projects[item.detail.status] += 1;
        byField[item.detail.fieldOfAction] += 1;
        for (const f of item.detail.funding) fundingCents += Math.round(f.amountEur * 100);
        break;
      case 'IndicatorReported': {
        const periods = periodsByIndicator.get(item.detail.indicatorId) ?? new Set<string>();
        periods.add(item.detail.period);
        periodsByIndicator.set(item.detail.indicatorId, periods);
        break;
      }
      case 'FindingPublished':
        findings += 1;
        break;
    }
  }

  const known = catalogue.indicators.map((i) => i.id);
  const latest = latestPeriod(known.flatMap((id) => [...(periodsByIndicator.get(id) ?? [])]));
  // Stryker disable next-line ConditionalExpression: with no latest period no indicator has a value for it, so the count is 0 either way
  const reported = latest === null ? 0 : known.filter((id) => periodsByIndicator.get(id)?.has(latest)).length;

  return {
    regionId,
    milestones: { byStatus: milestones, openDue: sortedRecord(openDue) },
    projects: {
      byStatus: projects,
      byFieldOfAction: Object.fromEntries(FIELDS_OF_ACTION.filter((f) => byField[f] > 0).map((f) => [f, byField[f]])),
      fundingCents,
    },
    indicators: { latestPeriod: latest, reported },
    findings,
    lastReportedAt,
  };
};
