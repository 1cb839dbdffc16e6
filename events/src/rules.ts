import { MINISTRY_ID } from './catalogue';
import { REGION_SOURCE_PREFIX } from './envelope';
import { VALIDATION_SOURCE } from './rejected';

/** The functions that rules deliver to. The CDK stack and the local runtime map each to a handler. */
export const TARGETS = ['aggregate', 'webhooks'] as const;
export type TargetName = (typeof TARGETS)[number];

export interface RuleDefinition {
  /** Rule name (unique on the bus). */
  readonly name: string;
  readonly description: string;
  /** EventBridge event pattern, as JSON. */
  readonly eventPattern: Record<string, unknown>;
  readonly target: TargetName;
}

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

/**
 * The bus's rules: defined once, deployed by the CDK stack and routed by the local runtime.
 * Aggregation takes every event from a region or the ministry, whatever its detail-type, so that
 * an unknown detail-type is quarantined with a reason instead of being dropped unseen.
 */
export const RULES: readonly RuleDefinition[] = [
  {
    name: 'region-reports-to-aggregation',
    description: 'Every event from a model region or the ministry goes to validation and aggregation.',
    eventPattern: { source: [{ prefix: REGION_SOURCE_PREFIX }, MINISTRY_ID] },
    target: 'aggregate',
  },
  {
    name: 'findings-to-webhooks',
    description: "Findings go to the subscribers' webhooks (the dispatcher delivers only valid ones).",
    eventPattern: FINDINGS_PATTERN,
    target: 'webhooks',
  },
];
