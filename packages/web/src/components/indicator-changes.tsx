import type { Catalogue, IndicatorProgress, IndicatorUnit, IndicatorValue } from '../api/types';
import { indicatorById, indicatorTitle } from '../data/catalogue';
import { formatNumber, formatSigned, formatValue, type Locale } from '../i18n/format';
import { t } from '../i18n/i18n';
import { type Column, DataTable, Short } from './data-table';

/** A gap or a change of a gap: percentage points for percentages, else the unit's own figure. */
export const formatGap = (n: number | null | undefined, unit: IndicatorUnit, locale: Locale, signed = false): string => {
  if (n === null || n === undefined) return '–';
  const number = signed ? formatSigned(n, locale, 1) : formatNumber(n, locale, 1);
  return unit === 'percent' ? `${number} ${t('unit.pointsShort')}` : unit === 'per1000' ? `${number} ‰` : number;
};

export const Verdict = ({ good, label }: { good: boolean | null; label: { good: string; bad: string } }) =>
  good === null ? (
    <span>–</span>
  ) : (
    <span class={good ? 'verdict verdict-good' : 'verdict verdict-bad'}>
      <span aria-hidden="true" class={good ? 'icon-good' : 'icon-bad'} />
      {good ? label.good : label.bad}
    </span>
  );

/**
 * Per indicator: baseline and latest period, the total and the gap between people with and
 * without a migration background at both, and whether the gap narrowed (the programme's measure).
 */
export const IndicatorChanges = ({
  progress,
  catalogue,
  locale,
  caption,
  filename,
  captionHidden,
}: {
  progress: readonly IndicatorProgress<IndicatorValue>[];
  catalogue: Catalogue;
  locale: Locale;
  caption: string;
  filename: string;
  captionHidden?: boolean;
}) => {
  const gapVerdict = { good: t('ind.gapNarrowed'), bad: t('ind.gapWidened') };
  const first = (p: IndicatorProgress<IndicatorValue>) => p.points.find((x) => x.period === p.baselinePeriod);
  const last = (p: IndicatorProgress<IndicatorValue>) => p.points.find((x) => x.period === p.latestPeriod);
  const columns: Column<IndicatorProgress<IndicatorValue>>[] = [
    {
      header: t('ind.indicator'),
      rowHeader: true,
      render: (p) => indicatorTitle(indicatorById(catalogue, p.indicatorId), locale, p.indicatorId),
      csv: (p) => indicatorTitle(indicatorById(catalogue, p.indicatorId), locale, p.indicatorId),
    },
    { header: t('ind.baseline'), render: (p) => p.baselinePeriod, csv: (p) => p.baselinePeriod },
    { header: t('ind.latest'), render: (p) => p.latestPeriod, csv: (p) => p.latestPeriod },
    {
      header: t('ind.totalBaseline'),
      label: <Short short={t('ind.totalBaselineShort')} long={t('ind.totalBaseline')} />,
      numeric: true,
      render: (p) => formatValue(first(p)?.total, p.unit, locale),
      csv: (p) => first(p)?.total ?? null,
    },
    {
      header: t('ind.totalLatest'),
      label: <Short short={t('ind.totalLatestShort')} long={t('ind.totalLatest')} />,
      numeric: true,
      render: (p) => formatValue(last(p)?.total, p.unit, locale),
      csv: (p) => last(p)?.total ?? null,
    },
    {
      header: t('ind.gapBaseline'),
      label: <Short short={t('ind.gapBaselineShort')} long={t('ind.gapBaseline')} />,
      numeric: true,
      render: (p) => formatGap(first(p)?.gap, p.unit, locale),
      csv: (p) => first(p)?.gap ?? null,
    },
    {
      header: t('ind.gapLatest'),
      label: <Short short={t('ind.gapLatestShort')} long={t('ind.gapLatest')} />,
      numeric: true,
      render: (p) => formatGap(last(p)?.gap, p.unit, locale),
      csv: (p) => last(p)?.gap ?? null,
    },
    {
      header: t('ind.gapChange'),
      label: <Short short={t('ind.gapChangeShort')} long={t('ind.gapChange')} />,
      numeric: true,
      render: (p) => formatGap(p.changeSinceBaseline.gap, p.unit, locale, true),
      csv: (p) => p.changeSinceBaseline.gap,
    },
    {
      header: t('ind.assessment'),
      render: (p) => <Verdict good={p.gapNarrowed} label={gapVerdict} />,
      csv: (p) => (p.gapNarrowed === null ? '' : p.gapNarrowed ? t('ind.gapNarrowed') : t('ind.gapWidened')),
    },
  ];
  return (
    <DataTable
      caption={caption}
      captionHidden={captionHidden ?? false}
      columns={columns}
      rows={progress}
      rowKey={(p) => p.indicatorId}
      filename={filename}
      empty={t('ind.none')}
    />
  );
};
