// What the store keeps and promises, independent of where: DynamoDB (`createReportStore`,
// `createSubscriptionStore`) and memory (`createInMemoryReportStore`). The contract test
// (test/report-store.contract.test.ts) runs one specification against both.
import type { Point } from '@modellregionen/domain';
import type { FieldError, RegionEvent } from '@modellregionen/events';

/** Outcome of writing a report as its item's current state. */
export type CurrentWrite =
  /** The report is now the item's current state. */
  | 'applied'
  /** The report already was the current state: an earlier attempt wrote it and then failed. */
  | 'already-current'
  /** A report that supersedes this one is current; nothing changed. */
  | 'stale';

/** What writing a report as its item's current state did, with the report it replaced. */
type CurrentPut = { readonly outcome: 'applied'; readonly replaced: RegionEvent | undefined } | { readonly outcome: 'already-current' | 'stale' };

/**
 * A region's time-index bookkeeping. `pending` is set while a change leaves no other trace until
 * it is done (a report superseded on arrival changes the past but not the current state), so that
 * a delivery finding it set after a crash rebuilds the region's time index; `version` guards
 * against a second writer, and is 0 for a region with no time index yet.
 */
export interface TimelineState {
  readonly pending: boolean;
  readonly version: number;
}

/** A point of a region's time index as stored, with the version its guarded write compares. */
export interface StoredPoint {
  readonly point: Point;
  readonly version: number;
}

interface BatchContext {
  readonly state: TimelineState;
  /** Event ids of the reports that have an audit record. */
  readonly recorded: ReadonlySet<string>;
}

/** A point to write: `version` is the one read (0 for none); the write lands only if it is still that. */
export interface PointWrite {
  /** `YYYY-MM` for a month's base, `YYYY-MM-DD` for a day's change. */
  readonly key: string;
  readonly point: Point;
  readonly version: number;
}

/**
 * A report as its audit record keeps it. `acceptedAt` is when the bus accepted it (the queue's
 * `SentTimestamp`; kept by the local archive, so a rebuild records the same); `recordedAt` is when
 * processing it was complete (a rebuild records it anew).
 */
export type RecordedReport = RegionEvent & { readonly acceptedAt: string; readonly recordedAt: string };

/**
 * What a report's arrival did: it became its item's current state (`applied`, also when an
 * earlier attempt had written it), or a report that supersedes it was current already.
 */
type RevisionOutcome = 'applied' | 'superseded-on-arrival';

/** A report as its audit record keeps it, with what its arrival did. */
export type RecordedRevision = RecordedReport & { readonly outcome: RevisionOutcome };

/** A closed review as it was frozen. */
export interface FrozenReview<T> {
  readonly closedAt: string;
  readonly closedBy: string;
  readonly content: T;
  /** The reports made by the cutoff that the frozen content reflects (absent in reviews closed before this was kept). */
  readonly includedEventIds?: readonly string[];
}

export interface Rejection {
  readonly regionId: string;
  readonly eventId: string;
  readonly source: string;
  readonly detailType: string;
  readonly receivedAt: string;
  readonly errors: FieldError[];
  /** The event as it arrived (stored truncated to 64 KiB), so a coordinator can see what was sent. */
  readonly body: string;
}

/**
 * Reports, views, the quarantine and closed reviews. Every write is a single-item write, made
 * conditional where two deliveries may race, so that each one is idempotent and no write needs a
 * transaction (docs/data-model.md).
 */
export interface ReportStore {
  /**
   * Writes the report as its item's current state if it supersedes what is there (by
   * `versionKey`), and tells which report it replaced. `acceptedAt` is kept with it, so that a
   * rebuild can complete its audit record should processing stop before that was written.
   */
  putCurrent(event: RegionEvent, acceptedAt: string): Promise<CurrentPut>;
  /** The ids of those of `events` that have their audit record (were processed to the end), in one strongly consistent read. */
  recordedOf(events: readonly RegionEvent[]): Promise<Set<string>>;
  /** The region's current items, the winning report of each item, read strongly consistently, by item key. */
  currentItems(regionId: string): Promise<(RegionEvent & { readonly acceptedAt?: string })[]>;
  /** The region's current items whose item key starts with `itemKeyPrefix` (`finding#`, `indicator#<id>#`). */
  currentItemsByPrefix(regionId: string, itemKeyPrefix: string): Promise<RegionEvent[]>;
  /**
   * What processing a batch of a region's reports starts from, in one strongly consistent read:
   * the time-index bookkeeping and which of `events` have an audit record (were processed before).
   */
  batchContext(regionId: string, events: readonly RegionEvent[]): Promise<BatchContext>;
  /** The region's time-index bookkeeping, read strongly consistently (version 0 and not pending for a new region). */
  timelineState(regionId: string): Promise<TimelineState>;
  /** Stores the bookkeeping if its version is still `state.version` (then it becomes one more); false if not. */
  putTimelineState(regionId: string, state: Omit<TimelineState, 'version'>, expectedVersion: number): Promise<boolean>;
  /** Stored points of the time index by key, read strongly consistently; keys with none are left out. */
  timelinePoints(regionId: string, keys: readonly string[]): Promise<Map<string, StoredPoint>>;
  /**
   * Writes points, each only if its stored version is still the one read. Throws
   * `ConcurrentTimelineWrite` when one is not: another writer works on the region.
   */
  putTimelinePoints(regionId: string, points: readonly PointWrite[]): Promise<void>;
  /**
   * What reading the region as of the end of Berlin day `day` takes (every day when undefined):
   * the newest point at or before it and, when that is a day, its month's base; their sum is the
   * region's point as of the day. Two small reads, whatever the history; strongly consistent when
   * asked (the write path reads what it adds to).
   */
  timelineUpTo(regionId: string, day?: string, options?: { readonly consistent?: boolean }): Promise<Point[]>;
  /** The newest stored point at or before `key` (a month or a day), with its key, read strongly consistently. */
  newestPoint(regionId: string, key: string): Promise<(StoredPoint & { readonly key: string }) | undefined>;
  /** Every stored point of a month (its base and its days) by key, read strongly consistently. */
  monthPoints(regionId: string, month: string): Promise<Map<string, StoredPoint>>;
  /** The months after `month` that have a base, read strongly consistently (a late report's path: it reads their days too). */
  monthsAfter(regionId: string, month: string): Promise<string[]>;
  /** Replaces the region's whole time index (a rebuild): writes `points` and deletes every other point. */
  replaceTimeline(regionId: string, points: ReadonlyMap<string, Point>): Promise<void>;
  /**
   * The audit record of a report; written last, it also marks the report as processed. The first
   * record of a report stands. `acceptedAt` is when the bus accepted it (default: now).
   */
  putRevision(event: RegionEvent, outcome: CurrentWrite, acceptedAt?: string): Promise<void>;
  /**
   * Audit records of reports that have none yet, in as few calls as the store allows. Unlike
   * `putRevision` it does not check that a record is absent: the region's one writer has checked.
   */
  putRevisions(records: readonly { readonly event: RegionEvent; readonly outcome: CurrentWrite; readonly acceptedAt: string }[]): Promise<void>;
  /** Every report ever recorded for the region, with when it was accepted and recorded, by item and revision. */
  revisions(regionId: string, options?: { readonly consistent?: boolean }): Promise<RecordedReport[]>;
  /**
   * Every report recorded for one item (its key: `milestone#leitbild`, `indicator#<id>#<period>`),
   * with what its arrival did, highest revision first (equal revisions by event id, descending):
   * one Query of the item's audit records, whatever else the region holds.
   */
  itemRevisions(regionId: string, itemKey: string, options?: { readonly consistent?: boolean }): Promise<RecordedRevision[]>;
  hasRejection(rejection: Pick<Rejection, 'regionId' | 'receivedAt' | 'eventId'>): Promise<boolean>;
  /** Quarantines a report; the first record of a rejection stands. */
  putRejection(rejection: Rejection): Promise<void>;
  /** The region's quarantined reports, newest first, at most `limit` (default 100). */
  listRejections(regionId: string, limit?: number): Promise<Rejection[]>;
  /** A closed review, as it was frozen, or undefined while it is open. */
  frozenReview<T>(reviewId: string): Promise<FrozenReview<T> | undefined>;
  /** Freezes a review; false when it was closed before (the first close stands). */
  freezeReview(reviewId: string, input: FrozenReview<unknown>): Promise<boolean>;
}

/** A municipality's webhook for new findings. */
export interface Subscription {
  readonly subscriptionId: string;
  /** The token subject that created it. */
  readonly subscriber: string;
  readonly municipality: string;
  readonly callbackUrl: string;
  /** Only findings in these fields of action; all when empty. */
  readonly fieldsOfAction: readonly string[];
  /** The HMAC-SHA256 key deliveries are signed with (shown to the subscriber once). */
  readonly secret: string;
  readonly createdAt: string;
}

interface DeliveryRecord {
  readonly eventId: string;
  readonly subscriptionId: string;
  readonly status: number;
  readonly deliveredAt: string;
}

/** Subscriptions and the record of what was delivered to whom (so a retry skips the done ones). */
export interface SubscriptionStore {
  /** Stores a new subscription; throws when its id is taken. */
  putSubscription(subscription: Subscription): Promise<void>;
  listSubscriptions(): Promise<Subscription[]>;
  /** Deletes a subscription if `subscriber` owns it; false when there is none of theirs. */
  deleteSubscription(subscriptionId: string, subscriber: string): Promise<boolean>;
  wasDelivered(eventId: string, subscriptionId: string): Promise<boolean>;
  /** Records a delivery; the first record stands. */
  recordDelivery(delivery: DeliveryRecord): Promise<void>;
}
