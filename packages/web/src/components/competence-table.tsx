import type { ComponentChildren } from 'preact';
import type { Catalogue, CompetenceCircle, MilestoneBlock, ProjectBlock, RegionRow } from '../api/types';
import { MILESTONE_STATUSES, PROJECT_STATUSES } from '../api/types';
import type { CsvTable, CsvValue } from '../csv/excel-csv';
import { fieldOfActionTitle } from '../data/catalogue';
import { formatDate, formatDateTime, formatEur, formatNumber, formatShare, type Locale } from '../i18n/format';
import { t } from '../i18n/i18n';
import { CsvButton, TableScroll } from './data-table';

type Column = { id: string; name: string; milestones: MilestoneBlock; projects: ProjectBlock; row?: RegionRow };

interface Metric {
  readonly id: string;
  readonly label: string;
  readonly value: (c: Column) => number | string | null;
  readonly show: (c: Column) => ComponentChildren;
  readonly csv: (c: Column) => CsvValue;
  readonly indent?: boolean;
}
interface Group {
  readonly label: string;
  readonly metrics: readonly Metric[];
}

const count = (id: string, label: string, get: (c: Column) => number, locale: Locale, indent = false): Metric => ({
  id,
  label,
  value: get,
  show: (c) => formatNumber(get(c), locale, 0),
  csv: get,
  indent,
});

const groupsOf = (view: CompetenceCircle, catalogue: Catalogue, locale: Locale): Group[] => {
  const fields = catalogue.fieldsOfAction.filter((f) =>
    [...view.regions.map((r) => r.projects), view.totals.projects].some((p) => (p.byFieldOfAction[f.id] ?? 0) > 0),
  );
  const groups: Group[] = [
    {
      label: t('cc.milestones'),
      metrics: [
        count('milestones.total', t('cc.total'), (c) => c.milestones.total, locale),
        ...MILESTONE_STATUSES.map((s) => count(`milestones.${s}`, t(`milestoneStatus.${s}`), (c) => c.milestones.byStatus[s], locale, true)),
        {
          id: 'milestones.overdue',
          label: t('cc.overdue'),
          value: (c) => c.milestones.overdue,
          csv: (c) => c.milestones.overdue,
          show: (c) =>
            c.milestones.overdue > 0 ? (
              <span class="badge badge-warning">
                <span aria-hidden="true" class="icon-warning" />
                {formatNumber(c.milestones.overdue, locale, 0)}
              </span>
            ) : (
              formatNumber(0, locale, 0)
            ),
        },
      ],
    },
    {
      label: t('cc.projects'),
      metrics: [
        count('projects.total', t('cc.total'), (c) => c.projects.total, locale),
        ...PROJECT_STATUSES.map((s) => count(`projects.${s}`, t(`projectStatus.${s}`), (c) => c.projects.byStatus[s], locale, true)),
        {
          id: 'projects.fundingEur',
          label: t('cc.funding'),
          value: (c) => c.projects.fundingEur,
          show: (c) => formatEur(c.projects.fundingEur, locale),
          csv: (c) => c.projects.fundingEur,
        },
      ],
    },
    {
      label: t('cc.byFieldOfAction'),
      metrics: fields.map((f) =>
        count(`projects.byFieldOfAction.${f.id}`, fieldOfActionTitle(catalogue, f.id, locale), (c) => c.projects.byFieldOfAction[f.id] ?? 0, locale),
      ),
    },
    {
      label: t('cc.indicators'),
      metrics: [
        {
          id: 'indicators.reported',
          label: t('cc.indicatorsReported'),
          value: (c) => (c.row ? c.row.indicators.reported : view.totals.indicators.reported),
          show: (c) => formatNumber(c.row ? c.row.indicators.reported : view.totals.indicators.reported, locale, 0),
          csv: (c) => (c.row ? c.row.indicators.reported : view.totals.indicators.reported),
        },
        {
          id: 'indicators.latestPeriod',
          label: t('cc.latestPeriod'),
          value: (c) => c.row?.indicators.latestPeriod ?? null,
          show: (c) => c.row?.indicators.latestPeriod ?? '–',
          csv: (c) => c.row?.indicators.latestPeriod ?? '',
        },
        {
          id: 'indicators.completeness',
          label: t('cc.completeness'),
          value: (c) => c.row?.indicators.completeness ?? null,
          show: (c) =>
            c.row ? (
              <span class="meter-cell">
                <meter min={0} max={1} value={c.row.indicators.completeness} aria-hidden="true" />
                {formatShare(c.row.indicators.completeness, locale)}
              </span>
            ) : (
              '–'
            ),
          csv: (c) => (c.row ? Math.round(c.row.indicators.completeness * 1000) / 10 : ''),
        },
      ],
    },
    {
      label: t('cc.reports'),
      metrics: [
        {
          id: 'lastReportedAt',
          label: t('cc.lastReport'),
          value: (c) => c.row?.lastReportedAt ?? null,
          show: (c) => (c.row?.lastReportedAt ? formatDate(c.row.lastReportedAt.slice(0, 10), locale) : '–'),
          csv: (c) => (c.row?.lastReportedAt ? formatDateTime(c.row.lastReportedAt, 'de') : ''),
        },
      ],
    },
  ];
  return groups.filter((g) => g.metrics.length > 0);
};

const columnsOf = (view: CompetenceCircle): Column[] => [
  ...view.regions.map((r) => ({ id: r.regionId, name: r.name, milestones: r.milestones, projects: r.projects, row: r })),
  { id: 'total', name: t('cc.sum'), milestones: view.totals.milestones, projects: view.totals.projects },
];

/** The CSV of the table as shown: one line per figure, one column per region and the sum. */
const competenceCsv = (view: CompetenceCircle, catalogue: Catalogue, locale: Locale): CsvTable => {
  const columns = columnsOf(view);
  const groups = groupsOf(view, catalogue, locale);
  return {
    headers: [t('cc.figure'), ...columns.map((c) => c.name)],
    rows: groups.flatMap((g) => g.metrics.map((m) => [`${g.label}: ${m.label}`, ...columns.map((c) => m.csv(c))])),
  };
};

/**
 * The model regions side by side: one column per region and the sum, one row per figure, grouped
 * (milestones by status with the overdue ones marked, projects by status and field of action,
 * funding, indicator completeness, last report).
 */
export const CompetenceTable = ({
  view,
  catalogue,
  locale,
  caption,
  filename,
  linkRegions = true,
}: {
  view: CompetenceCircle;
  catalogue: Catalogue;
  locale: Locale;
  caption: string;
  filename: string;
  linkRegions?: boolean;
}) => {
  const columns = columnsOf(view);
  const groups = groupsOf(view, catalogue, locale);
  return (
    <div class="table-block">
      <TableScroll label={caption}>
        <table class="data-table competence-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cc.figure')}</th>
              {columns.map((c) => (
                <th scope="col" class={c.row ? 'num' : 'num total'}>
                  {c.row && linkRegions ? <a href={`/regionen/${c.id}`}>{c.name}</a> : c.name}
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody>
              <tr class="group-row">
                <th scope="colgroup" colSpan={columns.length + 1}>
                  {g.label}
                </th>
              </tr>
              {g.metrics.map((m) => (
                <tr data-metric={m.id} class={m.id === 'milestones.overdue' ? 'overdue-row' : undefined}>
                  <th scope="row" class={m.indent ? 'indent' : undefined}>
                    {m.label}
                  </th>
                  {columns.map((c) => {
                    const v = m.value(c);
                    return (
                      <td class={c.row ? 'num' : 'num total'} data-region={c.id} data-value={v === null ? '' : String(v)}>
                        {m.show(c)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </TableScroll>
      <div class="table-actions">
        <CsvButton filename={filename} label={caption} table={() => competenceCsv(view, catalogue, locale)} />
      </div>
    </div>
  );
};

/** The totals as four key figures above the table. */
export const KeyFigures = ({ view, locale }: { view: CompetenceCircle; locale: Locale }) => (
  <dl class="key-figures">
    <div class="key-figure">
      <dt>{t('cc.milestones')}</dt>
      <dd>
        <span class="key-value">{formatNumber(view.totals.milestones.total, locale, 0)}</span>
        <span class="key-detail">
          {t('cc.achievedOf', { n: formatNumber(view.totals.milestones.byStatus.achieved, locale, 0) })}
          {view.totals.milestones.overdue > 0 && (
            <>
              {' · '}
              <span class="text-warning">{t('cc.overdueCount', { n: formatNumber(view.totals.milestones.overdue, locale, 0) })}</span>
            </>
          )}
        </span>
      </dd>
    </div>
    <div class="key-figure">
      <dt>{t('cc.projects')}</dt>
      <dd>
        <span class="key-value">{formatNumber(view.totals.projects.total, locale, 0)}</span>
        <span class="key-detail">{t('cc.runningCount', { n: formatNumber(view.totals.projects.byStatus.running, locale, 0) })}</span>
      </dd>
    </div>
    <div class="key-figure">
      <dt>{t('cc.funding')}</dt>
      <dd>
        <span class="key-value">{formatEur(view.totals.projects.fundingEur, locale)}</span>
      </dd>
    </div>
    <div class="key-figure">
      <dt>{t('cc.indicatorsReported')}</dt>
      <dd>
        <span class="key-value">{formatNumber(view.totals.indicators.reported, locale, 0)}</span>
      </dd>
    </div>
  </dl>
);
