import { useState } from 'preact/hooks';
import { api, enc } from '../api/client';
import type { Catalogue, IndicatorAcrossRegions } from '../api/types';
import { Async, useResource } from '../components/async';
import { type Column, DataTable } from '../components/data-table';
import { formatGap, Verdict } from '../components/indicator-changes';
import { LineChart } from '../components/line-chart';
import { PageHeader, Section } from '../components/page';
import { fieldOfActionTitle, indicatorById, indicatorTitle, useCatalogue } from '../data/catalogue';
import { formatNumber, formatValue, type Locale } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import type { ScreenProps } from '../screen';
import { navigate } from '../router';
import { useOnChange } from '../store';

const BASELINE_YEAR = '2008';

const defaultIndicator = (catalogue: Catalogue) => catalogue.indicators.find((i) => i.disaggregated)?.id ?? catalogue.indicators[0]?.id ?? '';

const Picker = ({ catalogue, selected, locale }: { catalogue: Catalogue; selected: string; locale: Locale }) => {
  const [value, setValue] = useState(selected);
  useOnChange(selected, setValue);
  return (
    <form
      class="toolbar"
      aria-label={t('ind.pickerLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        navigate(`/indikatoren/${enc(value)}`);
      }}
    >
      <div class="field field-inline field-wide">
        <label for="indicator-select">{t('ind.indicator')}</label>
        <select id="indicator-select" value={value} onChange={(e) => setValue((e.target as HTMLSelectElement).value)}>
          {catalogue.fieldsOfAction
            .filter((f) => catalogue.indicators.some((i) => i.fieldOfAction === f.id))
            .map((f) => (
              <optgroup label={fieldOfActionTitle(catalogue, f.id, locale)}>
                {catalogue.indicators
                  .filter((i) => i.fieldOfAction === f.id)
                  .map((i) => (
                    <option value={i.id}>
                      {indicatorTitle(i, locale)}
                      {i.disaggregated ? '' : ` (${t('ind.noBreakdownShort')})`}
                    </option>
                  ))}
              </optgroup>
            ))}
        </select>
      </div>
      <button type="submit" class="button">
        {t('ind.show')}
      </button>
    </form>
  );
};

const IndicatorView = ({ data, locale }: { data: IndicatorAcrossRegions; locale: Locale }) => {
  const def = data.indicator;
  const byGap = def.disaggregated;
  const periods = data.periods.map((p) => p.period);
  const valueAt = (period: IndicatorAcrossRegions['periods'][number], regionId: string) => {
    const v = period.regions[regionId];
    return v === undefined ? null : byGap ? v.gap : v.total;
  };
  const series = data.regions.map((r) => ({ id: r.regionId, label: r.name, values: data.periods.map((p) => valueAt(p, r.regionId)) }));
  const baselineIndex = periods.indexOf(BASELINE_YEAR);
  const format = (n: number | null | undefined) => (byGap ? formatGap(n, def.unit, locale) : formatValue(n, def.unit, locale));
  const title = indicatorTitle(def, locale);
  const chartTitle = byGap ? t('ind.chartGapTitle', { title }) : t('ind.chartTotalTitle', { title });
  const hasData = series.some((s) => s.values.some((v) => v !== null));

  type Row = IndicatorAcrossRegions['regions'][number];
  const columns: Column<Row>[] = [
    { header: t('review.region'), rowHeader: true, render: (r) => r.name, csv: (r) => r.name },
    ...data.periods.map(
      (p): Column<Row> => ({
        header: p.period,
        numeric: true,
        render: (r) => format(valueAt(p, r.regionId)),
        csv: (r) => valueAt(p, r.regionId),
      }),
    ),
    {
      header: byGap ? t('ind.gapChange') : t('ind.totalChange'),
      numeric: true,
      render: (r) => (byGap ? formatGap(r.changeSinceBaseline.gap, def.unit, locale, true) : formatValue(r.changeSinceBaseline.total, def.unit, locale)),
      csv: (r) => (byGap ? r.changeSinceBaseline.gap : r.changeSinceBaseline.total),
    },
    {
      header: t('ind.assessment'),
      render: (r) =>
        byGap ? (
          <Verdict good={r.gapNarrowed} label={{ good: t('ind.gapNarrowed'), bad: t('ind.gapWidened') }} />
        ) : (
          <Verdict good={r.totalImproved} label={{ good: t('ind.improved'), bad: t('ind.worsened') }} />
        ),
      csv: (r) => {
        const good = byGap ? r.gapNarrowed : r.totalImproved;
        return good === null ? '' : byGap ? (good ? t('ind.gapNarrowed') : t('ind.gapWidened')) : good ? t('ind.improved') : t('ind.worsened');
      },
    },
  ];

  type Detail = { period: string; regionId: string; name: string; v: IndicatorAcrossRegions['periods'][number]['regions'][string] };
  const details: Detail[] = data.periods.flatMap((p) =>
    data.regions.flatMap((r) => {
      const v = p.regions[r.regionId];
      return v ? [{ period: p.period, regionId: r.regionId, name: r.name, v }] : [];
    }),
  );
  const detailColumns: Column<Detail>[] = [
    { header: t('ind.period'), render: (d) => d.period, csv: (d) => d.period },
    { header: t('review.region'), rowHeader: true, render: (d) => d.name, csv: (d) => d.name },
    { header: t('ind.total'), numeric: true, render: (d) => formatValue(d.v.total, def.unit, locale), csv: (d) => d.v.total },
    ...(byGap
      ? [
          {
            header: t('ind.with'),
            numeric: true,
            render: (d: Detail) => formatValue(d.v.withMigrationBackground, def.unit, locale),
            csv: (d: Detail) => d.v.withMigrationBackground,
          },
          {
            header: t('ind.without'),
            numeric: true,
            render: (d: Detail) => formatValue(d.v.withoutMigrationBackground, def.unit, locale),
            csv: (d: Detail) => d.v.withoutMigrationBackground,
          },
          { header: t('ind.gap'), numeric: true, render: (d: Detail) => formatGap(d.v.gap, def.unit, locale), csv: (d: Detail) => d.v.gap },
        ]
      : []),
    { header: t('ind.baselineFlag'), render: (d) => (d.v.isBaseline ? t('common.yes') : ''), csv: (d) => (d.v.isBaseline ? t('common.yes') : '') },
  ];

  return (
    <>
      <Section title={title} id="indicator">
        <ul class="meta-list">
          <li>{t(`unit.${def.unit}`)}</li>
          <li>{def.higherIsBetter ? t('ind.higherIsBetter') : t('ind.lowerIsBetter')}</li>
          <li>{byGap ? t('ind.gapExplained') : t('ind.noBreakdown')}</li>
        </ul>
        {hasData ? (
          <LineChart
            id="indicator-chart"
            title={chartTitle}
            description={t('ind.chartDesc', { regions: formatNumber(series.length, locale, 0), periods: periods.join(', ') })}
            xLabels={periods}
            series={series}
            {...(baselineIndex >= 0 ? { baselineIndex, baselineLabel: t('ind.baselineYear', { year: BASELINE_YEAR }) } : {})}
            formatY={(n) => (byGap ? formatNumber(n, locale, 1) : formatValue(n, def.unit, locale))}
            yTitle={byGap ? (def.unit === 'percent' ? t('unit.points') : t(`unit.${def.unit}`)) : t(`unit.${def.unit}`)}
          />
        ) : (
          <p class="empty">{t('ind.noValues')}</p>
        )}
        <DataTable
          caption={t('ind.tableCaption', { title: chartTitle })}
          columns={columns}
          rows={data.regions}
          rowKey={(r) => r.regionId}
          filename={`indikator-${def.id}`}
        />
      </Section>
      <details class="details">
        <summary>{t('ind.allValues')}</summary>
        <DataTable
          caption={t('ind.allValuesCaption', { title })}
          columns={detailColumns}
          rows={details}
          rowKey={(d) => `${d.period}|${d.regionId}`}
          filename={`indikator-${def.id}-werte`}
          empty={t('ind.noValues')}
        />
      </details>
    </>
  );
};

/** Indikatoren: one indicator for all model regions over the periods, as a chart of the gap and as tables. */
const IndicatorsScreen = ({ params, session }: ScreenProps) => {
  const locale = useLocale();
  const catalogue = useCatalogue(session.idToken);
  const selected = params.indicatorId ?? (catalogue.state === 'ready' ? defaultIndicator(catalogue.data) : undefined);
  const data = useResource(
    (signal) => (selected ? api.get<IndicatorAcrossRegions>(`/v1/indicators/${enc(selected)}`, signal) : new Promise<never>(() => {})),
    [selected],
  );
  return (
    <>
      <PageHeader title={t('ind.title')} lead={t('ind.lead')} />
      <Async resource={catalogue}>
        {(cat) => (
          <>
            <Picker catalogue={cat} selected={selected ?? ''} locale={locale} />
            {selected && !indicatorById(cat, selected) ? (
              <p class="notice notice-error" role="alert">
                {t('ind.unknown', { id: selected })}
              </p>
            ) : (
              <Async resource={data}>{(d) => <IndicatorView data={d} locale={locale} />}</Async>
            )}
          </>
        )}
      </Async>
    </>
  );
};

export default IndicatorsScreen;
