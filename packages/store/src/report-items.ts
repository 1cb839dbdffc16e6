// The table items of reports, views, rejections and closed reviews, and how they read back: one
// definition for the DynamoDB store and the in-memory one, so both keep exactly the same items.
import { itemKeyOf, type Point, versionKey } from '@modellregionen/domain';
import type { FieldError, RegionEvent } from '@modellregionen/events';
import { decodePoint as decodePointText, encodePoint } from './point-codec';
import { currentSk, FROZEN_SK, regionPk, rejectionSk, reviewPk, revisionSk, TIMELINE_PREFIX, TIMELINE_STATE_SK, timelineSk } from './keys';
import type { CurrentWrite, FrozenReview, RecordedReport, RecordedRevision, Rejection, StoredPoint, TimelineState } from './ports';

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

// A report as an item keeps it: the envelope's fields and the detail, nothing the detail already
// holds (its region, revision, time and author): a write is billed by the kilobyte.
const encodeReport = (event: RegionEvent) => ({
  eventId: event.eventId,
  source: event.source,
  receivedAt: event.receivedAt,
  detailType: event.detailType,
  // The detail is kept as its JSON text: it round-trips exactly, numbers and all.
  detail: JSON.stringify(event.detail),
});

export const decodeReport = (item: Item): RegionEvent => {
  const detail = JSON.parse(String(item.detail)) as RegionEvent['detail'];
  return {
    eventId: item.eventId,
    source: item.source,
    regionId: detail.regionId,
    receivedAt: item.receivedAt,
    detailType: item.detailType,
    detail,
  } as RegionEvent;
};

export const currentKey = (event: RegionEvent): ItemKey => ({ pk: regionPk(event.regionId), sk: currentSk(itemKeyOf(event)) });

/** The item's current state; `ver` orders the reports of one item (a conditional put compares it). */
export const currentItem = (event: RegionEvent, acceptedAt: string): KeyedItem & { ver: string } => ({
  ...currentKey(event),
  ...encodeReport(event),
  ver: versionKey(event),
  acceptedAt,
});

/** A current item as read back, with when the bus accepted its report (absent in items of earlier versions). */
export const decodeCurrent = (item: Item): RegionEvent & { acceptedAt?: string } =>
  typeof item.acceptedAt === 'string' ? { ...decodeReport(item), acceptedAt: item.acceptedAt } : decodeReport(item);

export const revisionKey = (event: RegionEvent): ItemKey => ({
  pk: regionPk(event.regionId),
  sk: revisionSk(itemKeyOf(event), event.detail.revision, event.eventId),
});

export const revisionItem = (event: RegionEvent, outcome: CurrentWrite, acceptedAt: string, recordedAt: string): KeyedItem => ({
  ...revisionKey(event),
  ...encodeReport(event),
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

export const timelineStateKey = (regionId: string): ItemKey => ({ pk: regionPk(regionId), sk: TIMELINE_STATE_SK });

export const timelineStateItem = (regionId: string, state: Omit<TimelineState, 'version'>, version: number): KeyedItem => ({
  ...timelineStateKey(regionId),
  type: 'timeline-state',
  pending: state.pending,
  v: version,
});

export const decodeTimelineState = (item: Item | undefined): TimelineState =>
  item === undefined ? { pending: false, version: 0 } : { pending: item.pending === true, version: Number(item.v) };

export const timelineKey = (regionId: string, key: string): ItemKey => ({ pk: regionPk(regionId), sk: timelineSk(key) });

/** A point of the time index: its key without the prefix is a month (a base) or a day (a change). */
export const timelineItem = (regionId: string, key: string, point: Point, version: number): KeyedItem => ({
  ...timelineKey(regionId, key),
  type: key.length === 7 ? 'month-base' : 'day-change',
  // As JSON text: compact, and read back exactly.
  point: encodePoint(point),
  v: version,
});

/** The key (month or day) of a time-index item. */
export const timelinePointKey = (item: Item): string => String(item.sk).slice(TIMELINE_PREFIX.length);

export const isMonthBase = (item: Item): boolean => timelinePointKey(item).length === 7;

export const decodePoint = (item: Item): StoredPoint => ({ point: decodePointText(String(item.point)), version: Number(item.v) });

export const rejectionKey = (r: Pick<Rejection, 'regionId' | 'receivedAt' | 'eventId'>): ItemKey => ({
  pk: regionPk(r.regionId),
  sk: rejectionSk(r.receivedAt, r.eventId),
});

/**
 * A rejected body cut to its first MAX_STORED_BODY UTF-16 units, never between the two halves of a
 * character: DynamoDB stores text as UTF-8, which has no half characters.
 */
const cutBody = (body: string): string => body.slice(0, MAX_STORED_BODY).replace(/[\uD800-\uDBFF]$/, '');

export const rejectionItem = (r: Rejection, recordedAt: string): KeyedItem => ({
  ...rejectionKey(r),
  type: 'rejection',
  ...r,
  body: cutBody(r.body),
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
