// CSV files as German Excel opens them with a double click: UTF-8 with a byte order mark (else
// Excel reads Windows-1252 and breaks umlauts), `;` between fields (the list separator of German
// Windows), decimal commas, CRLF line ends.

export type CsvValue = string | number | boolean | null | undefined;
export interface CsvTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly CsvValue[])[];
}

const BOM = '\uFEFF';

/** A number as German Excel reads it: decimal comma, no grouping (a dot would be a thousands separator or a date). */
export const csvNumber = (n: number): string =>
  new Intl.NumberFormat('de-DE', { useGrouping: false, maximumFractionDigits: 10 }).format(n).replace('\u2212', '-');

/**
 * Text that Excel would run as a formula (=, +, -, @, tab, CR at the start) gets a leading
 * apostrophe (OWASP "CSV injection"); a negative number such as -1,5 stays a number.
 */
const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d+(?:,\d+)?$))/;

const cell = (value: CsvValue): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? csvNumber(value) : null;
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  return value;
};

/** The table as the text of a CSV file (papaparse quotes what needs quoting). */
export const buildExcelCsv = async (table: CsvTable): Promise<string> => {
  const { default: Papa } = await import('papaparse');
  const text = Papa.unparse(
    { fields: [...table.headers], data: table.rows.map((row) => row.map(cell)) },
    { delimiter: ';', newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START },
  );
  return `${BOM + text}\r\n`;
};

/** Offers the table as a file download, built here from data already loaded. */
export const downloadCsv = async (filename: string, table: CsvTable): Promise<void> => {
  const text = await buildExcelCsv(table);
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** A file name from words: lower case, umlauts spelled out, hyphens. */
export const fileSlug = (...parts: string[]): string =>
  parts
    .join('-')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
