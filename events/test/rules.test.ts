import { describe, expect, it } from 'vitest';
import { matchesPattern } from '@modellregionen/event-patterns';
import { ARCHIVE_PATTERN, DEFAULT_BUS_NAME, FINDINGS_FORWARDING_PATTERN, RULES } from '@modellregionen/events';

const event = (source: string, detailType: string) => ({
  version: '0',
  id: 'e-1',
  'detail-type': detailType,
  source,
  account: '111111111111',
  time: '2012-02-10T08:31:00Z',
  region: 'eu-central-1',
  resources: [],
  detail: {},
});
const ruleNamed = (name: string) => {
  const rule = RULES.find((r) => r.name === name);
  if (rule === undefined) throw new Error(`no rule ${name}`);
  return rule;
};
const REGION = 'modellregion.wetzlar';

describe('the bus and its rules', () => {
  it('is the bus named modellregionen, with two rules of distinct names', () => {
    expect(DEFAULT_BUS_NAME).toBe('modellregionen');
    expect(RULES.map((r) => [r.name, r.target])).toEqual([
      ['region-reports-to-aggregation', 'aggregate'],
      ['findings-to-webhooks', 'webhooks'],
    ]);
    for (const r of RULES) expect(r.description.length).toBeGreaterThan(20);
  });

  it('sends aggregation every event of a region or the ministry, whatever its detail-type, so that none is dropped unseen', () => {
    const { eventPattern } = ruleNamed('region-reports-to-aggregation');
    for (const [source, detailType] of [
      [REGION, 'MilestoneReported'],
      ['modellregion.kassel', 'IndicatorReported'],
      ['modellregion.nowhere', 'SomethingElse'],
      ['ministerium', 'FindingPublished'],
      ['ministerium', 'MilestoneReported'],
    ] as const) {
      expect(matchesPattern(eventPattern, event(source, detailType)), `${source} ${detailType}`).toBe(true);
    }
  });

  it('does not send aggregation its own EventRejected notices, nor anything of another source', () => {
    const { eventPattern } = ruleNamed('region-reports-to-aggregation');
    for (const source of ['modellregionen.validation', 'modellregionen', 'wetzlar', 'aws.events', 'ministerium.wetzlar']) {
      expect(matchesPattern(eventPattern, event(source, 'EventRejected')), source).toBe(false);
      expect(matchesPattern(eventPattern, event(source, 'MilestoneReported')), source).toBe(false);
    }
  });

  it("sends the subscribers' webhooks the findings of regions and the ministry, and nothing else", () => {
    const { eventPattern } = ruleNamed('findings-to-webhooks');
    expect(matchesPattern(eventPattern, event(REGION, 'FindingPublished'))).toBe(true);
    expect(matchesPattern(eventPattern, event('ministerium', 'FindingPublished'))).toBe(true);
    expect(matchesPattern(eventPattern, event(REGION, 'MilestoneReported'))).toBe(false);
    expect(matchesPattern(eventPattern, event('modellregionen.validation', 'FindingPublished'))).toBe(false);
    expect(matchesPattern(eventPattern, event('aws.events', 'FindingPublished'))).toBe(false);
  });

  it("forwards to subscribers' own buses exactly what their webhooks get", () => {
    expect(FINDINGS_FORWARDING_PATTERN).toEqual(ruleNamed('findings-to-webhooks').eventPattern);
  });

  it('archives every event of the regions, the ministry and the validation, and nothing else', () => {
    for (const source of [REGION, 'ministerium', 'modellregionen.validation'])
      expect(matchesPattern(ARCHIVE_PATTERN, event(source, 'Anything')), source).toBe(true);
    for (const source of ['aws.events', 'modellregionen', 'wetzlar']) expect(matchesPattern(ARCHIVE_PATTERN, event(source, 'Anything')), source).toBe(false);
  });
});
