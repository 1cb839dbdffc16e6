import * as z from 'zod';
import { type FieldErrorCode, rule } from './field-error-codes';

/** 1 to 64 characters of a-z, 0-9 and inner hyphens. */
export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A year, a quarter or a month, 1980 to 2099. */
export const PERIOD_PATTERN = /^(19[89]\d|20\d\d)(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$/;

/**
 * The code of a text that does not match a pattern, by the pattern (zod's issue names it): the
 * patterns are checked with `.regex` so that the JSON schemas carry them.
 */
export const PATTERN_CODES: ReadonlyMap<string, FieldErrorCode> = new Map([
  [String(SLUG_PATTERN), 'invalid_slug'],
  [String(DATE_PATTERN), 'invalid_date'],
  [String(PERIOD_PATTERN), 'invalid_period'],
]);

/** Ids of milestones, projects, findings, indicators and regions: lower-case slugs. */
export const slug = z.string().regex(SLUG_PATTERN, {
  message: 'must be a slug: 1 to 64 characters of a-z, 0-9 and inner hyphens',
});

/** A non-empty, trimmed-looking text with an upper bound, so no field can carry a payload. */
export const text = (max: number) =>
  z
    .string()
    .min(1, { message: 'must not be empty' })
    .max(max, { message: `must be at most ${max} characters` })
    .refine((s) => s.trim().length > 0, rule('blank', 'must not be blank'));

/** A date that exists: Date.UTC moves an impossible day or month to another date (2011-02-30 to 2011-03-02). */
const isCalendarDate = (s: string): boolean => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Text that is not YYYY-MM-DD (refused by the pattern too) names no time at all.
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === s;
};

/**
 * `schema` (an enum, a literal), but a value that `refused` names is refused with that rule's
 * code rather than zod's own (read as `not_one_of`). JSON Schema describes `schema` unchanged.
 */
export const refusing = <S extends z.ZodType>(schema: S, refused: (value: unknown) => ReturnType<typeof rule> | undefined) =>
  z.preprocess((value, ctx) => {
    const why = value === undefined ? undefined : refused(value);
    if (why !== undefined) ctx.addIssue({ code: 'custom', input: value, ...why });
    return value;
  }, schema);

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z
  .string()
  .regex(DATE_PATTERN, { message: 'must be a date as YYYY-MM-DD' })
  .refine(isCalendarDate, rule('invalid_date', 'must be a real calendar date'));

/** An instant with an explicit offset (`Z` or `+01:00`), as `reportedAt` requires. */
export const isoDateTime = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with an offset, e.g. 2012-02-10T09:30:00+01:00',
});

/** Reporting period of an indicator value: a year, a quarter or a month. */
export const period = z.string().regex(PERIOD_PATTERN, {
  message: 'must be a period as YYYY, YYYY-Qn or YYYY-MM (years 1980 to 2099)',
});

export const revision = z.int({ message: 'must be an integer' }).min(1, { message: 'must be at least 1' }).max(999_999, { message: 'must be at most 999999' });

/** A euro amount: not negative, at most one billion, whole cents. */
export const euroAmount = z
  .number({ message: 'must be a number' })
  .min(0, { message: 'must not be negative' })
  .max(1_000_000_000, { message: 'must be at most 1000000000' })
  // Compared after rounding to cents, not by an epsilon, which fails for large amounts.
  .refine((n) => Number.isFinite(n) && Math.round(n * 100) / 100 === n, rule('not_whole_cents', 'must be given in whole cents (at most two decimals)'));

/** The local calendar date of an ISO date-time, in the offset it was written with. */
export const localDateOf = (dateTime: string): string => dateTime.slice(0, 10);
