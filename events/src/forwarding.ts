import { MINISTRY_ID } from './catalogue';
import { REGION_SOURCE_PREFIX } from './envelope';

/**
 * Findings that go to subscribers' own event buses (other accounts or AWS regions). Only findings
 * that passed validation are forwarded: they come back from the aggregation as accepted reports,
 * so the pattern names the region sources and the detail-type.
 */
export const FINDINGS_FORWARDING_PATTERN: Record<string, unknown> = {
  source: [{ prefix: REGION_SOURCE_PREFIX }, MINISTRY_ID],
  'detail-type': ['FindingPublished'],
};
