// The table items of reports, views, rejections and closed reviews, and how they read back: one
// definition for the DynamoDB store and the in-memory one, so both keep exactly the same items.
import { itemKeyOf, type RegionSummary, versionKey } from '@modellregionen/domain';
import type { FieldError, RegionEvent } from '@modellregionen/events';
import { CHANGES_SK, COMPETENCE_CIRCLE_PK, currentSk, FROZEN_SK, regionPk, rejectionSk, reviewPk, revisionSk, viewSk } from './keys';
import type { CurrentWrite, FrozenReview, RecordedReport, RecordedRevision, Rejection } from './ports';

/** An item as the document client writes and reads it. */
export type Item = Record<string, unknown>;

export interface ItemKey {
  readonly pk: string;
  readonly sk: string;
}

/** An item with its key. */
export type KeyedItem = Item & ItemKey;

/** A rejected event's body is kept up to this size, so that its record stays well under DynamoDB's 400 KB. */
const MAX_STORED_BODY = 64 * 1024;

const encodeReport = (event: RegionEvent) => ({
  eventId: event.eventId,
  source: event.source,
  regionId: event.regionId,
  receivedAt: event.receivedAt,
  detailType: event.detailType,
  revision: event.detail.revision,
  reportedAt: event.detail.reportedAt,
  ver: versionKey(event),
  // The detail is kept as its JSON text: it round-trips exactly, numbers and all.
  detail: JSON.stringify(event.detail),
});

export const decodeReport = (item: Item): RegionEvent =>
  ({
    eventId: item.eventId,
    source: item.source,
    regionId: item.regionId,
    receivedAt: item.receivedAt,
    detailType: item.detailType,
    detail: JSON.parse(String(item.detail)),
  }) as RegionEvent;

export const currentKey = (event: RegionEvent): ItemKey => ({ pk: regionPk(event.regionId), sk: currentSk(itemKeyOf(event)) });

/** The item's current state; `ver` orders the reports of one item (a conditional put compares it). */
export const currentItem = (event: RegionEvent): KeyedItem & { ver: string } => ({ ...currentKey(event), type: 'current', ...encodeReport(event) });

export const changesKey = (regionId: string): ItemKey => ({ pk: regionPk(regionId), sk: CHANGES_SK });

export const revisionKey = (event: RegionEvent): ItemKey => ({
  pk: regionPk(event.regionId),
  sk: revisionSk(itemKeyOf(event), event.detail.revision, event.eventId),
});

export const revisionItem = (event: RegionEvent, outcome: CurrentWrite, acceptedAt: string, recordedAt: string): KeyedItem => ({
  ...revisionKey(event),
  type: 'revision',
  ...encodeReport(event),
  reportedBy: event.detail.reportedBy,
  outcome: outcome === 'stale' ? 'superseded-on-arrival' : 'applied',
  acceptedAt,
  recordedAt,
});

export const decodeRevision = (item: Item): RecordedReport => ({
  ...decodeReport(item),
  // Audit records written before acceptance times were kept have only the time of recording.
  acceptedAt: String(item.acceptedAt ?? item.recordedAt),
  recordedAt: String(item.recordedAt),
});

export const decodeItemRevision = (item: Item): RecordedRevision => ({
  ...decodeRevision(item),
  outcome: item.outcome === 'superseded-on-arrival' ? 'superseded-on-arrival' : 'applied',
});

const viewKey = (regionId: string): ItemKey => ({ pk: COMPETENCE_CIRCLE_PK, sk: viewSk(regionId) });

/** A region's view; `changes` is the change count it was computed after (a conditional put compares it). */
export const viewItem = (regionId: string, changes: number, summary: RegionSummary, updatedAt: string): KeyedItem & { changes: number } => ({
  ...viewKey(regionId),
  type: 'view',
  changes,
  summary: JSON.stringify(summary),
  updatedAt,
});

export const decodeView = (item: Item): RegionSummary => JSON.parse(String(item.summary)) as RegionSummary;

export const rejectionKey = (r: Pick<Rejection, 'regionId' | 'receivedAt' | 'eventId'>): ItemKey => ({
  pk: regionPk(r.regionId),
  sk: rejectionSk(r.receivedAt, r.eventId),
});

export const rejectionItem = (r: Rejection, recordedAt: string): KeyedItem => ({
  ...rejectionKey(r),
  type: 'rejection',
  ...r,
  body: r.body.length > MAX_STORED_BODY ? r.body.slice(0, MAX_STORED_BODY) : r.body,
  recordedAt,
});

export const decodeRejection = (item: Item): Rejection => ({
  regionId: String(item.regionId),
  eventId: String(item.eventId),
  source: String(item.source),
  detailType: String(item.detailType),
  receivedAt: String(item.receivedAt),
  errors: item.errors as FieldError[],
  body: String(item.body),
});

export const frozenReviewKey = (reviewId: string): ItemKey => ({ pk: reviewPk(reviewId), sk: FROZEN_SK });

export const frozenReviewItem = (reviewId: string, input: FrozenReview<unknown>): KeyedItem => {
  const { includedEventIds, ...rest } = input;
  return {
    ...frozenReviewKey(reviewId),
    type: 'review',
    ...rest,
    content: JSON.stringify(input.content),
    ...(includedEventIds ? { included: JSON.stringify(includedEventIds) } : {}),
  };
};

export const decodeFrozenReview = <T>(item: Item): FrozenReview<T> => ({
  closedAt: String(item.closedAt),
  closedBy: String(item.closedBy),
  content: JSON.parse(String(item.content)) as T,
  ...(typeof item.included === 'string' ? { includedEventIds: JSON.parse(item.included) as string[] } : {}),
});
