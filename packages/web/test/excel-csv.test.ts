import { describe, expect, it } from 'vitest';
import { buildExcelCsv, csvNumber, fileSlug } from '../src/csv/excel-csv';

describe('CSV for German Excel', () => {
  it('is UTF-8 with a byte order mark, `;` between fields, CRLF line ends and decimal commas', async () => {
    const text = await buildExcelCsv({
      headers: ['Region', 'Fördermittel', 'Quote'],
      rows: [
        ['Stadt Wetzlar', 286914.43, 12.5],
        ['Gesamt', 1128133.23, null],
      ],
    });
    expect(text).toBe('\uFEFFRegion;Fördermittel;Quote\r\nStadt Wetzlar;286914,43;12,5\r\nGesamt;1128133,23;\r\n');
  });

  it('quotes fields with separators, quotes or line breaks', async () => {
    const text = await buildExcelCsv({ headers: ['Titel'], rows: [['Kita; Schule'], ['„Mama lernt Deutsch“ "Kurs"'], ['zwei\nZeilen']] });
    expect(text.split('\r\n').slice(1, 4)).toEqual(['"Kita; Schule"', '"„Mama lernt Deutsch“ ""Kurs"""', '"zwei\nZeilen"']);
  });

  it('defuses text that Excel would run as a formula, but keeps negative numbers numbers', async () => {
    const text = await buildExcelCsv({ headers: ['a', 'b', 'c', 'd'], rows: [['=HYPERLINK("x")', '@SUM(A1)', '-Bildung', -1.5]] });
    expect(text.split('\r\n')[1]).toBe(`"'=HYPERLINK(""x"")";"'@SUM(A1)";"'-Bildung";-1,5`);
  });

  it('writes numbers without grouping, whatever their size', () => {
    expect(csvNumber(1234567.891)).toBe('1234567,891');
    expect(csvNumber(-0.25)).toBe('-0,25');
    expect(csvNumber(1e9)).toBe('1000000000');
  });

  it('names files in plain lower case', () => {
    expect(fileSlug('Förderung', 'Main-Kinzig-Kreis', 'Straße 2012')).toBe('foerderung-main-kinzig-kreis-strasse-2012');
  });
});
