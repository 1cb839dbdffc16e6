import { useEffect, useState } from 'preact/hooks';
import { api, enc } from '../api/client';
import type { Catalogue, FundingSource, IndicatorProgress, Milestone, Project, Rejection, RegionView } from '../api/types';
import { FUNDING_SOURCES } from '../api/types';
import { Async, ErrorNotice, type Resource, useResource } from '../components/async';
import { type Column, DataTable, Short } from '../components/data-table';
import { HistoryButton } from '../components/history';
import { formatGap, Verdict } from '../components/indicator-changes';
import { Notice, PageHeader, Section } from '../components/page';
import { RejectionsList } from '../components/rejections-list';
import { fieldOfActionTitle, indicatorById, indicatorTitle, useCatalogue } from '../data/catalogue';
import { regionKindLabel } from '../data/labels';
import { type PendingReport, pendingStore } from '../data/pending';
import { formatDate, formatDateTime, formatEur, formatValue, type Locale } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import type { ScreenProps } from '../screen';
import { useStore } from '../store';

const POLL_MS = 1000;
const POLL_LIMIT_MS = 30_000;

const sourceTotal = (p: Project, source: FundingSource) =>
  p.funding.filter((f) => f.source === source).reduce((n, f) => n + Math.round(f.amountEur * 100), 0) / 100;

const Timeline = ({ region, catalogue, locale, canEdit }: { region: RegionView; catalogue: Catalogue; locale: Locale; canEdit: boolean }) => {
  if (region.milestones.length === 0) return <p class="empty">{t('region.noMilestones')}</p>;
  return (
    <ol class="timeline">
      {region.milestones.map((m: Milestone) => (
        <li class={`timeline-item status-${m.status}${m.overdue ? ' is-overdue' : ''}`} key={m.milestoneId} data-milestone={m.milestoneId}>
          <span class="timeline-dot" aria-hidden="true" />
          <div class="timeline-body">
            <h3 class="timeline-title">{m.title}</h3>
            <p class="timeline-status">
              <span class={`badge badge-${m.status}`}>{t(`milestoneStatus.${m.status}`)}</span>
              {m.overdue && (
                <span class="badge badge-warning">
                  <span aria-hidden="true" class="icon-warning" />
                  {t('region.overdue')}
                </span>
              )}
            </p>
            <dl class="inline-facts">
              <div>
                <dt>{t('field.dueDate')}</dt>
                <dd>{formatDate(m.dueDate, locale)}</dd>
              </div>
              {m.achievedDate && (
                <div>
                  <dt>{t('field.achievedDate')}</dt>
                  <dd>{formatDate(m.achievedDate, locale)}</dd>
                </div>
              )}
              {m.fieldOfAction && (
                <div>
                  <dt>{t('field.fieldOfAction')}</dt>
                  <dd>{fieldOfActionTitle(catalogue, m.fieldOfAction, locale)}</dd>
                </div>
              )}
            </dl>
            {m.note && <p class="timeline-note">{m.note}</p>}
            <p class="meta">{t('region.reported', { revision: m.revision, name: m.reportedBy, date: formatDateTime(m.reportedAt, locale) })}</p>
            <p class="item-actions">
              <HistoryButton regionId={region.regionId} item={`milestone#${m.milestoneId}`} label={m.title} />
              {canEdit && (
                <a class="button button-small button-secondary" href={`/regionen/${enc(region.regionId)}/meilensteine/${enc(m.milestoneId)}/bearbeiten`}>
                  {t('common.edit')}
                  <span class="visually-hidden">: {m.title}</span>
                </a>
              )}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
};

const Projects = ({ region, catalogue, locale, canEdit }: { region: RegionView; catalogue: Catalogue; locale: Locale; canEdit: boolean }) => {
  const used = FUNDING_SOURCES.filter((s) => region.projects.some((p) => sourceTotal(p, s) > 0));
  const columns: Column<Project>[] = [
    { header: t('field.title'), rowHeader: true, render: (p) => p.title, csv: (p) => p.title },
    {
      header: t('field.fieldOfAction'),
      render: (p) => fieldOfActionTitle(catalogue, p.fieldOfAction, locale),
      csv: (p) => fieldOfActionTitle(catalogue, p.fieldOfAction, locale),
    },
    { header: t('field.status'), render: (p) => t(`projectStatus.${p.status}`), csv: (p) => t(`projectStatus.${p.status}`) },
    {
      header: t('region.period'),
      render: (p) => `${formatDate(p.startDate, locale)} – ${p.endDate ? formatDate(p.endDate, locale) : t('region.open')}`,
      csv: (p) => `${formatDate(p.startDate, 'de')} – ${p.endDate ? formatDate(p.endDate, 'de') : ''}`,
    },
    ...used.map(
      (s): Column<Project> => ({ header: t(`source.${s}`), numeric: true, render: (p) => formatEur(sourceTotal(p, s), locale), csv: (p) => sourceTotal(p, s) }),
    ),
    { header: t('region.fundingTotal'), numeric: true, render: (p) => <strong>{formatEur(p.fundingEur, locale)}</strong>, csv: (p) => p.fundingEur },
  ];
  return (
    <>
      <DataTable
        caption={t('region.projectsCaption', { region: region.name })}
        columns={columns}
        rows={region.projects}
        rowKey={(p) => p.projectId}
        filename={`${region.regionId}-projekte`}
        empty={t('region.noProjects')}
      />
      {region.projects.length > 0 && (
        <div class="project-details">
          {region.projects.map((p) => (
            <details class="details" key={p.projectId}>
              <summary>
                {p.title}
                {p.lighthouse && <span class="badge badge-lighthouse">{t('field.lighthouse')}</span>}
              </summary>
              <div class="details-body">
                {p.summary && <p>{p.summary}</p>}
                {p.partners && p.partners.length > 0 && (
                  <p>
                    <strong>{t('field.partners')}:</strong> {p.partners.join(', ')}
                  </p>
                )}
                <table class="data-table compact">
                  <caption>{t('region.fundingLines', { title: p.title })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('field.programme')}</th>
                      <th scope="col">{t('field.source')}</th>
                      <th scope="col" class="num">
                        {t('field.amountEur')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.funding.map((f) => (
                      <tr>
                        <th scope="row">{f.programme}</th>
                        <td>{t(`source.${f.source}`)}</td>
                        <td class="num">{formatEur(f.amountEur, locale)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p class="meta">{t('region.reported', { revision: p.revision, name: p.reportedBy, date: formatDateTime(p.reportedAt, locale) })}</p>
                <p class="item-actions">
                  <HistoryButton regionId={region.regionId} item={`project#${p.projectId}`} label={p.title} />
                  {canEdit && (
                    <a class="button button-small button-secondary" href={`/regionen/${enc(region.regionId)}/projekte/${enc(p.projectId)}/bearbeiten`}>
                      {t('common.edit')}
                      <span class="visually-hidden">: {p.title}</span>
                    </a>
                  )}
                </p>
              </div>
            </details>
          ))}
        </div>
      )}
    </>
  );
};

const Indicators = ({ region, catalogue, locale, canEdit }: { region: RegionView; catalogue: Catalogue; locale: Locale; canEdit: boolean }) => {
  const latest = (p: IndicatorProgress) => p.points.find((x) => x.period === p.latestPeriod);
  const title = (p: IndicatorProgress) => indicatorTitle(indicatorById(catalogue, p.indicatorId), locale, p.indicatorId);
  const columns: Column<IndicatorProgress>[] = [
    { header: t('ind.indicator'), rowHeader: true, render: title, csv: title },
    { header: t('ind.period'), render: (p) => p.latestPeriod, csv: (p) => p.latestPeriod },
    { header: t('ind.total'), numeric: true, render: (p) => formatValue(latest(p)?.total, p.unit, locale), csv: (p) => latest(p)?.total ?? null },
    {
      header: t('ind.with'),
      label: <Short short={t('ind.withShort')} long={t('ind.with')} />,
      numeric: true,
      render: (p) => formatValue(latest(p)?.withMigrationBackground, p.unit, locale),
      csv: (p) => latest(p)?.withMigrationBackground ?? null,
    },
    {
      header: t('ind.without'),
      label: <Short short={t('ind.withoutShort')} long={t('ind.without')} />,
      numeric: true,
      render: (p) => formatValue(latest(p)?.withoutMigrationBackground, p.unit, locale),
      csv: (p) => latest(p)?.withoutMigrationBackground ?? null,
    },
    { header: t('ind.gap'), numeric: true, render: (p) => formatGap(latest(p)?.gap, p.unit, locale), csv: (p) => latest(p)?.gap ?? null },
    {
      header: t('ind.gapChange'),
      label: <Short short={t('ind.gapChangeShort')} long={t('ind.gapChange')} />,
      numeric: true,
      render: (p) => formatGap(p.changeSinceBaseline.gap, p.unit, locale, true),
      csv: (p) => p.changeSinceBaseline.gap,
    },
    {
      header: t('ind.assessment'),
      render: (p) => <Verdict good={p.gapNarrowed} label={{ good: t('ind.gapNarrowed'), bad: t('ind.gapWidened') }} />,
      csv: (p) => (p.gapNarrowed === null ? '' : p.gapNarrowed ? t('ind.gapNarrowed') : t('ind.gapWidened')),
    },
    {
      header: t('common.actions'),
      screenOnly: true,
      render: (p) => (
        <span class="item-actions">
          <HistoryButton regionId={region.regionId} item={`indicator#${p.indicatorId}#${p.latestPeriod}`} label={`${title(p)}, ${p.latestPeriod}`} />
          {canEdit && (
            <a
              class="button button-small button-secondary"
              href={`/regionen/${enc(region.regionId)}/indikatoren/${enc(p.indicatorId)}/${enc(p.latestPeriod)}/bearbeiten`}
            >
              {t('common.edit')}
              <span class="visually-hidden">
                : {title(p)}, {p.latestPeriod}
              </span>
            </a>
          )}
        </span>
      ),
      csv: () => '',
    },
  ];
  return (
    <>
      <p class="hint">{t('ind.abbreviations')}</p>
      <DataTable
        caption={t('region.indicatorsCaption', { region: region.name })}
        columns={columns}
        rows={region.indicators}
        rowKey={(p) => p.indicatorId}
        filename={`${region.regionId}-indikatoren`}
        empty={t('region.noIndicators')}
      />
    </>
  );
};

const Findings = ({ region, catalogue, locale, canEdit }: { region: RegionView; catalogue: Catalogue; locale: Locale; canEdit: boolean }) => {
  if (region.findings.length === 0) return <p class="empty">{t('region.noFindings')}</p>;
  return (
    <ul class="cards">
      {region.findings.map((f) => (
        <li class="card" key={f.findingId}>
          <h3>{f.title}</h3>
          <p class="meta">
            {fieldOfActionTitle(catalogue, f.fieldOfAction, locale)} · {formatDate(f.reportedAt.slice(0, 10), locale)}
          </p>
          <p>{f.summary}</p>
          <p class="item-actions">
            <HistoryButton regionId={region.regionId} item={`finding#${f.findingId}`} label={f.title} />
            {canEdit && (
              <a class="button button-small button-secondary" href={`/regionen/${enc(region.regionId)}/erkenntnisse/${enc(f.findingId)}/bearbeiten`}>
                {t('common.edit')}
                <span class="visually-hidden">: {f.title}</span>
              </a>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
};

/** Follows a report the API accepted until the overview shows it (or gives up after half a minute). */
const usePending = (regionId: string, region: Resource<RegionView>) => {
  const pending = useStore(pendingStore);
  const mine = pending?.regionId === regionId ? pending : undefined;
  const [arrived, setArrived] = useState<PendingReport | undefined>(undefined);
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!mine || region.state !== 'ready') return;
    if (mine.arrived(region.data)) {
      setArrived(mine);
      pendingStore.set(undefined);
      return;
    }
    if (Date.now() - mine.sentAt > POLL_LIMIT_MS) {
      setLate(true);
      return;
    }
    const timer = setTimeout(region.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [mine, region]);
  return { waiting: mine, arrived, late };
};

const RegionScreen = ({ params, session }: ScreenProps) => {
  const locale = useLocale();
  const regionId = params.regionId!;
  const catalogue = useCatalogue(session.idToken);
  const region = useResource((signal) => api.get<RegionView>(`/v1/regions/${enc(regionId)}`, signal), [regionId]);
  const rejections = useResource((signal) => api.get<{ rejections: Rejection[] }>(`/v1/regions/${enc(regionId)}/rejections`, signal), [regionId]);
  const { waiting, arrived, late } = usePending(regionId, region);
  const canEdit = session.role === 'coordinator' && session.regionId === regionId;
  const data = region.state === 'ready' ? region.data : undefined;
  const regionKind = catalogue.state === 'ready' ? catalogue.data.regions.find((r) => r.id === regionId)?.kind : undefined;

  return (
    <>
      <PageHeader
        title={data?.name ?? (catalogue.state === 'ready' ? (catalogue.data.regions.find((r) => r.id === regionId)?.name ?? regionId) : t('region.title'))}
        lead={data ? t('region.lead', { kind: regionKindLabel(regionKind), date: formatDateTime(data.lastReportedAt, locale) }) : undefined}
        actions={
          canEdit && (
            <a class="button" href={`/regionen/${enc(regionId)}/melden`}>
              {t('nav.report')}
            </a>
          )
        }
      />
      {waiting && !late && (
        <Notice kind="info" title={t('pending.title')}>
          <p>{t('pending.waiting', { title: waiting.title })}</p>
        </Notice>
      )}
      {waiting && late && (
        <Notice kind="warning" title={t('pending.lateTitle')}>
          <p>{t('pending.late', { title: waiting.title })}</p>
          <p>
            <a href={`/regionen/${enc(regionId)}/abgelehnt`}>{t('nav.rejections')}</a>
          </p>
        </Notice>
      )}
      {arrived && !waiting && <Notice kind="success">{t('pending.arrived', { title: arrived.title })}</Notice>}
      <Async resource={catalogue}>
        {(cat) => (
          <Async resource={region}>
            {(r) => (
              <>
                <nav class="toc" aria-label={t('region.toc')}>
                  <ul>
                    <li>
                      <a href="#meilensteine">{t('region.milestones')}</a>
                    </li>
                    <li>
                      <a href="#projekte">{t('region.projects')}</a>
                    </li>
                    <li>
                      <a href="#indikatoren">{t('region.indicators')}</a>
                    </li>
                    <li>
                      <a href="#erkenntnisse">{t('region.findings')}</a>
                    </li>
                    <li>
                      <a href="#abgelehnt">{t('nav.rejections')}</a>
                    </li>
                  </ul>
                </nav>
                <Section title={t('region.milestones')} id="meilensteine">
                  <Timeline region={r} catalogue={cat} locale={locale} canEdit={canEdit} />
                </Section>
                <Section title={t('region.projects')} id="projekte">
                  <Projects region={r} catalogue={cat} locale={locale} canEdit={canEdit} />
                </Section>
                <Section title={t('region.indicators')} id="indikatoren">
                  <Indicators region={r} catalogue={cat} locale={locale} canEdit={canEdit} />
                </Section>
                <Section title={t('region.findings')} id="erkenntnisse">
                  <Findings region={r} catalogue={cat} locale={locale} canEdit={canEdit} />
                </Section>
                <Section title={t('nav.rejections')} id="abgelehnt">
                  {rejections.state === 'error' ? (
                    <ErrorNotice error={rejections.error} onRetry={rejections.reload} />
                  ) : rejections.state === 'loading' ? null : (
                    <RejectionsList rejections={rejections.data.rejections} />
                  )}
                </Section>
              </>
            )}
          </Async>
        )}
      </Async>
    </>
  );
};

export default RegionScreen;
