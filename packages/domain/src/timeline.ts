import type { Catalogue, RegionEvent } from '@modellregionen/events';
import { berlinDateOf } from './berlin-time';
import { itemKeyOf } from './item-key';
import { addCounts, addPoints, contributionOf, EMPTY_POINT, isEmptyPoint, marksOf, type Point } from './point';
import { versionKey } from './version';

// A region's time index. The view as of the end of Berlin day D is the sum of the changes of every
// day up to D. Each month that has changes keeps a base (the sum of every day before it), and each
// day with changes the sum of its month's changes up to it. An as-of read takes two points, the
// month's base and the newest day at or before D, however long the history (docs/data-model.md,
// "The time index").

/** A Berlin calendar date, YYYY-MM-DD: days sort by time as text, the default order. */
type Day = string;

/** The Berlin day a report was made on: as of that day's end it counts. */
/** The Berlin day a report was made on: the day of the time index it changes first. */
export const dayOf = (event: RegionEvent): Day => berlinDateOf(Date.parse(event.detail.reportedAt));

/** The month (YYYY-MM) of a day. */
export const monthOf = (day: Day): string => day.slice(0, 7);

const unique = (events: readonly RegionEvent[]): RegionEvent[] => [...new Map(events.map((e) => [e.eventId, e])).values()];

/** The report of one item that wins as of the end of `day`, among `revisions`. */
const winnerBy = (revisions: readonly RegionEvent[], day: Day): RegionEvent | undefined => {
  let winner: { readonly report: RegionEvent; readonly version: string } | undefined;
  for (const report of revisions) {
    if (dayOf(report) > day) continue;
    const version = versionKey(report);
    // Stryker disable next-line EqualityOperator: an item's reports are distinct (redeliveries removed) and the event id in the version tells any two apart
    if (winner === undefined || version > winner.version) winner = { report, version };
  }
  // Stryker disable next-line OptionalChaining: asked only for days a report was made on, so there is always a winner
  return winner?.report;
};

/**
 * What one item's reports add to its region's timeline: on each day its winner changes, the change
 * of its contribution, and on each report's day that report's marks.
 */
const itemTimeline = (revisions: readonly RegionEvent[], catalogue: Pick<Catalogue, 'indicators'>): Map<Day, Point> => {
  const reports = unique(revisions);
  const out = new Map<Day, Point>();
  const add = (day: Day, p: Point) => out.set(day, addPoints(out.get(day) ?? EMPTY_POINT, p));
  let before: Record<string, number> = {};
  for (const day of [...new Set(reports.map(dayOf))].sort()) {
    const now = contributionOf(winnerBy(reports, day));
    // Every report's day gets its marks below, so an empty change adds nothing the day lacks.
    add(day, { ...EMPTY_POINT, counts: addCounts(now, before, -1) });
    before = now;
  }
  for (const r of reports) add(dayOf(r), marksOf(r, catalogue));
  return out;
};

/** Adds timeline `b` to `a` (in place); days whose point becomes empty are left out. */
const mergeTimelines = (a: Map<Day, Point>, b: ReadonlyMap<Day, Point>): Map<Day, Point> => {
  for (const [day, p] of b) {
    const merged = addPoints(a.get(day) ?? EMPTY_POINT, p);
    if (isEmptyPoint(merged)) a.delete(day);
    else a.set(day, merged);
  }
  return a;
};

/**
 * How adding the report `added` to an item whose counted reports are `counted` changes its region's
 * timeline, day by day. The report changes the item's winner from its own day until the first day
 * a report of a higher version was made (possibly never), so a late report changes a window of the
 * past and a report that supersedes everything changes only its own day onwards: one entry.
 */
export const itemTimelineChange = (counted: readonly RegionEvent[], added: RegionEvent, catalogue: Pick<Catalogue, 'indicators'>): Map<Day, Point> => {
  const before = itemTimeline(counted, catalogue);
  const after = itemTimeline([...counted, added], catalogue);
  const change = new Map<Day, Point>();
  // Adding a report adds a day or none: the days before are all days after.
  for (const [day, now] of after) {
    const counts = addCounts(now.counts, before.get(day)?.counts ?? {}, -1);
    // Marks only grow: the day gets the added report's marks (joining the rest changes nothing).
    const marks = day === dayOf(added) ? marksOf(added, catalogue) : EMPTY_POINT;
    const p: Point = { ...marks, counts };
    if (!isEmptyPoint(p)) change.set(day, p);
  }
  return change;
};

/** Every region's timeline from a set of reports (any order, any duplicates): the reference fold. */
export const timelinesOf = (events: Iterable<RegionEvent>, catalogue: Pick<Catalogue, 'indicators'>): Map<string, Map<Day, Point>> => {
  const items = new Map<string, Map<string, RegionEvent[]>>();
  for (const e of events) {
    const region = items.get(e.regionId) ?? new Map<string, RegionEvent[]>();
    items.set(e.regionId, region);
    const key = itemKeyOf(e);
    region.set(key, [...(region.get(key) ?? []), e]);
  }
  const out = new Map<string, Map<Day, Point>>();
  for (const [regionId, region] of items) {
    const timeline = new Map<Day, Point>();
    for (const revisions of region.values()) mergeTimelines(timeline, itemTimeline(revisions, catalogue));
    out.set(regionId, timeline);
  }
  return out;
};

/** Adds a change to a timeline (in place), dropping days that become empty. */
export const applyTimelineChange = (timeline: Map<Day, Point>, change: ReadonlyMap<Day, Point>): Map<Day, Point> => mergeTimelines(timeline, change);

/** The sum of every day up to and including `asOf` (every day without it). */
export const pointAsOf = (timeline: ReadonlyMap<Day, Point>, asOf?: Day): Point => {
  let p = EMPTY_POINT;
  for (const [day, change] of timeline) if (asOf === undefined || day <= asOf) p = addPoints(p, change);
  return p;
};

/**
 * The month bases of a timeline: for each month with days, the sum of every day before it. An
 * as-of read adds the days of the month up to the date to its base.
 */
const monthBases = (timeline: ReadonlyMap<Day, Point>): Map<string, Point> => {
  const out = new Map<string, Point>();
  let sum = EMPTY_POINT;
  let month: string | undefined;
  for (const day of [...timeline.keys()].sort()) {
    if (monthOf(day) !== month) {
      month = monthOf(day);
      out.set(month, sum);
    }
    sum = addPoints(sum, timeline.get(day)!);
  }
  return out;
};

/**
 * What the store keeps of a timeline: for each month with days, its base (key `YYYY-MM`: the sum of
 * every day before it), and for each day, the sum of its month's days up to it (key `YYYY-MM-DD`).
 * The point as of a day is its month's base plus its newest day at or before it.
 */
export const storedPointsOf = (timeline: ReadonlyMap<Day, Point>): Map<string, Point> => {
  const out = new Map<string, Point>(monthBases(timeline));
  let month: string | undefined;
  let sinceBase = EMPTY_POINT;
  for (const day of [...timeline.keys()].sort()) {
    if (monthOf(day) !== month) {
      month = monthOf(day);
      sinceBase = EMPTY_POINT;
    }
    sinceBase = addPoints(sinceBase, timeline.get(day)!);
    out.set(day, sinceBase);
  }
  return out;
};
