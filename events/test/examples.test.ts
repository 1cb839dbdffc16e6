import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { DETAIL_TYPES, validator } from '@modellregionen/events';

/**
 * The files in events/examples/ are what we hand to the coordinators as templates: every entry
 * must pass the same preflight check a coordinator runs before sending.
 */
const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));

const files = readdirSync(examplesDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

const entriesOf = (file: string): unknown[] => {
  const parsed: unknown = JSON.parse(readFileSync(join(examplesDir, file), 'utf8'));
  return Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
};

const detailTypeOf = (entry: unknown): unknown => (typeof entry === 'object' && entry !== null && 'DetailType' in entry ? entry.DetailType : undefined);

describe('events/examples', () => {
  it('holds example files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  describe.each(files)('%s', (file) => {
    const entries = entriesOf(file);

    it('is a non-empty list of PutEvents entries', () => {
      expect(entries.length).toBeGreaterThan(0);
    });

    it.each(entries.map((entry, index) => [index, entry] as const))('entry %i passes the preflight validation', (_index, entry) => {
      const result = validator.validatePutEventsEntry(entry);
      // On failure the diff shows every { path, message } the validator reported.
      expect(result.ok ? [] : result.errors).toEqual([]);
    });
  });

  it('has at least one example per detail-type', () => {
    const seen = new Set(files.flatMap((file) => entriesOf(file).map(detailTypeOf)));
    for (const detailType of DETAIL_TYPES) {
      expect(seen, `no example for ${detailType}`).toContain(detailType);
    }
  });
});
