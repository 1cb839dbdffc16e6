/**
 * A record's entries in the order of their keys as text (dates as YYYY-MM-DD sort by time), so
 * that a view's JSON lists them in that order.
 */
export const sortedRecord = <V>(entries: Iterable<readonly [string, V]>): Record<string, V> =>
  // Stryker disable next-line EqualityOperator: keys of a record are distinct, so no two compare equal and < orders as <= does
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : 1)));
