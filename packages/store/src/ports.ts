// What the store keeps and promises, independent of where: DynamoDB (`createReportStore`,
// `createSubscriptionStore`) and memory (`createInMemoryReportStore`). The contract test
// (test/report-store.contract.test.ts) runs one specification against both.
import type { CompetenceCircleView, RegionSummary } from '@modellregionen/domain';
import type { FieldError, RegionEvent } from '@modellregionen/events';

/** Outcome of writing a report as its item's current state. */
export type CurrentWrite =
  /** The report is now the item's current state. */
  | 'applied'
  /** The report already was the current state: an earlier attempt wrote it and then failed. */
  | 'already-current'
  /** A report that supersedes this one is current; nothing changed. */
  | 'stale';

/** Outcome of storing a region's view. */
type ViewWrite =
  | 'written'
  /** A stored view saw at least as many changes; it stands. */
  | 'superseded';

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
  /** Whether this report was fully processed before (its audit record is written last). */
  hasRevision(event: RegionEvent): Promise<boolean>;
  /** Writes the report as its item's current state if it supersedes what is there (by `versionKey`). */
  putCurrent(event: RegionEvent): Promise<CurrentWrite>;
  /** Counts a change of the region's current state (1, 2, ...); the count orders the region's views. */
  countChange(regionId: string): Promise<number>;
  /** The region's current items, the winning report of each item, read strongly consistently, by item key. */
  currentItems(regionId: string): Promise<RegionEvent[]>;
  /** The region's current items whose item key starts with `itemKeyPrefix` (`finding#`, `indicator#<id>#`). */
  currentItemsByPrefix(regionId: string, itemKeyPrefix: string): Promise<RegionEvent[]>;
  /**
   * Stores the region's view, computed from its current items after `changes` was counted. It
   * lands only if no stored view saw as many changes, so a slow writer never overwrites a newer view.
   */
  putView(regionId: string, changes: number, summary: RegionSummary): Promise<ViewWrite>;
  /** Every region's stored view, by region. */
  regionSummaries(): Promise<Map<string, RegionSummary>>;
  /** The competence-circle view assembled from the stored views, for the Berlin date `asOf`. */
  competenceCircle(asOf: string): Promise<CompetenceCircleView>;
  /**
   * The audit record of a report; written last, it also marks the report as processed. The first
   * record of a report stands. `acceptedAt` is when the bus accepted it (default: now).
   */
  putRevision(event: RegionEvent, outcome: CurrentWrite, acceptedAt?: string): Promise<void>;
  /** Every report ever recorded for the region, with when it was accepted and recorded, by item and revision. */
  revisions(regionId: string): Promise<RecordedReport[]>;
  /**
   * Every report recorded for one item (its key: `milestone#leitbild`, `indicator#<id>#<period>`),
   * with what its arrival did, highest revision first (equal revisions by event id, descending):
   * one Query of the item's audit records, whatever else the region holds.
   */
  itemRevisions(regionId: string, itemKey: string): Promise<RecordedRevision[]>;
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
