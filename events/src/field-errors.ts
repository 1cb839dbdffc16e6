import type { z } from 'zod';
import { type CodedFieldError, type FieldErrorCode, type FieldErrorParam, isFieldErrorCode } from './field-error-codes';
import { PATTERN_CODES } from './primitives';

type Issue = z.core.$ZodIssue;

// The longest path and message a field error has (its schema's limits): a hostile key or value
// quoted in a message must not make the answer that refuses it invalid.
const MAX_PATH = 300;
const MAX_MESSAGE = 1000;
const shortened = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
type Coded = { code: FieldErrorCode; params?: Record<string, FieldErrorParam> };

/** The values an enum or literal allows, as parameters can carry them. */
const optionsOf = (values: readonly unknown[]): (string | number)[] =>
  values.flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? [v] : v === null ? ['null'] : []));

/**
 * The code of a zod issue. A rule written as a refinement or custom issue names its own (`rule` in
 * field-error-codes.ts); zod's own checks are coded by what they check, with the bound they name.
 */
const codeOf = (issue: Issue, missing: boolean): Coded => {
  if (missing) return { code: 'required' };
  switch (issue.code) {
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as Record<string, FieldErrorParam>;
      if (!isFieldErrorCode(code)) return { code: 'invalid' };
      return Object.keys(params).length > 0 ? { code, params } : { code };
    }
    case 'invalid_type':
      // zod expects an `int` only of a number, one that is not whole: any other input is not a number.
      if (issue.expected === 'int') return { code: 'not_integer' };
      // A number zod does not take as a number is NaN or infinite.
      if (issue.expected === 'number' && typeof issue.input === 'number') return { code: 'not_finite' };
      return { code: 'invalid_type', params: { expected: issue.expected } };
    case 'invalid_value':
      return { code: 'not_one_of', params: { options: optionsOf(issue.values) } };
    case 'too_small': {
      const min = Number(issue.minimum);
      // An empty text is, to whoever fills in a form, a field not filled in.
      if (issue.origin === 'string') return min <= 1 ? { code: 'required' } : { code: 'too_short', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_few', params: { min } };
      if (min === 0 && issue.inclusive !== false) return { code: 'negative' };
      return { code: 'too_small', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_many', params: { max } };
      return { code: 'too_large', params: { max } };
    }
    case 'invalid_format':
      // zod names the pattern of every regex issue.
      if (issue.format === 'regex') return { code: PATTERN_CODES.get(issue.pattern!) ?? 'invalid_format' };
      if (issue.format === 'datetime') return { code: 'invalid_datetime' };
      if (issue.format === 'date') return { code: 'invalid_date' };
      if (issue.format === 'url') return { code: 'invalid_url' };
      return { code: 'invalid_format' };
    default:
      return { code: 'invalid' };
  }
};

/**
 * zod's issues as field errors, the one way the reports' validator, the validate CLI, quarantine
 * and every 400 of the HTTP API word them: a dotted path per offending field (one per unknown
 * key), and "is required" for a missing one; each with its code and parameters. Parse with
 * `{ reportInput: true }`: a missing field is told from a wrong one by the issue's input.
 * `rename` maps a path to the name the reader knows (a PutEvents entry's `DetailType` as the
 * delivered envelope's `detail-type`).
 */
export const fieldErrorsOf = (issues: readonly Issue[], rename: (path: string) => string = (path) => path): CodedFieldError[] =>
  issues.flatMap((issue): CodedFieldError[] => {
    const base = issue.path.map(String);
    const pathOf = (parts: string[]) => shortened(rename(parts.join('.')), MAX_PATH);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: pathOf([...base, key]), message: 'is not a known field', code: 'unknown_field' }));
    }
    // zod reports a missing field as a wrong type or option; say plainly that it is missing.
    const missing = issue.code !== 'custom' && 'input' in issue && issue.input === undefined;
    return [{ path: pathOf(base), message: shortened(missing ? 'is required' : issue.message, MAX_MESSAGE), ...codeOf(issue, missing) }];
  });
