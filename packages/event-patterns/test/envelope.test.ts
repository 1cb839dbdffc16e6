import { describe, expect, it } from 'vitest';
import { compilePattern, matchesPattern, parsePattern } from '@modellregionen/event-patterns';

/** The rule that routes this project's reports, as it will be configured on the bus. */
const reportsRule = {
  source: [{ prefix: 'modellregion.' }, 'ministerium'],
  'detail-type': ['MilestoneReported', 'ProjectReported', 'IndicatorReported', 'FindingPublished'],
};

const envelope = (source: string, detailType: string, detail: Record<string, unknown> = {}) => ({
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': detailType,
  source,
  account: '111122223333',
  time: '2024-03-14T09:30:00Z',
  region: 'eu-central-1',
  resources: [],
  detail,
});

describe('an EventBridge envelope against the reports rule', () => {
  const matcher = compilePattern(reportsRule);

  it('matches every reported detail type from a model region', () => {
    for (const type of ['MilestoneReported', 'ProjectReported', 'IndicatorReported', 'FindingPublished']) {
      expect(matcher(envelope('modellregion.fulda', type))).toBe(true);
    }
  });

  it('matches the ministry as a source, exactly', () => {
    expect(matcher(envelope('ministerium', 'FindingPublished'))).toBe(true);
    expect(matcher(envelope('ministerium.hessen', 'FindingPublished'))).toBe(false);
    expect(matcher(envelope('Ministerium', 'FindingPublished'))).toBe(false);
  });

  it('refuses other sources and detail types', () => {
    expect(matcher(envelope('modellregion', 'ProjectReported'))).toBe(false);
    expect(matcher(envelope('Modellregion.fulda', 'ProjectReported'))).toBe(false);
    expect(matcher(envelope('aws.ec2', 'ProjectReported'))).toBe(false);
    expect(matcher(envelope('modellregion.fulda', 'ProjectDeleted'))).toBe(false);
    expect(matcher(envelope('modellregion.fulda', 'projectreported'))).toBe(false);
  });

  it('refuses envelopes missing either field', () => {
    const { source: _source, ...withoutSource } = envelope('modellregion.fulda', 'ProjectReported');
    const { 'detail-type': _type, ...withoutType } = envelope('modellregion.fulda', 'ProjectReported');
    expect(matcher(withoutSource)).toBe(false);
    expect(matcher(withoutType)).toBe(false);
  });

  it('gives the same answers through parsePattern and matchesPattern, also from JSON text', () => {
    const parsed = parsePattern(JSON.stringify(reportsRule));
    const event = envelope('modellregion.kassel', 'IndicatorReported', { indicator: 'x', value: 3 });
    expect(matchesPattern(parsed, event)).toBe(true);
    expect(matchesPattern(parsed, envelope('other', 'IndicatorReported'))).toBe(false);
    expect(matchesPattern(reportsRule, event)).toBe(true);
  });

  it('can narrow on the detail as well', () => {
    const rule = {
      ...reportsRule,
      detail: { funding: { source: ['land'] }, progress: [{ numeric: ['>=', 50] }] },
    };
    const event = envelope('modellregion.fulda', 'ProjectReported', {
      funding: [{ source: 'bund' }, { source: 'land' }],
      progress: 75,
    });
    expect(matchesPattern(rule, event)).toBe(true);
    expect(matchesPattern(rule, { ...event, detail: { ...event.detail, progress: '75' } })).toBe(false);
  });
});
