// Indicator tables as municipal statistics offices deliver them: one line per indicator and period
// with the total and the values with and without a migration background. Read with papaparse
// (delimiter detected: `;` from German Excel, `,` or tab from elsewhere), checked line by line.
import type { Catalogue, FieldError } from '../api/types';
import { checkIndicatorValue, type IndicatorValues, type ValueKey } from '../data/indicator-rules';
import { parseLocaleNumber } from '../i18n/format';

type ImportColumn = 'indicator' | 'period' | ValueKey | 'source' | 'isBaseline';

/** Header names this import understands (compared in lower case, without spaces, dots and hyphens). */
const ALIASES: Record<ImportColumn, readonly string[]> = {
  indicator: ['indikator', 'indicator', 'indicatorid', 'indikatorid', 'kennung'],
  period: ['zeitraum', 'periode', 'berichtszeitraum', 'jahr', 'period'],
  total: ['insgesamt', 'gesamt', 'total', 'wert'],
  withMigrationBackground: ['mitmigrationshintergrund', 'mitmh', 'withmigrationbackground'],
  withoutMigrationBackground: ['ohnemigrationshintergrund', 'ohnemh', 'withoutmigrationbackground'],
  source: ['quelle', 'source'],
  isBaseline: ['basiswert', 'basis', 'basisjahr', 'isbaseline', 'baseline'],
};

const normalHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s._-]+/g, '');

/** The headers of the template and of the CSV the app offers for download. */
export const TEMPLATE_HEADERS = ['Indikator', 'Zeitraum', 'Insgesamt', 'Mit Migrationshintergrund', 'Ohne Migrationshintergrund', 'Quelle', 'Basiswert'];

export interface ImportRow {
  /** The line in the file (the header is line 1). */
  readonly line: number;
  readonly indicatorId: string;
  readonly indicatorText: string;
  readonly period: string;
  readonly values: IndicatorValues;
  readonly source?: string;
  readonly isBaseline?: boolean;
  readonly errors: readonly FieldError[];
}

export interface ImportResult {
  readonly rows: readonly ImportRow[];
  /** Problems of the file as a whole (a missing column); then no row is usable. */
  readonly fileErrors: readonly FieldError[];
  readonly ignoredColumns: readonly string[];
}

/** Reads bytes as UTF-8, or as Windows-1252 where they are not UTF-8 (Excel's "CSV" on German Windows). */
export const decodeCsvBytes = (bytes: ArrayBuffer): string => {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
};

// German statistics mark "no figure" with a dot, a dash or "x"; such a cell reports nothing.
const NO_FIGURE = /^(?:\.|-|–|x|\/)$/i;

const readNumber = (cell: string | undefined, path: string, errors: FieldError[]): number | undefined => {
  const text = (cell ?? '').trim();
  if (text === '' || NO_FIGURE.test(text)) return undefined;
  const n = parseLocaleNumber(text, 'de');
  if (n === undefined) errors.push({ path, code: 'not_a_number', message: `is not a number: "${text}"`, params: { value: text } });
  return n;
};

const readFlag = (cell: string | undefined): boolean | undefined => {
  const text = (cell ?? '').trim().toLowerCase();
  if (text === '') return undefined;
  return ['ja', 'j', 'x', 'yes', 'y', 'true', 'wahr', '1'].includes(text);
};

/** An indicator named by its id or by its German or English title. */
const findIndicator = (catalogue: Catalogue, text: string) => {
  const wanted = text.trim().toLowerCase();
  return catalogue.indicators.find((i) => i.id === wanted || i.title.toLowerCase() === wanted || i.titleEn.toLowerCase() === wanted);
};

export const parseIndicatorCsv = async (text: string, catalogue: Catalogue): Promise<ImportResult> => {
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [';', ',', '\t', '|'] });
  const [header = [], ...lines] = parsed.data;
  const columns = new Map<ImportColumn, number>();
  const ignoredColumns: string[] = [];
  header.forEach((h, index) => {
    const name = normalHeader(h);
    const column = (Object.keys(ALIASES) as ImportColumn[]).find((c) => ALIASES[c].includes(name));
    if (column && !columns.has(column)) columns.set(column, index);
    else if (h.trim() !== '') ignoredColumns.push(h.trim());
  });
  const fileErrors: FieldError[] = [];
  if (header.length === 0) fileErrors.push({ path: 'file', code: 'empty_file', message: 'the file is empty' });
  else {
    if (!columns.has('indicator')) fileErrors.push({ path: 'Indikator', code: 'missing_column', message: 'column missing', params: { column: 'Indikator' } });
    if (!columns.has('period')) fileErrors.push({ path: 'Zeitraum', code: 'missing_column', message: 'column missing', params: { column: 'Zeitraum' } });
    if (!columns.has('total') && !columns.has('withMigrationBackground') && !columns.has('withoutMigrationBackground')) {
      fileErrors.push({ path: 'Insgesamt', code: 'missing_column', message: 'column missing', params: { column: 'Insgesamt' } });
    }
  }
  if (fileErrors.length > 0) return { rows: [], fileErrors, ignoredColumns };

  const cell = (line: string[], column: ImportColumn) => {
    const index = columns.get(column);
    return index === undefined ? undefined : line[index];
  };
  const seen = new Map<string, number>();
  const rows = lines.map((line, i): ImportRow => {
    const errors: FieldError[] = [];
    const indicatorText = (cell(line, 'indicator') ?? '').trim();
    const def = indicatorText === '' ? undefined : findIndicator(catalogue, indicatorText);
    const indicatorId = def?.id ?? indicatorText;
    const period = (cell(line, 'period') ?? '').trim();
    const values: IndicatorValues = {};
    for (const key of ['total', 'withMigrationBackground', 'withoutMigrationBackground'] as const) {
      const n = readNumber(cell(line, key), `values.${key}`, errors);
      if (n !== undefined) values[key] = n;
    }
    const checks = checkIndicatorValue(catalogue, { indicatorId: def ? def.id : indicatorText === '' ? '' : `?${indicatorText}`, period, values });
    // A cell that is no number is the problem, not "no values" (which follows from it).
    const unreadable = errors.some((e) => e.path.startsWith('values.'));
    errors.push(...checks.filter((e) => !errors.some((x) => x.path === e.path) && !(unreadable && e.code === 'no_values')));
    const key = `${indicatorId}|${period}`;
    const lineNo = i + 2;
    if (seen.has(key)) errors.push({ path: 'period', code: 'duplicate_row', message: `repeats line ${seen.get(key)}`, params: { line: seen.get(key)! } });
    else seen.set(key, lineNo);
    const source = (cell(line, 'source') ?? '').trim();
    const isBaseline = readFlag(cell(line, 'isBaseline'));
    return {
      line: lineNo,
      indicatorId,
      indicatorText,
      period,
      values,
      ...(source ? { source } : {}),
      ...(isBaseline !== undefined ? { isBaseline } : {}),
      errors,
    };
  });
  return { rows, fileErrors: [], ignoredColumns };
};

/** The body of `POST /v1/regions/{regionId}/indicators` for a valid row. */
export const rowReport = (row: ImportRow, revision: number, reportedAt: string) => ({
  schemaVersion: 1,
  revision,
  reportedAt,
  indicatorId: row.indicatorId,
  period: row.period,
  values: row.values,
  ...(row.source ? { source: row.source } : {}),
  ...(row.isBaseline ? { isBaseline: true } : {}),
});
