import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { codedFieldErrorSchema, EVENT_REJECTED, fieldErrorSchema, VALIDATION_SOURCE } from '@modellregionen/events';

describe('the notice of a rejected report', () => {
  it('is an EventRejected from modellregionen.validation', () => {
    expect([VALIDATION_SOURCE, EVENT_REJECTED]).toEqual(['modellregionen.validation', 'EventRejected']);
  });
});

describe('a field error, as clients read it', () => {
  const documented = (schema: z.ZodType) =>
    Object.fromEntries(
      Object.entries((z.toJSONSchema(schema) as { properties: Record<string, { description?: string }> }).properties).map(([name, p]) => [
        name,
        p.description ?? '',
      ]),
    );

  it('documents each of its fields for readers of the API', () => {
    for (const schema of [codedFieldErrorSchema, fieldErrorSchema]) {
      const descriptions = documented(schema);
      expect(Object.keys(descriptions)).toEqual(['path', 'message', 'code', 'params']);
      for (const [name, text] of Object.entries(descriptions)) expect(text.length, name).toBeGreaterThan(20);
    }
    expect(documented(codedFieldErrorSchema).code).toMatch(/^What is wrong, as a stable code/);
    expect(documented(fieldErrorSchema).code).toMatch(/Absent in records made before codes were given\.$/);
  });

  it('always has a code where the validator and the API give it, and may lack one in old quarantine records', () => {
    const old = { path: 'achievedDate', message: 'is required when status is achieved' };
    expect(fieldErrorSchema.safeParse(old).success).toBe(true);
    expect(codedFieldErrorSchema.safeParse(old).success).toBe(false);
    expect(codedFieldErrorSchema.safeParse({ ...old, code: 'required_when_achieved' }).success).toBe(true);
  });
});
