import type { TargetName } from '@modellregionen/events';

/**
 * How a target's queue redelivers a message that failed: capped exponential backoff, then the
 * dead-letter queue. The function applies the delays (ChangeMessageVisibility); the queue's
 * `maxReceiveCount` is `maxReceiveCount` here, so both come from one definition.
 */
export interface RetrySchedule {
  /** Delay before the first redelivery, in seconds. */
  readonly baseSeconds: number;
  /** The longest delay between two deliveries, in seconds (SQS allows at most 12 hours). */
  readonly maxSeconds: number;
  /** Deliveries in all before the message is dead-lettered (the queue's `maxReceiveCount`). */
  readonly maxReceiveCount: number;
}

/** SQS refuses a visibility timeout above 12 hours. */
export const MAX_VISIBILITY_SECONDS = 12 * 3600;

/**
 * Each target's schedule. Aggregation retries soon (a throttled write usually succeeds seconds
 * later) and keeps trying for about ten minutes (610 s), twice the store outage it must ride out.
 * Webhooks wait longer between tries, as a subscriber's server may be down for hours: about a
 * day (26.5 h) before the finding is parked for a redrive.
 */
export const RETRY_SCHEDULES = {
  aggregate: { baseSeconds: 10, maxSeconds: 300, maxReceiveCount: 7 },
  webhooks: { baseSeconds: 30, maxSeconds: 6 * 3600, maxReceiveCount: 14 },
} as const satisfies Record<TargetName, RetrySchedule>;

/** The delay after the `receiveCount`-th delivery failed: base * 2^(n-1) seconds, capped. */
export const backoffSeconds = (schedule: RetrySchedule, receiveCount: number): number => {
  // An unreadable count (never seen from SQS) is taken as the first delivery: retry soon.
  const n = Number.isFinite(receiveCount) && receiveCount >= 1 ? Math.floor(receiveCount) : 1;
  return Math.min(schedule.maxSeconds, MAX_VISIBILITY_SECONDS, schedule.baseSeconds * 2 ** (n - 1));
};

/**
 * Seconds from a message's first delivery to its last, if each delivery fails at once: the
 * longest store outage a message outlasts before it is dead-lettered (processing time only adds).
 */
export const retrySpanSeconds = (schedule: RetrySchedule): number => {
  let total = 0;
  for (let n = 1; n < schedule.maxReceiveCount; n += 1) total += backoffSeconds(schedule, n);
  return total;
};
