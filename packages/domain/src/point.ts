import { type Catalogue, FIELDS_OF_ACTION, MILESTONE_STATUSES, PROJECT_STATUSES, type RegionEvent } from '@modellregionen/events';
import { laterReport } from './later-report';
import { sortedRecord } from './sorted-record';
import { comparePeriods } from './period';
import type { RegionSummary } from './region-summary';
import { zeroCounts } from './region-summary';

/**
 * A region's summary at a moment, or how it changed on one day, in the one form the time index
 * stores: counts that add up over the region's items, and marks that only ever grow.
 *
 * `counts` are sums of the items' contributions (`contributionOf`): `milestones.<status>`,
 * `due.<YYYY-MM-DD>` (open milestones by due date: a histogram, so the view does not grow with the
 * number of milestones), `projects.<status>`, `fields.<fieldOfAction>`, `fundingCents` and
 * `findings`. In a day's change they are differences and may be negative; zeros are left out.
 *
 * The marks are joins, not sums: the latest `reportedAt` of any report, and the latest period any
 * catalogue indicator was reported for with the indicators reported for it. A report adds its marks
 * from its day on and never takes them back, so marks need no subtraction and every report, also
 * one that is superseded on arrival, contributes them.
 */
export interface Point {
  readonly counts: Readonly<Record<string, number>>;
  readonly lastReportedAt: string | null;
  readonly latestPeriod: string | null;
  /** Catalogue indicators with a value for `latestPeriod`, sorted. */
  readonly indicatorsAtLatest: readonly string[];
}

export const EMPTY_POINT: Point = { counts: {}, lastReportedAt: null, latestPeriod: null, indicatorsAtLatest: [] };

const OPEN_PREFIX = 'due.';

/** What an item's winning report adds to its region's counts (indicator values add none). */
export const contributionOf = (event: RegionEvent | undefined): Record<string, number> => {
  if (event === undefined) return {};
  switch (event.detailType) {
    case 'MilestoneReported': {
      const { status, dueDate } = event.detail;
      const open = status !== 'achieved' && status !== 'cancelled';
      return open ? { [`milestones.${status}`]: 1, [`${OPEN_PREFIX}${dueDate}`]: 1 } : { [`milestones.${status}`]: 1 };
    }
    case 'ProjectReported': {
      const cents = event.detail.funding.reduce((n, f) => n + Math.round(f.amountEur * 100), 0);
      const out: Record<string, number> = { [`projects.${event.detail.status}`]: 1, [`fields.${event.detail.fieldOfAction}`]: 1 };
      if (cents !== 0) out.fundingCents = cents;
      return out;
    }
    case 'FindingPublished':
      return { findings: 1 };
    case 'IndicatorReported':
      return {};
  }
};

/** `a + sign * b`, zeros left out. */
export const addCounts = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>, sign: 1 | -1 = 1): Record<string, number> => {
  // A map, not an object's properties: a key such as `__proto__` must stay a count.
  const out = new Map(Object.entries(a));
  for (const [k, v] of Object.entries(b)) {
    const n = (out.get(k) ?? 0) + sign * v;
    if (n === 0) out.delete(k);
    else out.set(k, n);
  }
  return Object.fromEntries(out);
};

type Marks = Pick<Point, 'lastReportedAt' | 'latestPeriod' | 'indicatorsAtLatest'>;

const joinIndicators = (a: Marks, b: Marks): Pick<Point, 'latestPeriod' | 'indicatorsAtLatest'> => {
  if (b.latestPeriod === null) return { latestPeriod: a.latestPeriod, indicatorsAtLatest: a.indicatorsAtLatest };
  if (a.latestPeriod === null) return { latestPeriod: b.latestPeriod, indicatorsAtLatest: b.indicatorsAtLatest };
  const order = comparePeriods(a.latestPeriod, b.latestPeriod);
  if (order > 0) return { latestPeriod: a.latestPeriod, indicatorsAtLatest: a.indicatorsAtLatest };
  if (order < 0) return { latestPeriod: b.latestPeriod, indicatorsAtLatest: b.indicatorsAtLatest };
  return { latestPeriod: a.latestPeriod, indicatorsAtLatest: [...new Set([...a.indicatorsAtLatest, ...b.indicatorsAtLatest])].sort() };
};

/** The marks of both (a join: commutative, associative, idempotent). */
const joinMarks = (a: Marks, b: Marks): Marks => ({ lastReportedAt: laterReport(a.lastReportedAt, b.lastReportedAt), ...joinIndicators(a, b) });

/** Two points together: counts added, marks joined. */
export const addPoints = (a: Point, b: Point): Point => ({ counts: addCounts(a.counts, b.counts), ...joinMarks(a, b) });

export const sumPoints = (points: readonly Point[]): Point => points.reduce(addPoints, EMPTY_POINT);

/** The marks a report sets from its day on. */
export const marksOf = (event: RegionEvent, catalogue: Pick<Catalogue, 'indicators'>): Point => {
  const indicator =
    // Stryker disable next-line ConditionalExpression: a report of another kind has no indicatorId, which no catalogue indicator has
    event.detailType === 'IndicatorReported' && catalogue.indicators.some((i) => i.id === event.detail.indicatorId)
      ? { latestPeriod: event.detail.period, indicatorsAtLatest: [event.detail.indicatorId] }
      : { latestPeriod: null, indicatorsAtLatest: [] };
  return { counts: {}, lastReportedAt: event.detail.reportedAt, ...indicator };
};

export const isEmptyPoint = (p: Point): boolean => Object.keys(p.counts).length === 0 && p.lastReportedAt === null && p.latestPeriod === null;

const countOf = (p: Point, key: string): number => (Object.hasOwn(p.counts, key) ? (p.counts[key] ?? 0) : 0);

/** A region's summary from its point: what the competence-circle view shows of it. */
export const summaryOfPoint = (regionId: string, p: Point): RegionSummary => {
  const openDue: Record<string, number> = {};
  for (const [k, v] of Object.entries(p.counts)) if (k.startsWith(OPEN_PREFIX) && v !== 0) openDue[k.slice(OPEN_PREFIX.length)] = v;
  const milestones = zeroCounts(MILESTONE_STATUSES);
  for (const s of MILESTONE_STATUSES) milestones[s] = countOf(p, `milestones.${s}`);
  const projects = zeroCounts(PROJECT_STATUSES);
  for (const s of PROJECT_STATUSES) projects[s] = countOf(p, `projects.${s}`);
  return {
    regionId,
    milestones: { byStatus: milestones, openDue: sortedRecord(Object.entries(openDue)) },
    projects: {
      byStatus: projects,
      byFieldOfAction: Object.fromEntries(FIELDS_OF_ACTION.filter((f) => countOf(p, `fields.${f}`) !== 0).map((f) => [f, countOf(p, `fields.${f}`)])),
      fundingCents: countOf(p, 'fundingCents'),
    },
    indicators: { latestPeriod: p.latestPeriod, reported: p.indicatorsAtLatest.length },
    findings: countOf(p, 'findings'),
    lastReportedAt: p.lastReportedAt,
  };
};
