// Reporting periods: `YYYY`, `YYYY-Qn` or `YYYY-MM` (validated in @modellregionen/events).

const lastMonthOf = (period: string): number => {
  const q = /^\d{4}-Q([1-4])$/.exec(period);
  if (q) return Number(q[1]) * 3;
  const m = /^\d{4}-(\d{2})$/.exec(period);
  return m ? Number(m[1]) : 12;
};

// Among periods that end together (2011, 2011-Q4, 2011-12) the longer one sorts later: annual
// figures are what municipal monitoring reports, so they are "the latest period" when in doubt.
const spanRank = (period: string): number => (period.length === 4 ? 2 : period.includes('Q') ? 1 : 0);

/** A string that sorts periods by when they end, then by their length. */
const periodSortKey = (period: string): string => `${period.slice(0, 4)}-${String(lastMonthOf(period)).padStart(2, '0')}-${spanRank(period)}`;

export const comparePeriods = (a: string, b: string): number => {
  const ka = periodSortKey(a);
  const kb = periodSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

export const latestPeriod = (periods: Iterable<string>): string | null => {
  let latest: string | null = null;
  for (const p of periods) if (latest === null || comparePeriods(p, latest) > 0) latest = p;
  return latest;
};
