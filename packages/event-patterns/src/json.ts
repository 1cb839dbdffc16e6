/** Small helpers for JSON values as JavaScript sees them. */

/** A JSON object: not null, not an array. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What Jackson's `getText()` shows for a JSON token, used in AWS's error messages such as
 * `Invalid member in numeric match: 5`. The original spelling of a number is lost once parsed, so
 * numbers are shown as JavaScript prints them; a missing token shows as the closing `]`.
 */
export const tokenText = (value: unknown): string => {
  if (value === undefined) return ']';
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[';
  if (typeof value === 'object') return '{';
  return String(value);
};
