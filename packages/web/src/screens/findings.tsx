import { useEffect, useState } from 'preact/hooks';
import { api, enc } from '../api/client';
import type { Catalogue, FeedFinding, RegionView } from '../api/types';
import { MINISTRY_ID } from '../api/types';
import { Async, describeError, useResource } from '../components/async';
import { CopyButton } from '../components/copy-button';
import { Notice, PageHeader } from '../components/page';
import { fieldOfActionTitle, useCatalogue } from '../data/catalogue';
import { pendingStore } from '../data/pending';
import { formatDate } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import type { ScreenProps } from '../screen';
import { navigate, withQuery } from '../router';
import { useOnChange, useStore } from '../store';

const Filter = ({ catalogue, fieldOfAction, regionId }: { catalogue: Catalogue; fieldOfAction: string; regionId: string }) => {
  const locale = useLocale();
  const [field, setField] = useState(fieldOfAction);
  const [region, setRegion] = useState(regionId);
  useOnChange(fieldOfAction, setField);
  useOnChange(regionId, setRegion);
  return (
    <form
      class="toolbar"
      aria-label={t('findings.filter')}
      onSubmit={(e) => {
        e.preventDefault();
        navigate(withQuery('/erkenntnisse', { handlungsfeld: field || undefined, region: region || undefined }));
      }}
    >
      <div class="field field-inline">
        <label for="filter-field">{t('field.fieldOfAction')}</label>
        <select id="filter-field" value={field} onChange={(e) => setField((e.target as HTMLSelectElement).value)}>
          <option value="">{t('findings.allFields')}</option>
          {catalogue.fieldsOfAction.map((f) => (
            <option value={f.id}>{fieldOfActionTitle(catalogue, f.id, locale)}</option>
          ))}
        </select>
      </div>
      <div class="field field-inline">
        <label for="filter-region">{t('findings.publisher')}</label>
        <select id="filter-region" value={region} onChange={(e) => setRegion((e.target as HTMLSelectElement).value)}>
          <option value="">{t('findings.allPublishers')}</option>
          {catalogue.regions
            .filter((r) => r.role !== 'subscriber')
            .map((r) => (
              <option value={r.id}>{r.name}</option>
            ))}
          <option value={MINISTRY_ID}>{t('common.ministry')}</option>
        </select>
      </div>
      <button type="submit" class="button">
        {t('findings.apply')}
      </button>
      {(fieldOfAction || regionId) && (
        <a class="button button-secondary" href="/erkenntnisse">
          {t('findings.reset')}
        </a>
      )}
    </form>
  );
};

const AtomFeed = ({ query }: { query: string }) => {
  const [error, setError] = useState<unknown>(undefined);
  const path = `/v1/findings.atom${query ? `?${query}` : ''}`;
  const url = `${window.location.origin}${path}`;
  return (
    <aside class="feed-box" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('findings.feedTitle')}</h2>
      <p>{t('findings.feedText')}</p>
      <div class="copy-row">
        <label for="feed-url" class="visually-hidden">
          {t('findings.feedUrl')}
        </label>
        <input id="feed-url" type="text" readOnly value={url} class="input-long" />
        <CopyButton text={url} label={t('findings.feedUrl')} selectId="feed-url" />
      </div>
      <p>
        <button
          type="button"
          class="button button-secondary button-small"
          onClick={() => {
            setError(undefined);
            api.blob(path).then((blob) => {
              const link = document.createElement('a');
              link.href = URL.createObjectURL(blob);
              link.download = 'erkenntnisse.atom';
              link.click();
              setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
            }, setError);
          }}
        >
          {t('findings.feedDownload')}
        </button>
      </p>
      {error !== undefined && (
        <p class="field-error" role="alert">
          {describeError(error)}
        </p>
      )}
    </aside>
  );
};

/** Erkenntnisse: the findings the regions and the ministry share, filtered by field of action and publisher. */
const FindingsScreen = ({ query, session }: ScreenProps) => {
  const locale = useLocale();
  const fieldOfAction = query.get('handlungsfeld') ?? '';
  const regionId = query.get('region') ?? '';
  const apiQuery = new URLSearchParams(Object.entries({ fieldOfAction, regionId }).filter(([, v]) => v !== '')).toString();
  const catalogue = useCatalogue(session.idToken);
  const findings = useResource((signal) => api.get<{ findings: FeedFinding[] }>(`/v1/findings${apiQuery ? `?${apiQuery}` : ''}`, signal), [apiQuery]);
  const pending = useStore(pendingStore);
  const ministryPending = pending?.regionId === MINISTRY_ID ? pending : undefined;
  // The ministry's own finding: shown as "being processed" until the list has it.
  useEffect(() => {
    if (!ministryPending || findings.state !== 'ready') return;
    const own = findings.data.findings.filter((f) => f.regionId === MINISTRY_ID);
    const asRegion = { findings: own.map((f) => ({ ...f })) } as unknown as RegionView;
    if (ministryPending.arrived(asRegion)) {
      pendingStore.set(undefined);
      return;
    }
    if (Date.now() - ministryPending.sentAt > 30_000) return;
    const timer = setTimeout(findings.reload, 1000);
    return () => clearTimeout(timer);
  }, [ministryPending, findings]);
  const publishHref =
    session.role === 'ministry'
      ? `/regionen/${MINISTRY_ID}/erkenntnisse/neu`
      : session.role === 'coordinator'
        ? `/regionen/${enc(session.regionId ?? '')}/erkenntnisse/neu`
        : undefined;

  return (
    <>
      <PageHeader
        title={t('findings.title')}
        lead={t('findings.lead')}
        actions={
          publishHref && (
            <a class="button" href={publishHref}>
              {t('findings.publish')}
            </a>
          )
        }
      />
      {ministryPending && <Notice kind="info">{t('pending.waiting', { title: ministryPending.title })}</Notice>}
      <Async resource={catalogue}>
        {(cat) => (
          <div class="with-aside">
            <div>
              <Filter catalogue={cat} fieldOfAction={fieldOfAction} regionId={regionId} />
              <Async resource={findings}>
                {(f) =>
                  f.findings.length === 0 ? (
                    <p class="empty">{t('findings.none')}</p>
                  ) : (
                    <>
                      <p role="status">{t('findings.count', { n: f.findings.length })}</p>
                      <ul class="cards findings">
                        {f.findings.map((x) => (
                          <li class="card" key={`${x.regionId}/${x.findingId}`}>
                            <article aria-labelledby={`finding-${x.regionId}-${x.findingId}`}>
                              <h2 id={`finding-${x.regionId}-${x.findingId}`}>{x.title}</h2>
                              <p class="meta">
                                {x.regionId === MINISTRY_ID ? t('common.ministry') : x.regionName} · {fieldOfActionTitle(cat, x.fieldOfAction, locale)} ·{' '}
                                {formatDate(x.reportedAt.slice(0, 10), locale)}
                              </p>
                              <p>{x.summary}</p>
                              {x.tags.length > 0 && (
                                <ul class="tags" aria-label={t('field.tags')}>
                                  {x.tags.map((tag) => (
                                    <li>{tag}</li>
                                  ))}
                                </ul>
                              )}
                            </article>
                          </li>
                        ))}
                      </ul>
                    </>
                  )
                }
              </Async>
            </div>
            <AtomFeed query={apiQuery} />
          </div>
        )}
      </Async>
    </>
  );
};

export default FindingsScreen;
