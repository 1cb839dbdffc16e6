import type { RegionEvent } from '@modellregionen/events';
import type { RecordedReport } from '@modellregionen/store';
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

/**
 * Reports that would have changed a closed review: made by its cutoff, recorded after it closed.
 * The close is stamped before the review is computed, so every report recorded before the stamp
 * is in the frozen review (the bus's own `time` has whole seconds only, too coarse to tell).
 */
const lateAmendments = (events: readonly RecordedReport[], cutoff: string, closedAt: string) => {
  const end = endOfBerlinDay(cutoff);
  const closed = Date.parse(closedAt);
  return events
    .filter((e) => Date.parse(e.detail.reportedAt) < end && Date.parse(e.recordedAt) > closed)
    .sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt) || a.eventId.localeCompare(b.eventId))
    .map((e) => ({
      eventId: e.eventId,
      regionId: e.regionId,
      detailType: e.detailType,
      item: itemKeyOf(e),
      revision: e.detail.revision,
      reportedAt: e.detail.reportedAt,
      receivedAt: e.receivedAt,
      recordedAt: e.recordedAt,
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
      lateAmendments: lateAmendments(events, frozen.content.cutoff, frozen.closedAt),
    });
  }
  return json({ ...computeReview(reviewId, events, deps), status: 'open', lateAmendments: [] });
};

export const closeReview = async ({ deps, params, principal }: RouteContext): Promise<RouteResult> => {
  const reviewId = reviewOf(params);
  const closedAt = deps.now().toISOString();
  const content = computeReview(reviewId, await allRevisions(deps.store, deps.catalogue), deps);
  const closedBy = principal?.name ?? 'unknown';
  if (!(await deps.store.freezeReview(reviewId, { closedAt, closedBy, content }))) {
    const existing = await deps.store.frozenReview(reviewId);
    throw conflict(`the ${reviewId} review was closed at ${existing?.closedAt ?? 'an earlier time'}; a closed review stays as it was`);
  }
  return json({ ...content, status: 'closed', closedAt, closedBy, lateAmendments: [] });
};
