import { addPoints, EMPTY_POINT, monthOf, type Point, sumPoints } from '@modellregionen/domain';
import type { PointWrite, StoredPoint } from '@modellregionen/store';

/** Which stored points a change of a region's time index touches, read before it is written. */
export interface TimelinePlan {
  /** The stored days of the change's months that grow (see sinceBaseWrites). */
  readonly days: ReadonlyMap<string, StoredPoint>;
  /** Months that get their first point now: their base is written with them. */
  readonly newMonths: readonly string[];
  /** Months after the change's first whose base grows by the change's days before them. */
  readonly updatedMonths: readonly string[];
}

/** What a month's base gains from a change: the sum of the change's days before that month. */
export const changeBefore = (change: ReadonlyMap<string, Point>, month: string): Point =>
  sumPoints([...change].filter(([day]) => monthOf(day) < month).map(([, p]) => p));

/** An upper bound of the day keys of the month before `month` (YYYY-MM): `<previous month>-31`. */
export const lastDayKeyBefore = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const previous = m === 1 ? `${y - 1}-12` : `${String(y).padStart(4, '0')}-${String(m - 1).padStart(2, '0')}`;
  return `${previous}-31`;
};

/**
 * The writes of a change's days: each stored day of the change's months grows by the change's
 * days up to it, and each new day starts from the newest stored day before it in its month. `days`
 * are the stored days of those months from the newest one before the change's first day on.
 */
export const sinceBaseWrites = (change: ReadonlyMap<string, Point>, days: ReadonlyMap<string, StoredPoint>): PointWrite[] => {
  const writes: PointWrite[] = [];
  for (const month of new Set([...change.keys()].map(monthOf))) {
    const inMonth = (key: string) => monthOf(key) === month;
    let added: Point | undefined;
    let before = EMPTY_POINT;
    for (const day of [...new Set([...change.keys(), ...days.keys()])].filter(inMonth).sort()) {
      const changed = change.get(day);
      if (changed !== undefined) added = addPoints(added ?? EMPTY_POINT, changed);
      const stored = days.get(day);
      if (stored !== undefined) before = stored.point;
      // Days before the change's first one stay as they are.
      if (added !== undefined) writes.push({ key: day, point: addPoints(before, added), version: stored?.version ?? 0 });
    }
  }
  return writes;
};
