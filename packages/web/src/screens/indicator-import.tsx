import { useState } from 'preact/hooks';
import { api, ApiError, enc } from '../api/client';
import type { Accepted, Catalogue, FieldError, RegionView } from '../api/types';
import { Async, describeError, useResource } from '../components/async';
import { CsvButton, TableScroll } from '../components/data-table';
import { Notice, PageHeader, Section } from '../components/page';
import { decodeCsvBytes, type ImportResult, type ImportRow, parseIndicatorCsv, rowReport, TEMPLATE_HEADERS } from '../csv/indicator-import';
import { indicatorById, indicatorTitle, useCatalogue } from '../data/catalogue';
import { fieldErrorText, fieldLabel } from '../i18n/field-errors';
import { formatNumber, formatValue, localDateTimeWithOffset, type Locale } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import type { ScreenProps } from '../screen';

type Outcome = { state: 'sending' } | { state: 'accepted'; eventId: string } | { state: 'refused'; errors: readonly FieldError[]; message: string };

const ErrorList = ({ errors, locale }: { errors: readonly FieldError[]; locale: Locale }) => (
  <ul class="row-errors">
    {errors.map((e) => (
      <li>
        <strong>{fieldLabel(e.path, locale)}:</strong> {fieldErrorText(e, locale)}
      </li>
    ))}
  </ul>
);

const Preview = ({
  result,
  catalogue,
  locale,
  outcomes,
}: {
  result: ImportResult;
  catalogue: Catalogue;
  locale: Locale;
  outcomes: ReadonlyMap<number, Outcome>;
}) => {
  const value = (row: ImportRow, key: 'total' | 'withMigrationBackground' | 'withoutMigrationBackground') => {
    const def = indicatorById(catalogue, row.indicatorId);
    const v = row.values[key];
    return def ? formatValue(v, def.unit, locale) : v === undefined ? '–' : formatNumber(v, locale);
  };
  return (
    <TableScroll label={t('import.previewCaption')}>
      <table class="data-table import-preview">
        <caption>{t('import.previewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t('import.line')}
            </th>
            <th scope="col">{t('ind.indicator')}</th>
            <th scope="col">{t('ind.period')}</th>
            <th scope="col" class="num">
              {t('ind.total')}
            </th>
            <th scope="col" class="num">
              {t('ind.with')}
            </th>
            <th scope="col" class="num">
              {t('ind.without')}
            </th>
            <th scope="col">{t('import.check')}</th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => {
            const outcome = outcomes.get(row.line);
            const valid = row.errors.length === 0;
            return (
              <tr class={valid ? 'row-valid' : 'row-invalid'} data-line={row.line} key={row.line}>
                <th scope="row" class="num">
                  {row.line}
                </th>
                <td>{indicatorTitle(indicatorById(catalogue, row.indicatorId), locale, row.indicatorText || '–')}</td>
                <td>{row.period || '–'}</td>
                <td class="num">{value(row, 'total')}</td>
                <td class="num">{value(row, 'withMigrationBackground')}</td>
                <td class="num">{value(row, 'withoutMigrationBackground')}</td>
                <td>
                  {!valid ? (
                    <>
                      <span class="badge badge-error">{t('import.invalid')}</span>
                      <ErrorList errors={row.errors} locale={locale} />
                    </>
                  ) : outcome === undefined ? (
                    <span class="badge badge-ok">{t('import.valid')}</span>
                  ) : outcome.state === 'sending' ? (
                    <span class="badge">{t('import.sending')}</span>
                  ) : outcome.state === 'accepted' ? (
                    <span class="badge badge-ok">{t('import.accepted')}</span>
                  ) : (
                    <>
                      <span class="badge badge-error">{t('import.refused')}</span>
                      {outcome.errors.length > 0 ? <ErrorList errors={outcome.errors} locale={locale} /> : <p>{outcome.message}</p>}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
};

const ImportForm = ({ region, catalogue }: { region: RegionView; catalogue: Catalogue }) => {
  const locale = useLocale();
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<ImportResult | undefined>(undefined);
  const [readError, setReadError] = useState<string | undefined>(undefined);
  const [outcomes, setOutcomes] = useState<ReadonlyMap<number, Outcome>>(new Map());
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);

  const read = async (file: File | undefined) => {
    setResult(undefined);
    setOutcomes(new Map());
    setDone(false);
    setReadError(undefined);
    if (!file) return;
    setFileName(file.name);
    if (file.size > 2_000_000) {
      setReadError(t('import.tooLarge'));
      return;
    }
    try {
      setResult(await parseIndicatorCsv(decodeCsvBytes(await file.arrayBuffer()), catalogue));
    } catch {
      setReadError(t('import.unreadable'));
    }
  };

  const valid = result?.rows.filter((r) => r.errors.length === 0) ?? [];
  const invalid = (result?.rows.length ?? 0) - valid.length;

  const send = async () => {
    setSending(true);
    const next = new Map<number, Outcome>();
    // Each line corrects the value the region shows for its period, if any: the next revision of it.
    const reported = new Map(region.indicators.flatMap((p) => p.points.map((x) => [`${p.indicatorId}|${x.period}`, x.revision] as const)));
    // One after the other: a statistics table has a few dozen lines, and the order stays readable.
    for (const row of valid) {
      next.set(row.line, { state: 'sending' });
      setOutcomes(new Map(next));
      try {
        const revision = (reported.get(`${row.indicatorId}|${row.period}`) ?? 0) + 1;
        const accepted = await api.post<Accepted>(`/v1/regions/${enc(region.regionId)}/indicators`, rowReport(row, revision, localDateTimeWithOffset()));
        next.set(row.line, { state: 'accepted', eventId: accepted.eventId });
      } catch (err) {
        next.set(row.line, { state: 'refused', errors: err instanceof ApiError ? err.details : [], message: describeError(err) });
      }
      setOutcomes(new Map(next));
    }
    setSending(false);
    setDone(true);
  };

  const accepted = [...outcomes.values()].filter((o) => o.state === 'accepted').length;
  const refused = [...outcomes.values()].filter((o) => o.state === 'refused').length;

  return (
    <>
      <Section title={t('import.fileSection')} id="datei">
        <p>{t('import.explain')}</p>
        <ul class="meta-list">
          <li>{t('import.columns', { columns: TEMPLATE_HEADERS.join('; ') })}</li>
          <li>{t('import.numbers')}</li>
        </ul>
        <p>
          <CsvButton
            filename="vorlage-indikatoren"
            label={t('import.template')}
            table={() => ({
              headers: TEMPLATE_HEADERS,
              rows: [[catalogue.indicators.find((i) => i.disaggregated)?.title ?? '', '2012', 12.5, 18.3, 9.1, 'Monitoringbericht 2012', 'nein']],
            })}
          />{' '}
          <span class="hint">{t('import.templateHint')}</span>
        </p>
        <div class="field">
          <label for="csv-file">{t('import.file')}</label>
          <p id="csv-file-hint" class="hint">
            {t('import.fileHint')}
          </p>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            aria-describedby="csv-file-hint"
            onChange={(e) => void read((e.target as HTMLInputElement).files?.[0])}
          />
        </div>
        {readError && <Notice kind="error">{readError}</Notice>}
      </Section>
      {result && (
        <Section title={t('import.previewTitle')} id="vorschau">
          {result.fileErrors.length > 0 ? (
            <Notice kind="error" title={t('import.fileInvalid', { name: fileName ?? '' })}>
              <ul>
                {result.fileErrors.map((e) => (
                  <li>{fieldErrorText(e, locale)}</li>
                ))}
              </ul>
            </Notice>
          ) : (
            <>
              <p role="status" data-testid="import-summary">
                {t('import.summary', { rows: result.rows.length, valid: valid.length, invalid })}
              </p>
              {result.ignoredColumns.length > 0 && <p class="hint">{t('import.ignored', { columns: result.ignoredColumns.join(', ') })}</p>}
              <Preview result={result} catalogue={catalogue} locale={locale} outcomes={outcomes} />
              {!done && (
                <p class="form-actions">
                  <button type="button" class="button" disabled={sending || valid.length === 0} onClick={() => void send()}>
                    {sending ? t('import.sendingAll') : t('import.send', { n: valid.length })}
                  </button>
                  {invalid > 0 && <span class="hint">{t('import.invalidSkipped', { n: invalid })}</span>}
                </p>
              )}
              {done && (
                <Notice kind={refused > 0 ? 'warning' : 'success'} title={t('import.doneTitle')}>
                  <p data-testid="import-done">{t('import.done', { accepted, refused, invalid })}</p>
                  <p>
                    <a href={`/regionen/${enc(region.regionId)}#indikatoren`}>{t('import.toOverview')}</a>
                  </p>
                </Notice>
              )}
            </>
          )}
        </Section>
      )}
    </>
  );
};

/** Indikator-Import: a CSV table of indicator values, previewed line by line, then the valid lines sent. */
const IndicatorImportScreen = ({ params, session }: ScreenProps) => {
  const regionId = params.regionId!;
  const catalogue = useCatalogue(session.idToken);
  const region = useResource((signal) => api.get<RegionView>(`/v1/regions/${enc(regionId)}`, signal), [regionId]);
  return (
    <>
      <PageHeader title={t('import.title')} lead={t('import.lead')} />
      <Async resource={catalogue}>{(cat) => <Async resource={region}>{(r) => <ImportForm region={r} catalogue={cat} />}</Async>}</Async>
    </>
  );
};

export default IndicatorImportScreen;
