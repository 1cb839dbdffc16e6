import type { RegionEvent } from '@modellregionen/events';

// Shifts epoch milliseconds of any four-digit year (from year 0000) into positive numbers.
const EPOCH_SHIFT = 100_000_000_000_000;

/**
 * The total order in which reports of the same item supersede each other, as one string that
 * compares with `<`: the higher `revision` wins; among equal revisions the later `reportedAt`
 * (as an instant), then the greater event id. Sortable as a string, so DynamoDB can compare it
 * in a condition expression exactly as this code does.
 */
export const versionKey = (event: RegionEvent): string => {
  const revision = String(event.detail.revision).padStart(6, '0');
  const reportedAt = String(Date.parse(event.detail.reportedAt) + EPOCH_SHIFT).padStart(15, '0');
  return `${revision}#${reportedAt}#${event.eventId}`;
};

/** True when `candidate` supersedes `current` (a redelivery of the same event does not). */
export const supersedes = (candidate: RegionEvent, current: RegionEvent | undefined): boolean =>
  current === undefined || versionKey(candidate) > versionKey(current);
