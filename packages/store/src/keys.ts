// Item keys of the single table. Region partitions hold a region's facts; view partitions hold
// precomputed views, so that reading a view is one Query whose cost does not grow with history.
//
// | item           | pk                        | sk                                             |
// | revision       | REGION#<r>                | REV#<itemKey>#<revision:6>#<eventId>           |
// | current state  | REGION#<r>                | CUR#<itemKey>                                  |
// | time index     | REGION#<r>                | T#<YYYY-MM> (a month's base), T#<YYYY-MM-DD>   |
// | its state      | REGION#<r>                | META#timeline                                  |
// | quarantine     | REGION#<r>                | REJ#<receivedAt UTC>#<eventId>                 |
// | closed review  | REVIEW#<reviewId>         | FROZEN                                         |
// | subscription   | SUBSCRIPTIONS             | SUB#<subscriptionId>                           |
// | delivery       | DELIVERY#<eventId>        | SUB#<subscriptionId>                           |
//
// <itemKey> is `<kind>#<id>[#<period>]` (see @modellregionen/domain).

/**
 * Partitions whose items are derived from the bus's events (current state, time index, audit,
 * quarantine): a replay of the archive rebuilds them. Everything else (closed reviews,
 * subscriptions, webhook delivery records) is not derived from events and must survive. `VIEW#`
 * held the region views of earlier versions; a replay clears what is left of them.
 */
export const DERIVED_PARTITION_PREFIXES = ['REGION#', 'VIEW#'] as const;

/** Quarantine partition for events whose source names no region. Not a slug, so never a region. */
export const UNATTRIBUTED_REGION = '_unattributed';

export const regionPk = (regionId: string): string => `${DERIVED_PARTITION_PREFIXES[0]}${regionId}`;
export const revisionSk = (itemKey: string, revision: number, eventId: string): string => `REV#${itemKey}#${String(revision).padStart(6, '0')}#${eventId}`;
export const REVISION_PREFIX = 'REV#';
/** The sort keys of one item's audit records; the closing `#` keeps `milestone#a` from matching `milestone#a-b`. */
export const itemRevisionPrefix = (itemKey: string): string => `${REVISION_PREFIX}${itemKey}#`;
export const currentSk = (itemKey: string): string => `CUR#${itemKey}`;
export const CURRENT_PREFIX = 'CUR#';
export const TIMELINE_STATE_SK = 'META#timeline';
export const TIMELINE_PREFIX = 'T#';
/** A point of the time index: `T#<YYYY-MM>` sorts before the days `T#<YYYY-MM-DD>` of its month. */
export const timelineSk = (key: string): string => `${TIMELINE_PREFIX}${key}`;
export const rejectionSk = (receivedAt: string, eventId: string): string => `REJ#${receivedAt}#${eventId}`;
export const REJECTION_PREFIX = 'REJ#';

export const reviewPk = (reviewId: string): string => `REVIEW#${reviewId}`;
export const FROZEN_SK = 'FROZEN';

export const SUBSCRIPTIONS_PK = 'SUBSCRIPTIONS';
export const subscriptionSk = (subscriptionId: string): string => `SUB#${subscriptionId}`;
export const deliveryPk = (eventId: string): string => `DELIVERY#${eventId}`;
