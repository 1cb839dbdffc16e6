import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Catalogue, Review, ReviewId } from '../api/types';
import { Async, describeError, useResource } from '../components/async';
import { CompetenceTable, KeyFigures } from '../components/competence-table';
import { type Column, DataTable } from '../components/data-table';
import { Dialog } from '../components/dialog';
import { IndicatorChanges } from '../components/indicator-changes';
import { Notice, PageHeader, Section } from '../components/page';
import { useCatalogue } from '../data/catalogue';
import { detailTypeLabel, itemLabel } from '../data/labels';
import { formatDate, formatDateTime, formatEur, formatNumber, type Locale } from '../i18n/format';
import { t, useLocale } from '../i18n/i18n';
import type { ScreenProps } from '../screen';

const REVIEWS: Record<string, ReviewId> = { halbzeit: 'midterm', abschluss: 'final' };

const reviewTitle = (id: ReviewId) => (id === 'midterm' ? t('review.midterm') : t('review.final'));

const LateAmendments = ({ review, catalogue, locale }: { review: Review; catalogue: Catalogue; locale: Locale }) => {
  const name = (id: string) => catalogue.regions.find((r) => r.id === id)?.name ?? id;
  const columns: Column<Review['lateAmendments'][number]>[] = [
    { header: t('review.region'), rowHeader: true, render: (a) => name(a.regionId), csv: (a) => name(a.regionId) },
    { header: t('review.kind'), render: (a) => detailTypeLabel(a.detailType), csv: (a) => detailTypeLabel(a.detailType) },
    { header: t('review.item'), render: (a) => itemLabel(a.item, catalogue, locale), csv: (a) => itemLabel(a.item, catalogue, locale) },
    { header: t('review.revision'), numeric: true, render: (a) => formatNumber(a.revision, locale, 0), csv: (a) => a.revision },
    { header: t('review.reportedAt'), render: (a) => formatDateTime(a.reportedAt, locale), csv: (a) => formatDateTime(a.reportedAt, 'de') },
    { header: t('review.acceptedAt'), render: (a) => formatDateTime(a.acceptedAt, locale), csv: (a) => formatDateTime(a.acceptedAt, 'de') },
  ];
  return (
    <Section title={t('review.lateAmendments')} id="late-amendments">
      <p>{review.status === 'closed' ? t('review.lateAmendmentsText') : t('review.lateAmendmentsOpen')}</p>
      <DataTable
        caption={t('review.lateAmendments')}
        captionHidden
        columns={columns}
        rows={review.lateAmendments}
        rowKey={(a) => a.eventId}
        filename={`${review.reviewId}-nachtraege`}
        empty={t('review.noLateAmendments')}
      />
    </Section>
  );
};

const RegionSections = ({ review, catalogue, locale }: { review: Review; catalogue: Catalogue; locale: Locale }) => (
  <>
    {review.competenceCircle.regions.map((row) => {
      const progress = review.indicators.find((i) => i.regionId === row.regionId)?.progress ?? [];
      return (
        <section class="section region-review" aria-labelledby={`review-${row.regionId}`}>
          <h2 id={`review-${row.regionId}`}>{row.name}</h2>
          <dl class="facts">
            <div>
              <dt>{t('cc.milestones')}</dt>
              <dd>
                {t('review.milestoneFacts', {
                  total: formatNumber(row.milestones.total, locale, 0),
                  achieved: formatNumber(row.milestones.byStatus.achieved, locale, 0),
                  overdue: formatNumber(row.milestones.overdue, locale, 0),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('cc.projects')}</dt>
              <dd>
                {t('review.projectFacts', {
                  total: formatNumber(row.projects.total, locale, 0),
                  running: formatNumber(row.projects.byStatus.running, locale, 0),
                  completed: formatNumber(row.projects.byStatus.completed, locale, 0),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('cc.funding')}</dt>
              <dd>{formatEur(row.projects.fundingEur, locale)}</dd>
            </div>
            <div>
              <dt>{t('cc.lastReport')}</dt>
              <dd>{formatDateTime(row.lastReportedAt, locale)}</dd>
            </div>
          </dl>
          <IndicatorChanges
            progress={progress}
            catalogue={catalogue}
            locale={locale}
            caption={t('review.indicatorCaption', { region: row.name })}
            filename={`${review.reviewId}-${row.regionId}-indikatoren`}
          />
        </section>
      );
    })}
  </>
);

const ReviewScreen = ({ params, session }: ScreenProps) => {
  const locale = useLocale();
  const reviewId = REVIEWS[params.review ?? ''];
  const catalogue = useCatalogue(session.idToken);
  const review = useResource((signal) => api.get<Review>(`/v1/reviews/${reviewId ?? 'none'}`, signal), [reviewId]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<unknown>(undefined);
  const [closedNow, setClosedNow] = useState(false);

  if (reviewId === undefined) {
    return (
      <>
        <PageHeader title={t('notFound.title')} />
        <p>{t('notFound.text')}</p>
      </>
    );
  }
  const title = reviewTitle(reviewId);

  const close = async () => {
    setClosing(true);
    setCloseError(undefined);
    try {
      await api.post(`/v1/reviews/${reviewId}/close`, {});
      setDialogOpen(false);
      setClosedNow(true);
      review.reload();
    } catch (err) {
      setCloseError(err);
      // Closed meanwhile by someone else: show what is there now.
      if (err instanceof ApiError && err.status === 409) review.reload();
    } finally {
      setClosing(false);
    }
  };

  const ready = review.state === 'ready' ? review.data : undefined;
  return (
    <div class="review">
      <PageHeader
        title={title}
        lead={ready ? t('review.lead', { date: formatDate(ready.cutoff, locale) }) : undefined}
        actions={
          ready && (
            <>
              {ready.status === 'open' && (
                <button type="button" class="button" onClick={() => setDialogOpen(true)}>
                  {t('review.close')}
                </button>
              )}
              <button type="button" class="button button-secondary" onClick={() => window.print()}>
                {t('review.print')}
              </button>
            </>
          )
        }
      />
      <Async resource={catalogue}>
        {(cat) => (
          <Async resource={review}>
            {(r) => (
              <>
                <p class="print-only print-meta">{t('review.printedAt', { date: formatDateTime(new Date().toISOString(), locale) })}</p>
                {closedNow && r.status === 'closed' && <Notice kind="success">{t('review.closedNow', { title })}</Notice>}
                <div class={`review-status ${r.status === 'closed' ? 'review-closed' : 'review-open'}`} data-testid="review-status">
                  <p class="review-status-title">
                    <span class="badge">{r.status === 'closed' ? t('review.statusClosed') : t('review.statusOpen')}</span>
                  </p>
                  <p>
                    {r.status === 'closed'
                      ? t('review.closedText', { date: formatDateTime(r.closedAt, locale), name: r.closedBy ?? '–' })
                      : t('review.openText', { date: formatDate(r.cutoff, locale) })}
                  </p>
                </div>
                <Section title={t('review.overview')} id="overview">
                  <KeyFigures view={r.competenceCircle} locale={locale} />
                  <CompetenceTable
                    view={r.competenceCircle}
                    catalogue={cat}
                    locale={locale}
                    caption={t('review.tableCaption', { title, date: formatDate(r.cutoff, locale) })}
                    filename={`${r.reviewId}-kompetenzkreis`}
                  />
                </Section>
                <p class="hint">{t('ind.abbreviations')}</p>
                <RegionSections review={r} catalogue={cat} locale={locale} />
                <LateAmendments review={r} catalogue={cat} locale={locale} />
                <Dialog
                  id="close-review"
                  open={dialogOpen}
                  onClose={() => {
                    setDialogOpen(false);
                    setCloseError(undefined);
                  }}
                  title={t('review.confirmTitle', { title })}
                  actions={
                    <>
                      <button type="button" class="button button-secondary" onClick={() => setDialogOpen(false)} disabled={closing}>
                        {t('common.cancel')}
                      </button>
                      <button type="button" class="button button-danger" onClick={() => void close()} disabled={closing}>
                        {closing ? t('review.closing') : t('review.confirm')}
                      </button>
                    </>
                  }
                >
                  <p>{t('review.confirmText', { date: formatDate(r.cutoff, locale) })}</p>
                  {closeError !== undefined && (
                    <p class="field-error" role="alert">
                      {describeError(closeError)}
                    </p>
                  )}
                </Dialog>
              </>
            )}
          </Async>
        )}
      </Async>
    </div>
  );
};

export default ReviewScreen;
