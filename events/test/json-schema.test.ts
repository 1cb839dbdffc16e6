import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DETAIL_TYPES, jsonSchemaFileName, jsonSchemas } from '@modellregionen/events';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'json-schema');

describe('the checked-in JSON Schema files', () => {
  const generated = jsonSchemas();

  it('exist for every detail-type and for EventRejected, and for nothing else', () => {
    expect(readdirSync(dir).sort()).toEqual([...DETAIL_TYPES, 'EventRejected'].map(jsonSchemaFileName).sort());
  });

  it.each(Object.keys(generated))('%s is up to date with the zod schema (run `npm run schemas`)', (name) => {
    const onDisk: unknown = JSON.parse(readFileSync(join(dir, jsonSchemaFileName(name)), 'utf8'));
    expect(onDisk).toEqual(generated[name]);
  });

  it('reject unknown fields, as the validator does', () => {
    for (const schema of Object.values(generated)) {
      expect(schema).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('name the catalogue indicators as the only indicatorId values', () => {
    const schema = generated.IndicatorReported as { properties: { indicatorId: { enum: string[] } } };
    expect(schema.properties.indicatorId.enum).toContain('unemployment-rate');
  });
});
