// Reporting periods: `YYYY`, `YYYY-Qn` or `YYYY-MM` (validated in @modellregionen/events).

/** The month a period ends in: December for a year, a quarter's third month, or the month itself. */
const lastMonthOf = (period: string): number => {
  if (period.length === 4) return 12;
  return period[5] === 'Q' ? Number(period.slice(6)) * 3 : Number(period.slice(5));
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

export const latestPeriod = (periods: Iterable<string>): string | null => [...periods].sort(comparePeriods).at(-1) ?? null;
