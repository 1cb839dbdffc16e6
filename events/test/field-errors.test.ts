import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { FIELD_ERROR_PARAMS, fieldError, rule } from '../src/field-error-codes';
import { fieldErrorsOf } from '../src/field-errors';
import { isoDate, period, slug } from '../src/primitives';
import { codedFieldErrorSchema } from '../src/rejected';

const errorsOf = (schema: z.ZodType, value: unknown, rename?: (path: string) => string) => {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) throw new Error('expected the value to be refused');
  return fieldErrorsOf(parsed.error.issues, rename);
};

const schema = z.strictObject({
  name: z.string({ message: 'must be a text' }),
  nested: z.strictObject({ amount: z.number().min(0, { message: 'must not be negative' }) }).optional(),
  list: z.array(z.string()).optional(),
});

describe('fieldErrorsOf: zod issues as field errors', () => {
  it('names each unknown key as its own field, at its place in the object', () => {
    expect(errorsOf(schema, { name: 'x', extra: 1, other: 2, nested: { amount: 1, deeper: true } })).toEqual([
      { path: 'nested.deeper', message: 'is not a known field', code: 'unknown_field' },
      { path: 'extra', message: 'is not a known field', code: 'unknown_field' },
      { path: 'other', message: 'is not a known field', code: 'unknown_field' },
    ]);
  });

  it('keeps path and message within their schema limits, however long the key or value it quotes', () => {
    const key = 'k'.repeat(5_000);
    const value = 'v'.repeat(5_000);
    const quoting = z.strictObject({ id: z.string().refine((v) => v.length < 10, { message: `no region "${value}"` }) });
    const errors = [...errorsOf(schema, { name: 'x', [key]: 1 }), ...errorsOf(quoting, { id: value })];
    for (const e of errors) expect(codedFieldErrorSchema.safeParse(e).success, JSON.stringify(e).slice(0, 80)).toBe(true);
    expect(errors[0]?.path).toHaveLength(300);
    expect(errors[0]?.path.endsWith('…')).toBe(true);
    expect(errors[1]?.message).toHaveLength(1000);
    // Short ones stay exactly as they are, up to the limit itself.
    expect(errorsOf(schema, { name: 1 })[0]).toMatchObject({ path: 'name', message: 'must be a text' });
    const atLimit = 'p'.repeat(300);
    expect(errorsOf(schema, { name: 'x', [atLimit]: 1 })[0]?.path).toBe(atLimit);
  });

  it('says plainly that a missing field is required, whatever message its schema gives a wrong one', () => {
    expect(errorsOf(schema, {})).toEqual([{ path: 'name', message: 'is required', code: 'required' }]);
    expect(errorsOf(schema, { name: 1 })).toEqual([{ path: 'name', message: 'must be a text', code: 'invalid_type', params: { expected: 'string' } }]);
  });

  it("joins paths with dots, array indices included, and keeps the schema's message", () => {
    expect(errorsOf(schema, { name: 'x', nested: { amount: -1 }, list: ['a', 2] })).toEqual([
      { path: 'nested.amount', message: 'must not be negative', code: 'negative' },
      { path: 'list.1', message: expect.any(String), code: 'invalid_type', params: { expected: 'string' } },
    ]);
  });

  it("keeps a custom issue's message and code even when its input is undefined", () => {
    const refined = z.object({ a: z.string().optional() }).superRefine((v, ctx) => {
      if (v.a === undefined) ctx.addIssue({ code: 'custom', path: ['a'], input: undefined, ...rule('required_when_achieved', 'is required when b is set') });
    });
    expect(errorsOf(refined, {})).toEqual([{ path: 'a', message: 'is required when b is set', code: 'required_when_achieved' }]);
  });

  it('renames paths to the names the reader knows', () => {
    expect(errorsOf(z.strictObject({ DetailType: z.string() }), { Extra: 1 }, (p) => (p === 'DetailType' ? 'detail-type' : p.toLowerCase()))).toEqual([
      { path: 'detail-type', message: 'is required', code: 'required' },
      { path: 'extra', message: 'is not a known field', code: 'unknown_field' },
    ]);
  });

  it("takes a rule's code and parameters from the rule itself, so that message and code cannot part", () => {
    const between = z.number().superRefine((value, ctx) => {
      if (value > 100)
        ctx.addIssue({
          code: 'custom',
          ...rule('out_of_range', `must be between 0 and 100 (percent) for x, got ${value}`, { min: 0, max: 100, unit: 'percent', value }),
        });
    });
    expect(errorsOf(between, 140.5)).toEqual([
      {
        path: '',
        message: 'must be between 0 and 100 (percent) for x, got 140.5',
        code: 'out_of_range',
        params: { min: 0, max: 100, unit: 'percent', value: 140.5 },
      },
    ]);
    expect(
      errorsOf(
        z.string().refine((s) => s.trim() !== '', rule('blank', 'must not be blank')),
        ' ',
      ),
    ).toEqual([{ path: '', message: 'must not be blank', code: 'blank' }]);
  });

  it("codes zod's own checks by what they check, with the bound they name", () => {
    const bounded = z.strictObject({
      text: z.string().min(1, { message: 'must not be empty' }).max(3, { message: 'must be at most 3 characters' }).optional(),
      longer: z.string().min(2).optional(),
      list: z.array(z.string()).min(1).max(2).optional(),
      count: z.int().min(1).max(9).optional(),
      amount: z.number().min(0).optional(),
      choice: z.enum(['a', 'b']).optional(),
      url: z.url().optional(),
      at: z.iso.datetime({ offset: true }).optional(),
    });
    const coded = (value: Record<string, unknown>) => errorsOf(bounded, value).map(({ path, code, params }) => ({ path, code, params }));
    expect(coded({ text: '', longer: 'x', list: [], count: 0, amount: -1, choice: 'c', url: 'nope', at: '2012-02-10' })).toEqual([
      { path: 'text', code: 'required', params: undefined },
      { path: 'longer', code: 'too_short', params: { min: 2 } },
      { path: 'list', code: 'too_few', params: { min: 1 } },
      { path: 'count', code: 'too_small', params: { min: 1 } },
      { path: 'amount', code: 'negative', params: undefined },
      { path: 'choice', code: 'not_one_of', params: { options: ['a', 'b'] } },
      { path: 'url', code: 'invalid_url', params: undefined },
      { path: 'at', code: 'invalid_datetime', params: undefined },
    ]);
    expect(coded({ text: 'abcd', list: ['a', 'b', 'c'], count: 10 })).toEqual([
      { path: 'text', code: 'too_long', params: { max: 3 } },
      { path: 'list', code: 'too_many', params: { max: 2 } },
      { path: 'count', code: 'too_large', params: { max: 9 } },
    ]);
    expect(coded({ count: 1.5 })).toEqual([{ path: 'count', code: 'not_integer', params: undefined }]);
  });

  it('codes a text that misses a pattern by the pattern: slug, date, period; another pattern as a format', () => {
    const texts = z.strictObject({ id: slug, on: isoDate, period, other: z.string().regex(/^x+$/) });
    const errors = errorsOf(texts, { id: 'Kein Slug', on: '1.2.2012', period: '2012-Q5', other: 'y' });
    // The date's pattern and its calendar check both speak; both are a date problem.
    expect([...new Map(errors.map((e) => [e.path, e.code]))]).toEqual([
      ['id', 'invalid_slug'],
      ['on', 'invalid_date'],
      ['period', 'invalid_period'],
      ['other', 'invalid_format'],
    ]);
  });

  it('gives a custom issue that names no known code the general code "invalid", never none', () => {
    expect(
      errorsOf(
        z.string().refine(() => false, { message: 'is odd' }),
        'x',
      ),
    ).toEqual([{ path: '', message: 'is odd', code: 'invalid' }]);
    expect(
      errorsOf(
        z.string().refine(() => false, { message: 'is odd', params: { code: 'no_such_code' } }),
        'x',
      ),
    ).toEqual([{ path: '', message: 'is odd', code: 'invalid' }]);
  });

  it('gives every code of the table parameters with names only', () => {
    for (const [code, names] of Object.entries(FIELD_ERROR_PARAMS)) {
      expect([code, /^[a-z][a-z_]*$/.test(code)]).toEqual([code, true]);
      for (const name of names) expect(name).toMatch(/^[a-zA-Z]+$/);
    }
  });
});

describe('fieldErrorsOf: the rarer checks, each with its code', () => {
  const only = (schema: z.ZodType, value: unknown) => {
    const [error, ...more] = errorsOf(schema, value);
    expect(more).toEqual([]);
    return error;
  };

  it('names the options of a choice that a client can show: texts and numbers, null as "null"', () => {
    expect(only(z.literal([1, null, true, 'a']), 2)).toStrictEqual({
      path: '',
      message: expect.any(String),
      code: 'not_one_of',
      params: { options: [1, 'null', 'a'] },
    });
    expect(only(z.literal([1, false]), 2)).toStrictEqual({ path: '', message: expect.any(String), code: 'not_one_of', params: { options: [1] } });
  });

  it('says a number that is no finite number is not finite, and names the type a wrong one should have', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(only(z.number(), value)).toStrictEqual({ path: '', message: expect.any(String), code: 'not_finite' });
    }
    expect(only(z.number(), '12')).toStrictEqual({ path: '', message: expect.any(String), code: 'invalid_type', params: { expected: 'number' } });
    expect(only(z.int(), '12')).toStrictEqual({ path: '', message: expect.any(String), code: 'invalid_type', params: { expected: 'number' } });
    expect(only(z.boolean(), 'yes')).toStrictEqual({ path: '', message: expect.any(String), code: 'invalid_type', params: { expected: 'boolean' } });
    expect(only(z.string(), Number.NaN)).toStrictEqual({ path: '', message: expect.any(String), code: 'invalid_type', params: { expected: 'string' } });
  });

  it('counts the entries of a set as of a list', () => {
    expect(only(z.set(z.string()).min(2), new Set(['a']))).toStrictEqual({ path: '', message: expect.any(String), code: 'too_few', params: { min: 2 } });
    expect(only(z.set(z.string()).max(1), new Set(['a', 'b']))).toStrictEqual({ path: '', message: expect.any(String), code: 'too_many', params: { max: 1 } });
  });

  it('calls a number below zero negative only where zero itself is allowed', () => {
    expect(only(z.number().min(0), -1)).toStrictEqual({ path: '', message: expect.any(String), code: 'negative' });
    expect(only(z.number().positive(), 0)).toStrictEqual({ path: '', message: expect.any(String), code: 'too_small', params: { min: 0 } });
    expect(only(z.number().min(5), 4)).toStrictEqual({ path: '', message: expect.any(String), code: 'too_small', params: { min: 5 } });
  });

  it('codes the formats zod checks itself: a calendar date, an address, anything else as a format', () => {
    expect(only(z.iso.date(), '2012-13-01')).toStrictEqual({ path: '', message: expect.any(String), code: 'invalid_date' });
    expect(only(z.url(), 'nope')).toStrictEqual({ path: '', message: expect.any(String), code: 'invalid_url' });
    expect(only(z.email(), 'nope')).toStrictEqual({ path: '', message: expect.any(String), code: 'invalid_format' });
  });

  it('gives the general code "invalid" to checks it has no code for', () => {
    expect(only(z.number().multipleOf(5), 7)).toStrictEqual({ path: '', message: expect.any(String), code: 'invalid' });
    expect(only(z.union([z.string(), z.number()]), true)).toStrictEqual({ path: '', message: expect.any(String), code: 'invalid' });
  });

  it('takes only a text as the code a rule names', () => {
    const refined = z.string().refine(() => false, { message: 'is odd', params: { code: ['required'] } });
    expect(only(refined, 'x')).toStrictEqual({ path: '', message: 'is odd', code: 'invalid' });
  });
});

describe('fieldError: a field error of a rule written out in code', () => {
  it('carries parameters only when its code has some', () => {
    expect(fieldError('detail', 'not_an_object', 'must be a JSON object')).toStrictEqual({
      path: 'detail',
      message: 'must be a JSON object',
      code: 'not_an_object',
    });
    expect(fieldError('source', 'unknown_region', 'names no region', { regionId: 'atlantis' })).toStrictEqual({
      path: 'source',
      message: 'names no region',
      code: 'unknown_region',
      params: { regionId: 'atlantis' },
    });
  });
});
