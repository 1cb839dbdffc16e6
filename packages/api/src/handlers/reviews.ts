import type { z } from 'zod';
import type { RegionEvent } from '@modellregionen/events';
import type { FrozenReview, RecordedReport, ReportStore } from '@modellregionen/store';
import { countsAsOf, endOfBerlinDay, indicatorProgress, itemKeyOf, reduceRegions } from '@modellregionen/domain';
import type { ApiDeps } from '../context';
import { conflict } from '../errors';
import type { Principal } from '../principal';
import { modelRegions } from '../regions';
import { REVIEWS, type ReviewId } from '../reviews';
import type { reviewContentSchema, reviewSchema } from '../schemas/review';
import { allRevisions, readCompetenceCircle } from './views';

type ReviewContent = z.input<typeof reviewContentSchema>;
type Review = z.input<typeof reviewSchema>;

/**
 * A region's indicator values as known at the end of Berlin day `cutoff`: its current values, and
 * for a value reported again after the cutoff, the winner among that value's own reports made by
 * then. It reads the region's indicator values and the reports of those changed since, never the
 * region's whole history.
 */
const indicatorValuesAsOf = async (store: ReportStore, regionId: string, cutoff: string): Promise<RegionEvent[]> => {
  const current = await store.currentItemsByPrefix(regionId, 'indicator#');
  const settled = current.filter((e) => countsAsOf(e.detail.reportedAt, cutoff));
  const changed = await Promise.all(current.filter((e) => !countsAsOf(e.detail.reportedAt, cutoff)).map((e) => store.itemRevisions(regionId, itemKeyOf(e))));
  return [...settled, ...[...reduceRegions(changed.flat(), { reportedUntil: cutoff }).values()].flatMap((state) => [...state.values()])];
};

/**
 * The review as known at its cutoff: the competence circle from the regions' time indexes (one
 * small Query per region), the indicators from the regions' indicator values as of the cutoff.
 */
const computeReview = async (reviewId: ReviewId, deps: ApiDeps): Promise<ReviewContent> => {
  const { title, cutoff } = REVIEWS[reviewId];
  const regions = modelRegions(deps.catalogue);
  const [competenceCircle, values] = await Promise.all([
    readCompetenceCircle({ ...deps, asOf: cutoff, today: cutoff }),
    Promise.all(regions.map((r) => indicatorValuesAsOf(deps.store, r.id, cutoff))),
  ]);
  return {
    reviewId,
    title,
    cutoff,
    competenceCircle,
    indicators: regions.map((r, i) => ({ regionId: r.id, progress: indicatorProgress(values[i] ?? [], deps.catalogue) })),
  };
};

/** The reports a review at `cutoff` counts: those made by the end of that Berlin day. */
const madeBy = (events: readonly RecordedReport[], cutoff: string) => {
  const end = endOfBerlinDay(cutoff);
  return events.filter((e) => Date.parse(e.detail.reportedAt) < end);
};

/**
 * Reports that would have changed a closed review: made by its cutoff, but not among the reports
 * its frozen content reflects. Deciding by the frozen set, not by a time, leaves no gap for a
 * report the bus accepted before the close and the pipeline processed after it, and gives the same
 * answer after the views are rebuilt from the archive. Reviews frozen before the set was kept fall
 * back to the time of recording. Listed in the order the bus accepted them.
 */
const lateAmendments = (events: readonly RecordedReport[], frozen: FrozenReview<ReviewContent>) => {
  const included = frozen.includedEventIds === undefined ? undefined : new Set(frozen.includedEventIds);
  const closed = Date.parse(frozen.closedAt);
  return madeBy(events, frozen.content.cutoff)
    .filter((e) => (included ? !included.has(e.eventId) : Date.parse(e.recordedAt) > closed))
    .sort((a, b) => Date.parse(a.acceptedAt) - Date.parse(b.acceptedAt) || a.eventId.localeCompare(b.eventId))
    .map((e) => ({
      eventId: e.eventId,
      regionId: e.regionId,
      detailType: e.detailType,
      item: itemKeyOf(e),
      revision: e.detail.revision,
      reportedAt: e.detail.reportedAt,
      receivedAt: e.receivedAt,
      acceptedAt: e.acceptedAt,
    }));
};

/** The review: as frozen when it was closed, with its late amendments; else computed now. */
export const review = async (deps: ApiDeps, reviewId: ReviewId): Promise<Review> => {
  const frozen = await deps.store.frozenReview<ReviewContent>(reviewId);
  if (frozen !== undefined) {
    return {
      ...frozen.content,
      status: 'closed',
      closedAt: frozen.closedAt,
      closedBy: frozen.closedBy,
      lateAmendments: lateAmendments(await allRevisions(deps.store, deps.catalogue), frozen),
    };
  }
  return { ...(await computeReview(reviewId, deps)), status: 'open', lateAmendments: [] };
};

/** Freezes the review as it is now; a review closes once (409). */
export const closeReview = async (deps: ApiDeps, reviewId: ReviewId, closer: Principal): Promise<Review> => {
  const closedAt = deps.now().toISOString();
  // The reports read for the included set are read first: a report processed in between is in the
  // content but not in the set, and is listed as a late amendment (never the other way round).
  const events = await allRevisions(deps.store, deps.catalogue);
  const content = await computeReview(reviewId, deps);
  const closedBy = closer.name;
  const includedEventIds = madeBy(events, content.cutoff)
    .map((e) => e.eventId)
    .sort();
  if (!(await deps.store.freezeReview(reviewId, { closedAt, closedBy, content, includedEventIds }))) {
    const existing = await deps.store.frozenReview(reviewId);
    throw conflict(`the ${reviewId} review was closed at ${existing?.closedAt ?? 'an earlier time'}; a closed review stays as it was`);
  }
  return { ...content, status: 'closed', closedAt, closedBy, lateAmendments: [] };
};
