import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '@modellregionen/events';
import type { Catalogue } from '../src/api/types';
import { decodeCsvBytes, parseIndicatorCsv, rowReport } from '../src/csv/indicator-import';

// The catalogue as GET /v1/catalogue shows it: the German title as `title`.
const catalogue: Catalogue = {
  regions: defaultCatalogue.regions.map((r) => ({ ...r, programmes: [...r.programmes] })),
  fieldsOfAction: defaultCatalogue.fieldsOfAction.map((f) => ({ ...f })),
  indicators: defaultCatalogue.indicators.map(({ titleDe, ...i }) => ({ ...i, title: titleDe })),
};

const csv = (...lines: string[]) => lines.join('\r\n');

describe('the indicator CSV import', () => {
  it('reads a German Excel table: `;`, decimal commas, grouped thousands, titles or ids, a dot for "no figure"', async () => {
    const result = await parseIndicatorCsv(
      csv(
        'Indikator;Zeitraum;Insgesamt;Mit Migrationshintergrund;Ohne Migrationshintergrund;Quelle;Basiswert',
        'Arbeitslosenquote;2012;8,7;13,9;6,5;Statistikamt;nein',
        'naturalisations;2012;1.234;.;.;Standesamt;',
        'Besuchsquote Kindertageseinrichtungen, 3 bis unter 6 Jahre;2008;89;82,5;94,1;Migrationsbericht 2008;ja',
      ),
      catalogue,
    );
    expect(result.fileErrors).toEqual([]);
    expect(result.rows.map((r) => [r.line, r.indicatorId, r.period, r.values, r.errors])).toEqual([
      [2, 'unemployment-rate', '2012', { total: 8.7, withMigrationBackground: 13.9, withoutMigrationBackground: 6.5 }, []],
      [3, 'naturalisations', '2012', { total: 1234 }, []],
      [4, 'daycare-attendance-3-to-6', '2008', { total: 89, withMigrationBackground: 82.5, withoutMigrationBackground: 94.1 }, []],
    ]);
    expect(result.rows[2]!.isBaseline).toBe(true);
    expect(rowReport(result.rows[0]!, 2, '2013-03-01T10:00:00+01:00')).toEqual({
      schemaVersion: 1,
      revision: 2,
      reportedAt: '2013-03-01T10:00:00+01:00',
      indicatorId: 'unemployment-rate',
      period: '2012',
      values: { total: 8.7, withMigrationBackground: 13.9, withoutMigrationBackground: 6.5 },
      source: 'Statistikamt',
    });
  });

  it('gives each bad line its errors with the API\u2019s codes, and keeps the good ones', async () => {
    const result = await parseIndicatorCsv(
      csv(
        'indicator,period,total,with migration background,without migration background',
        'unemployment-rate,2012,140,,',
        'naturalisations,2012,12.5,3,',
        'no-such-indicator,2012,1,,',
        'unemployment-rate,2012/13,8,,',
        'unemployment-rate,2011,acht,,',
        'unemployment-rate,2010,,,',
        'unemployment-rate,2012,8,,',
      ),
      catalogue,
    );
    const errors = result.rows.map((r) => r.errors.map((e) => [e.path, e.code]));
    expect(errors).toEqual([
      [['values.total', 'out_of_range']],
      [
        ['values.total', 'not_whole_number'],
        ['values.withMigrationBackground', 'no_breakdown'],
      ],
      [['indicatorId', 'unknown_indicator']],
      [['period', 'invalid_period']],
      [['values.total', 'not_a_number']],
      [['values', 'no_values']],
      [['period', 'duplicate_row']],
    ]);
    expect(result.rows[0]!.errors[0]!.params).toEqual({ min: 0, max: 100, unit: 'percent', value: 140 });
  });

  it('says which column is missing rather than failing line by line', async () => {
    const result = await parseIndicatorCsv(csv('Indikator;Jahr;Anmerkung', 'Arbeitslosenquote;2012;x'), catalogue);
    expect(result.rows).toEqual([]);
    expect(result.fileErrors.map((e) => [e.code, e.params])).toEqual([['missing_column', { column: 'Insgesamt' }]]);
    expect(result.ignoredColumns).toEqual(['Anmerkung']);
    expect((await parseIndicatorCsv('', catalogue)).fileErrors.map((e) => e.code)).toEqual(['empty_file']);
  });

  it('reads files Excel saved in the Windows character set as well as UTF-8', () => {
    const windows1252 = new Uint8Array([0x45, 0x69, 0x6e, 0x62, 0xfc, 0x72, 0x67, 0x65, 0x72, 0x75, 0x6e, 0x67, 0x65, 0x6e]);
    expect(decodeCsvBytes(windows1252.buffer)).toBe('Einbürgerungen');
    expect(decodeCsvBytes(new TextEncoder().encode('Einbürgerungen').buffer as ArrayBuffer)).toBe('Einbürgerungen');
  });
});
