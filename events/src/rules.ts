import { defaultCatalogue, MINISTRY_ID } from './catalogue';
import { REGION_SOURCE_PREFIX, regionSource } from './envelope';
import { VALIDATION_SOURCE } from './rejected';

/** The functions that rules deliver to. The CDK stack and the local runtime map each to a handler. */
export const TARGETS = ['aggregate', 'webhooks'] as const;
export type TargetName = (typeof TARGETS)[number];

/**
 * How each target's queue delivers. The aggregation's is FIFO: its function updates a region's
 * views by deltas, which is only correct while one region's reports are never processed by two
 * deliveries at once, and a FIFO queue never hands out a message group's messages while an
 * earlier one of the group is in flight. Each region is a message group of its own. Webhook
 * deliveries are independent of one another: a standard queue.
 */
export const TARGET_QUEUES = { aggregate: 'fifo', webhooks: 'standard' } as const satisfies Record<TargetName, 'fifo' | 'standard'>;
type FifoTarget = { [T in TargetName]: (typeof TARGET_QUEUES)[T] extends 'fifo' ? T : never }[TargetName];

interface RuleBase {
  /** Rule name (unique on the bus). */
  readonly name: string;
  readonly description: string;
  /** EventBridge event pattern, as JSON. */
  readonly eventPattern: Record<string, unknown>;
}

/** A rule to a FIFO target carries the message group of what it routes; one to a standard target none. */
export type RuleDefinition =
  | (RuleBase & { readonly target: FifoTarget; readonly messageGroupId: string })
  | (RuleBase & { readonly target: Exclude<TargetName, FifoTarget>; readonly messageGroupId?: never });
type AggregationRule = Extract<RuleDefinition, { target: 'aggregate' }>;

/**
 * The message group (and quarantine partition) of events whose source names neither a region of
 * the registry nor the ministry: `UNATTRIBUTED_REGION` of packages/store, where such an event is
 * quarantined. A test holds the two equal.
 */
export const UNATTRIBUTED_GROUP = '_unattributed';

/** Findings, from a region or the ministry: for the subscribers' webhooks and event buses. */
export const FINDINGS_PATTERN: Record<string, unknown> = {
  source: [{ prefix: REGION_SOURCE_PREFIX }, MINISTRY_ID],
  'detail-type': ['FindingPublished'],
};

/**
 * What the bus archive keeps: every event of the regions, the ministry and the validation, by its
 * source, whatever account sent it (an event a region puts from its own account carries that
 * account's id, so a pattern on `account` would miss it).
 */
export const ARCHIVE_PATTERN: Record<string, unknown> = {
  source: [{ prefix: REGION_SOURCE_PREFIX }, MINISTRY_ID, VALIDATION_SOURCE],
};

const reportsOf = (groupId: string, who: string): AggregationRule => ({
  name: `reports-of-${groupId}-to-aggregation`,
  description: `Every event from ${who} goes to validation and aggregation, in order, one delivery at a time.`,
  eventPattern: { source: [regionSource(groupId)] },
  target: 'aggregate',
  messageGroupId: groupId,
});

const attributed = [...defaultCatalogue.regions.map((r) => reportsOf(r.id, r.name)), reportsOf(MINISTRY_ID, 'the ministry')];

/**
 * The aggregation's rules: one per region of the registry and one for the ministry, each the
 * message group of its source, and one for every other source but our own validation's, so that
 * an unknown source (or detail-type) is quarantined with a reason instead of being dropped
 * unseen. Each event matches exactly one of them (shown with the bus's matcher in the tests).
 */
export const AGGREGATION_RULES: readonly AggregationRule[] = [
  ...attributed,
  {
    name: 'other-sources-to-aggregation',
    description: 'Events from any source that names no region of the registry nor the ministry go to the aggregation, which quarantines them.',
    eventPattern: { source: [{ 'anything-but': [...attributed.flatMap((r) => r.eventPattern.source as string[]), VALIDATION_SOURCE] }] },
    target: 'aggregate',
    messageGroupId: UNATTRIBUTED_GROUP,
  },
];

/** The bus's rules: defined once, deployed by the CDK stack and routed by the local runtime. */
export const RULES: readonly RuleDefinition[] = [
  ...AGGREGATION_RULES,
  {
    name: 'findings-to-webhooks',
    description: "Findings go to the subscribers' webhooks (the dispatcher delivers only valid ones).",
    eventPattern: FINDINGS_PATTERN,
    target: 'webhooks',
  },
];
