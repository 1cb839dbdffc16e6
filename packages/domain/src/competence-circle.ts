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
import { countsAsOf } from './berlin-time';
import { laterReport } from './later-report';
import { reduceRegions } from './region-state';
import { emptySummary, type RegionSummary, summarizeRegion, zeroCounts } from './region-summary';

interface MilestoneBlock {
  total: number;
  overdue: number;
  byStatus: Record<MilestoneStatus, number>;
}
interface ProjectBlock {
  total: number;
  fundingEur: number;
  byStatus: Record<ProjectStatus, number>;
  byFieldOfAction: Partial<Record<FieldOfAction, number>>;
}
interface RegionRow {
  regionId: string;
  name: string;
  milestones: MilestoneBlock;
  projects: ProjectBlock;
  indicators: { reported: number; latestPeriod: string | null; completeness: number };
  lastReportedAt: string | null;
}
/** SPEC section 4, `GET /v1/competence-circle`. */
export interface CompetenceCircleView {
  asOf: string;
  regions: RegionRow[];
  totals: { milestones: MilestoneBlock; projects: ProjectBlock; indicators: { reported: number } };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const sumRecords = <K extends string>(keys: readonly K[], records: readonly Partial<Record<K, number>>[]) => {
  const out = zeroCounts(keys);
  for (const r of records) for (const k of keys) out[k] += r[k] ?? 0;
  return out;
};
const nonZero = <K extends string>(keys: readonly K[], counts: Record<K, number>): Partial<Record<K, number>> =>
  Object.fromEntries(keys.filter((k) => counts[k] > 0).map((k) => [k, counts[k]])) as Partial<Record<K, number>>;

const milestoneBlock = (s: RegionSummary, asOf: string): MilestoneBlock => ({
  total: sum(Object.values(s.milestones.byStatus)),
  overdue: Object.entries(s.milestones.openDue).reduce((n, [due, count]) => (due < asOf ? n + count : n), 0),
  byStatus: { ...s.milestones.byStatus },
});

const projectBlock = (s: RegionSummary): ProjectBlock => ({
  total: sum(Object.values(s.projects.byStatus)),
  fundingEur: s.projects.fundingCents / 100,
  byStatus: { ...s.projects.byStatus },
  byFieldOfAction: { ...s.projects.byFieldOfAction },
});

/**
 * The competence-circle view from stored region summaries: every `model-region` of the registry,
 * in registry order, with zeros where a region has reported nothing, and the totals.
 */
export const competenceCircle = (input: {
  readonly catalogue: Pick<Catalogue, 'regions' | 'indicators'>;
  readonly summaries: ReadonlyMap<string, RegionSummary>;
  readonly asOf: string;
}): CompetenceCircleView => {
  const { catalogue, summaries, asOf } = input;
  const indicatorCount = catalogue.indicators.length;
  const regions: RegionRow[] = catalogue.regions
    .filter((r) => r.role === 'model-region')
    .map((region) => {
      const s = summaries.get(region.id) ?? emptySummary(region.id);
      return {
        regionId: region.id,
        name: region.name,
        milestones: milestoneBlock(s, asOf),
        projects: projectBlock(s),
        indicators: {
          reported: s.indicators.reported,
          latestPeriod: s.indicators.latestPeriod,
          completeness: indicatorCount === 0 ? 0 : Math.round((s.indicators.reported / indicatorCount) * 1000) / 1000,
        },
        lastReportedAt: s.lastReportedAt,
      };
    });
  const fundingCents = sum(regions.map((r) => summaries.get(r.regionId)?.projects.fundingCents ?? 0));
  return {
    asOf,
    regions,
    totals: {
      milestones: {
        total: sum(regions.map((r) => r.milestones.total)),
        overdue: sum(regions.map((r) => r.milestones.overdue)),
        byStatus: sumRecords(
          MILESTONE_STATUSES,
          regions.map((r) => r.milestones.byStatus),
        ),
      },
      projects: {
        total: sum(regions.map((r) => r.projects.total)),
        fundingEur: fundingCents / 100,
        byStatus: sumRecords(
          PROJECT_STATUSES,
          regions.map((r) => r.projects.byStatus),
        ),
        byFieldOfAction: nonZero(
          FIELDS_OF_ACTION,
          sumRecords(
            FIELDS_OF_ACTION,
            regions.map((r) => r.projects.byFieldOfAction),
          ),
        ),
      },
      indicators: { reported: sum(regions.map((r) => r.indicators.reported)) },
    },
  };
};

/**
 * Each region's summary straight from reports: the reference the stored views must equal. The
 * last report is the latest of all reports counted, also of one superseded on arrival.
 */
export const summariesOf = (
  events: Iterable<RegionEvent>,
  catalogue: Pick<Catalogue, 'indicators'>,
  options: { reportedUntil?: string | undefined } = {},
): Map<string, RegionSummary> => {
  const all = [...events].filter((e) => options.reportedUntil === undefined || countsAsOf(e.detail.reportedAt, options.reportedUntil));
  const lastReport = new Map<string, string | null>();
  for (const e of all) lastReport.set(e.regionId, laterReport(lastReport.get(e.regionId) ?? null, e.detail.reportedAt));
  const out = new Map<string, RegionSummary>();
  for (const [regionId, state] of reduceRegions(all)) {
    out.set(regionId, { ...summarizeRegion(regionId, state.values(), catalogue), lastReportedAt: lastReport.get(regionId) ?? null });
  }
  return out;
};

/**
 * The competence-circle view from any set of reports. With `reportedUntil`, only reports made
 * before the end of that Berlin day count (the API passes `asOf` as both).
 */
export const competenceCircleOf = (
  events: Iterable<RegionEvent>,
  options: { catalogue: Pick<Catalogue, 'regions' | 'indicators'>; asOf: string; reportedUntil?: string },
): CompetenceCircleView =>
  competenceCircle({
    catalogue: options.catalogue,
    summaries: summariesOf(events, options.catalogue, { reportedUntil: options.reportedUntil }),
    asOf: options.asOf,
  });
