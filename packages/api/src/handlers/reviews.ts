import type { RegionEvent } from '@modellregionen/events';
import type { FrozenReview, RecordedReport } from '@modellregionen/store';
import {
  type CompetenceCircleView,
  competenceCircleOf,
  endOfBerlinDay,
  type IndicatorProgress,
  indicatorProgress,
  itemKeyOf,
  reduceRegions,
} from '@modellregionen/domain';
import { conflict, notFound } from '../errors';
import { json, type RouteContext, type RouteResult } from '../context';
import { allRevisions, modelRegions } from './views';

/** The programme's two reviews and their cutoffs (SPEC section 4). */
export const REVIEWS = {
  midterm: { title: 'Halbzeitbilanz (mid-term review)', cutoff: '2012-02-29' },
  final: { title: 'Abschlussbewertung (final evaluation)', cutoff: '2013-12-31' },
} as const;
export type ReviewId = keyof typeof REVIEWS;

interface ReviewContent {
  reviewId: ReviewId;
  title: string;
  cutoff: string;
  competenceCircle: CompetenceCircleView;
  indicators: { regionId: string; progress: IndicatorProgress[] }[];
}

const reviewOf = (params: Readonly<Record<string, string>>): ReviewId => {
  const id = params.reviewId!;
  if (!Object.hasOwn(REVIEWS, id)) throw notFound(`no review ${id}; the reviews are ${Object.keys(REVIEWS).join(' and ')}`);
  return id as ReviewId;
};

const computeReview = (reviewId: ReviewId, events: RegionEvent[], deps: RouteContext['deps']): ReviewContent => {
  const { title, cutoff } = REVIEWS[reviewId];
  const states = reduceRegions(events, { reportedUntil: cutoff });
  return {
    reviewId,
    title,
    cutoff,
    competenceCircle: competenceCircleOf(events, { catalogue: deps.catalogue, asOf: cutoff, reportedUntil: cutoff }),
    indicators: modelRegions(deps.catalogue).map((r) => ({
      regionId: r.id,
      progress: indicatorProgress(states.get(r.id)?.values() ?? [], deps.catalogue),
    })),
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

export const getReview = async ({ deps, params }: RouteContext): Promise<RouteResult> => {
  const reviewId = reviewOf(params);
  const [frozen, events] = await Promise.all([
    deps.store.frozenReview<ReviewContent>(reviewId),
    allRevisions(deps.store, deps.catalogue),
  ]);
  if (frozen !== undefined) {
    return json({
      ...frozen.content,
      status: 'closed',
      closedAt: frozen.closedAt,
      closedBy: frozen.closedBy,
      lateAmendments: lateAmendments(events, frozen),
    });
  }
  return json({ ...computeReview(reviewId, events, deps), status: 'open', lateAmendments: [] });
};

export const closeReview = async ({ deps, params, principal }: RouteContext): Promise<RouteResult> => {
  const reviewId = reviewOf(params);
  const closedAt = deps.now().toISOString();
  const events = await allRevisions(deps.store, deps.catalogue);
  const content = computeReview(reviewId, events, deps);
  const closedBy = principal?.name ?? 'unknown';
  const includedEventIds = madeBy(events, content.cutoff).map((e) => e.eventId).sort();
  if (!(await deps.store.freezeReview(reviewId, { closedAt, closedBy, content, includedEventIds }))) {
    const existing = await deps.store.frozenReview(reviewId);
    throw conflict(`the ${reviewId} review was closed at ${existing?.closedAt ?? 'an earlier time'}; a closed review stays as it was`);
  }
  return json({ ...content, status: 'closed', closedAt, closedBy, lateAmendments: [] });
};
