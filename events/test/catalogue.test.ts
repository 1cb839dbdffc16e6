import { describe, expect, it } from 'vitest';
import { defaultCatalogue, isReportingRegion, loadCatalogue, regionSchema } from '@modellregionen/events';
import fieldsFile from '../catalogues/fields-of-action.json' with { type: 'json' };
import indicatorsFile from '../catalogues/indicators.json' with { type: 'json' };
import regionsFile from '../catalogues/regions.json' with { type: 'json' };

type Files = Parameters<typeof loadCatalogue>[0];
const region = (id: string, kind = 'city', role = 'model-region') => ({ id, name: `Stadt ${id}`, kind, programmes: ['wir'], role });
const indicator = defaultCatalogue.indicators[0]!;
const files = (over: { regions?: unknown[]; indicators?: unknown[] } = {}): Files => ({
  regions: { version: 'r.1', regions: over.regions ?? [region('kassel')] },
  fieldsOfAction: { version: 'f.1', fieldsOfAction: defaultCatalogue.fieldsOfAction },
  indicators: { version: 'i.1', indicators: over.indicators ?? [indicator] },
});
/** The zod issues loadCatalogue threw, as path and message. */
const refusal = (input: Files) => {
  try {
    loadCatalogue(input);
  } catch (err) {
    return (err as { issues: { path: (string | number)[]; message: string }[] }).issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  }
  throw new Error('expected the catalogue to be refused');
};

describe('the catalogue', () => {
  it('shipped is valid, and the functions take it as the files hold it (they do not check it at a cold start)', () => {
    expect(loadCatalogue({ regions: regionsFile, fieldsOfAction: fieldsFile, indicators: indicatorsFile })).toEqual(defaultCatalogue);
  });

  it('names the versions of its three documents', () => {
    expect(loadCatalogue(files()).version).toBe('regions r.1, fields f.1, indicators i.1');
    expect(defaultCatalogue.version).toBe('regions 2009.1, fields 2009.1, indicators 2011.1');
  });

  it('knows regions of every kind: city, county, county with a city, town and municipality', () => {
    const kinds = ['city', 'county', 'county-with-city', 'town', 'municipality'];
    const catalogue = loadCatalogue(files({ regions: kinds.map((kind, i) => region(`r${i}`, kind)) }));
    expect(catalogue.regions.map((r) => r.kind)).toEqual(kinds);
    expect(refusal(files({ regions: [region('kassel', 'village')] }))).toMatchObject([{ path: 'regions.0.kind' }]);
  });

  it('refuses a region id given twice, and an indicator id given twice', () => {
    expect(refusal(files({ regions: [region('kassel'), region('kassel')] }))).toEqual([{ path: 'regions', message: 'region ids must be unique' }]);
    expect(refusal(files({ indicators: [indicator, indicator] }))).toEqual([{ path: 'indicators', message: 'indicator ids must be unique' }]);
    expect(loadCatalogue(files({ regions: [region('kassel'), region('wetzlar')] })).regions).toHaveLength(2);
  });

  it('refuses an indicator whose range is empty: min must be below max', () => {
    expect(refusal(files({ indicators: [{ ...indicator, min: 5, max: 5 }] }))).toEqual([{ path: 'indicators.0.max', message: 'min must be below max' }]);
    expect(refusal(files({ indicators: [{ ...indicator, min: 6, max: 5 }] }))).toEqual([{ path: 'indicators.0.max', message: 'min must be below max' }]);
    expect(loadCatalogue(files({ indicators: [{ ...indicator, min: 4.9, max: 5 }] })).indicators[0]).toMatchObject({ min: 4.9, max: 5 });
  });

  it('lists a region in at most 20 programmes', () => {
    const programmes = Array.from({ length: 20 }, (_, i) => `p${i}`);
    expect(loadCatalogue(files({ regions: [{ ...region('kassel'), programmes }] })).regions[0]!.programmes).toHaveLength(20);
    expect(refusal(files({ regions: [{ ...region('kassel'), programmes: [...programmes, 'p20'] }] }))).toMatchObject([{ path: 'regions.0.programmes' }]);
  });

  it('counts model regions and circle members as reporting, subscribers not', () => {
    expect(['model-region', 'circle-member', 'subscriber'].map((role) => isReportingRegion(regionSchema.parse(region('x', 'city', role))))).toEqual([
      true,
      true,
      false,
    ]);
  });
});
