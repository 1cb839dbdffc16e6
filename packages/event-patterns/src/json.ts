/** Small helpers for JSON values as JavaScript sees them. */
import { InexactNumber } from './json-text';

/** A JSON object: not null, not an array, not a number kept as text. */
export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof InexactNumber);

/** A JSON number: a finite double, or an incomparable number kept as text. */
export const isJsonNumber = (value: unknown): value is number | InexactNumber =>
  (typeof value === 'number' && Number.isFinite(value)) || value instanceof InexactNumber;

/**
 * What Jackson's `getText()` shows for a JSON token, used in AWS's error messages such as
 * `Invalid member in numeric match: 5`. A comparable number is shown as JavaScript prints it (its
 * spelling is not kept), an incomparable one as written; a missing token shows as the closing `]`.
 */
export const tokenText = (value: unknown): string => {
  if (value === undefined) return ']';
  if (value === null) return 'null';
  if (value instanceof InexactNumber) return value.text;
  if (Array.isArray(value)) return '[';
  if (typeof value === 'object') return '{';
  return String(value);
};
