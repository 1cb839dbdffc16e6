import { api } from '../api/client';
import type { BySource, FundingOverview } from '../api/types';
import { FUNDING_SOURCES } from '../api/types';
import { ErrorNotice, Loading, useResource } from '../components/async';
import { StackedBarChart } from '../components/bar-chart';
import { type Column, DataTable } from '../components/data-table';
import { PageHeader, Section } from '../components/page';
import { formatEur, type Locale } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';

type Row = { id: string; label: string; totalEur: number; bySource: BySource };

const sourceColumns = (locale: Locale, first: string): Column<Row>[] => [
  { header: first, rowHeader: true, render: (r) => r.label, csv: (r) => r.label },
  ...FUNDING_SOURCES.map(
    (s): Column<Row> => ({ header: t(`source.${s}`), numeric: true, render: (r) => formatEur(r.bySource[s] ?? 0, locale), csv: (r) => r.bySource[s] ?? 0 }),
  ),
  { header: t('funding.total'), numeric: true, render: (r) => <strong>{formatEur(r.totalEur, locale)}</strong>, csv: (r) => r.totalEur },
];

/** Förderung: the funding of the current projects by source and programme, across the regions. */
const FundingScreen = () => {
  const locale = useLocale();
  const funding = useResource((signal) => api.get<FundingOverview>('/v1/funding', signal), []);
  const data = funding.state === 'ready' ? funding.data : undefined;
  const total: Row | undefined = data && { id: 'total', label: t('cc.sum'), totalEur: data.totalEur, bySource: data.bySource };
  return (
    <>
      <PageHeader title={t('funding.title')} lead={t('funding.lead')} />
      {funding.state === 'loading' && <Loading />}
      {funding.state === 'error' && <ErrorNotice error={funding.error} onRetry={funding.reload} />}
      {data && total && (
        <>
          <dl class="key-figures">
            <div class="key-figure">
              <dt>{t('funding.total')}</dt>
              <dd>
                <span class="key-value">{formatEur(data.totalEur, locale)}</span>
              </dd>
            </div>
            {FUNDING_SOURCES.filter((s) => (data.bySource[s] ?? 0) > 0).map((s) => (
              <div class="key-figure">
                <dt>{t(`source.${s}`)}</dt>
                <dd>
                  <span class="key-value">{formatEur(data.bySource[s], locale)}</span>
                  <span class="key-detail">{t('funding.share', { share: Math.round(((data.bySource[s] ?? 0) / (data.totalEur || 1)) * 100) })}</span>
                </dd>
              </div>
            ))}
          </dl>
          <Section title={t('funding.byRegion')} id="regionen">
            <StackedBarChart
              id="funding-chart"
              title={t('funding.chartTitle')}
              description={t('funding.chartDesc')}
              partLabels={FUNDING_SOURCES.map((s) => t(`source.${s}`))}
              bars={data.byRegion.map((r) => ({ id: r.regionId, label: r.name, parts: FUNDING_SOURCES.map((s) => r.bySource[s] ?? 0), total: r.totalEur }))}
              formatValue={(n) => formatEur(n, locale)}
            />
            <DataTable
              caption={t('funding.byRegionCaption')}
              columns={sourceColumns(locale, t('review.region'))}
              rows={[...data.byRegion.map((r) => ({ id: r.regionId, label: r.name, totalEur: r.totalEur, bySource: r.bySource })), total]}
              rowKey={(r) => r.id}
              filename="foerderung-regionen"
            />
          </Section>
          <Section title={t('funding.byProgramme')} id="programme">
            <DataTable
              caption={t('funding.byProgrammeCaption')}
              columns={sourceColumns(locale, t('field.programme'))}
              rows={data.byProgramme.map((p) => ({ id: p.programme, label: p.programme, totalEur: p.totalEur, bySource: p.bySource }))}
              rowKey={(r) => r.id}
              filename="foerderung-programme"
            />
          </Section>
        </>
      )}
    </>
  );
};

export default FundingScreen;
