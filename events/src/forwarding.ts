import { FINDINGS_PATTERN } from './rules';

/**
 * Findings that go to subscribers' own event buses (other accounts or AWS regions): the findings
 * rule's pattern. The dispatcher of webhooks validates each finding; a subscriber bus gets every
 * finding its region put, as a subscriber would on any EventBridge bus.
 */
export const FINDINGS_FORWARDING_PATTERN: Record<string, unknown> = FINDINGS_PATTERN;
