import { api, enc } from '../api/client';
import type { CompetenceCircle } from '../api/types';
import { Async, useResource } from '../components/async';
import { PageHeader } from '../components/page';
import { formatDateTime, formatEur, formatNumber } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';

/** Regionen: the model regions, each with its key figures and a link to its page. */
const RegionListScreen = () => {
  const locale = useLocale();
  const view = useResource((signal) => api.get<CompetenceCircle>('/v1/competence-circle', signal), []);
  return (
    <>
      <PageHeader title={t('regions.title')} lead={t('regions.lead')} />
      <Async resource={view}>
        {(v) => (
          <ul class="cards region-cards">
            {v.regions.map((r) => (
              <li class="card" key={r.regionId}>
                <h2>
                  <a href={`/regionen/${enc(r.regionId)}`}>{r.name}</a>
                </h2>
                <dl class="inline-facts">
                  <div>
                    <dt>{t('cc.milestones')}</dt>
                    <dd>
                      {formatNumber(r.milestones.total, locale, 0)}
                      {r.milestones.overdue > 0 && (
                        <span class="text-warning"> ({t('cc.overdueCount', { n: formatNumber(r.milestones.overdue, locale, 0) })})</span>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>{t('cc.projects')}</dt>
                    <dd>{formatNumber(r.projects.total, locale, 0)}</dd>
                  </div>
                  <div>
                    <dt>{t('cc.funding')}</dt>
                    <dd>{formatEur(r.projects.fundingEur, locale)}</dd>
                  </div>
                  <div>
                    <dt>{t('cc.lastReport')}</dt>
                    <dd>{formatDateTime(r.lastReportedAt, locale)}</dd>
                  </div>
                </dl>
                <p>
                  <a href={`/regionen/${enc(r.regionId)}/abgelehnt`}>
                    {t('nav.rejections')}
                    <span class="visually-hidden">: {r.name}</span>
                  </a>
                </p>
              </li>
            ))}
          </ul>
        )}
      </Async>
    </>
  );
};

export default RegionListScreen;
