import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from '../src/field-errors';

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
      { path: 'nested.deeper', message: 'is not a known field' },
      { path: 'extra', message: 'is not a known field' },
      { path: 'other', message: 'is not a known field' },
    ]);
  });

  it('says plainly that a missing field is required, whatever message its schema gives a wrong one', () => {
    expect(errorsOf(schema, {})).toEqual([{ path: 'name', message: 'is required' }]);
    expect(errorsOf(schema, { name: 1 })).toEqual([{ path: 'name', message: 'must be a text' }]);
  });

  it("joins paths with dots, array indices included, and keeps the schema's message", () => {
    expect(errorsOf(schema, { name: 'x', nested: { amount: -1 }, list: ['a', 2] })).toEqual([
      { path: 'nested.amount', message: 'must not be negative' },
      { path: 'list.1', message: expect.any(String) },
    ]);
  });

  it("keeps a custom issue's message even when its input is undefined", () => {
    const refined = z.object({ a: z.string().optional() }).superRefine((v, ctx) => {
      if (v.a === undefined) ctx.addIssue({ code: 'custom', path: ['a'], message: 'is required when b is set', input: undefined });
    });
    expect(errorsOf(refined, {})).toEqual([{ path: 'a', message: 'is required when b is set' }]);
  });

  it('renames paths to the names the reader knows', () => {
    expect(errorsOf(z.strictObject({ DetailType: z.string() }), { Extra: 1 }, (p) => (p === 'DetailType' ? 'detail-type' : p.toLowerCase()))).toEqual([
      { path: 'detail-type', message: 'is required' },
      { path: 'extra', message: 'is not a known field' },
    ]);
  });
});
