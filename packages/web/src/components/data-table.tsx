import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { type CsvTable, type CsvValue, downloadCsv } from '../csv/excel-csv';
import { t } from '../i18n/i18n';

/** "CSV herunterladen" for a table; its accessible name says which table. */
export const CsvButton = ({ filename, table, label }: { filename: string; table: () => CsvTable; label: string }) => {
  const [failed, setFailed] = useState(false);
  return (
    <span class="csv-button">
      <button
        type="button"
        class="button button-secondary button-small"
        onClick={() => {
          setFailed(false);
          downloadCsv(filename.endsWith('.csv') ? filename : `${filename}.csv`, table()).catch(() => setFailed(true));
        }}
      >
        <span aria-hidden="true" class="icon-download" />
        {t('csv.download')}
        <span class="visually-hidden">: {label}</span>
      </button>
      {failed && (
        <span role="alert" class="field-error">
          {t('csv.failed')}
        </span>
      )}
    </span>
  );
};

/** A scrollable frame for wide tables that keyboard users can scroll too (it takes focus). */
export const TableScroll = ({ label, children }: { label: string; children: ComponentChildren }) => (
  // Focusable, as WCAG 2.1.1 asks of content that scrolls: a named box around a table, not a page section.
  // biome-ignore lint/a11y/useSemanticElements: see above
  // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
  <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
    {children}
  </div>
);

/** A short header on screen with its full words for screen readers (the CSV has the full words). */
export const Short = ({ short, long }: { short: string; long: string }) => (
  <>
    <span aria-hidden="true">{short}</span>
    <span class="visually-hidden">{long}</span>
  </>
);

export interface Column<R> {
  readonly header: string;
  /** What the header shows on screen, when it differs from `header` (see Short). */
  readonly label?: ComponentChildren;
  readonly render: (row: R) => ComponentChildren;
  /** The cell in the CSV file: a number stays a number (decimal comma), dates as 29.02.2012. */
  readonly csv: (row: R) => CsvValue;
  readonly numeric?: boolean;
  /** The column that names the row (a <th scope="row">). */
  readonly rowHeader?: boolean;
  /** Whether to leave it out of the CSV (actions such as "Bearbeiten"). */
  readonly screenOnly?: boolean;
}

const csvOf = <R,>(columns: readonly Column<R>[], rows: readonly R[]): CsvTable => {
  const kept = columns.filter((c) => !c.screenOnly);
  return { headers: kept.map((c) => c.header), rows: rows.map((r) => kept.map((c) => c.csv(r))) };
};

/** A table with a caption, row headers, and its CSV download. */
export const DataTable = <R,>({
  caption,
  columns,
  rows,
  filename,
  empty,
  rowKey,
  footer,
  captionHidden,
}: {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  filename: string;
  empty?: string;
  rowKey: (row: R) => string;
  footer?: ComponentChildren;
  captionHidden?: boolean;
}) => {
  if (rows.length === 0) return <p class="empty">{empty ?? t('common.none')}</p>;
  return (
    <div class="table-block">
      <TableScroll label={caption}>
        <table class="data-table">
          <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" class={c.numeric ? 'num' : undefined}>
                  {c.label ?? c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th scope="row" class={c.numeric ? 'num' : undefined}>
                      {c.render(r)}
                    </th>
                  ) : (
                    <td class={c.numeric ? 'num' : undefined}>{c.render(r)}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
          {footer}
        </table>
      </TableScroll>
      <div class="table-actions">
        <CsvButton filename={filename} label={caption} table={() => csvOf(columns, rows)} />
      </div>
    </div>
  );
};
