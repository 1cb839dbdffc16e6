import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compilePattern } from '@modellregionen/event-patterns';
import {
  AGGREGATION_RULES,
  ARCHIVE_PATTERN,
  DEFAULT_BUS_NAME,
  FINDINGS_FORWARDING_PATTERN,
  defaultCatalogue,
  FINDINGS_PATTERN,
  MINISTRY_ID,
  regionSource,
  RULES,
  TARGET_QUEUES,
  UNATTRIBUTED_GROUP,
  VALIDATION_SOURCE,
} from '@modellregionen/events';

/*
 * The bus's rules, checked with the matcher the local bus routes by (event-ruler's semantics):
 * every event of a region, the ministry or an unknown source reaches the aggregation through
 * exactly one rule, whose message group is the one region it writes, and our own EventRejected
 * notices reach it through none.
 */

const eventFrom = (source: string, detailType = 'MilestoneReported') => ({
  version: '0',
  id: 'e-1',
  'detail-type': detailType,
  source,
  account: '123456789012',
  time: '2012-02-10T08:30:00Z',
  region: 'eu-central-1',
  resources: [],
  detail: {},
});

const aggregation = AGGREGATION_RULES.map((rule) => ({ ...rule, matches: compilePattern(rule.eventPattern) }));
/** The aggregation rules an event from `source` matches, by name. */
const routedBy = (source: string, detailType?: string) => aggregation.filter((r) => r.matches(eventFrom(source, detailType))).map((r) => r.name);
const groupOf = (source: string) => aggregation.find((r) => r.matches(eventFrom(source)))?.messageGroupId;

const registrySources = defaultCatalogue.regions.map((r) => regionSource(r.id));
const CATCH_ALL = 'other-sources-to-aggregation';

describe('the aggregation rules', () => {
  it('are one per region of the registry, one for the ministry and one for every other source', () => {
    expect(AGGREGATION_RULES.map((r) => r.name)).toEqual([
      ...defaultCatalogue.regions.map((r) => `reports-of-${r.id}-to-aggregation`),
      'reports-of-ministerium-to-aggregation',
      CATCH_ALL,
    ]);
    expect(AGGREGATION_RULES.map((r) => r.target)).toEqual(AGGREGATION_RULES.map(() => 'aggregate'));
    expect(aggregation.find((r) => r.name === 'reports-of-kassel-to-aggregation')?.eventPattern).toEqual({ source: ['modellregion.kassel'] });
  });

  it('route every event of a registry region or the ministry through exactly its own rule, whose message group is that region', () => {
    for (const region of [...defaultCatalogue.regions.map((r) => r.id), MINISTRY_ID]) {
      const source = regionSource(region);
      for (const detailType of ['MilestoneReported', 'FindingPublished', 'SomethingElse']) {
        expect(routedBy(source, detailType), `${source} ${detailType}`).toEqual([`reports-of-${region}-to-aggregation`]);
      }
      expect(groupOf(source)).toBe(region);
    }
  });

  it('route an unknown region, a malformed region source and a foreign source through the catch-all only, in the unattributed group', () => {
    for (const source of [
      'modellregion.x',
      'modellregion.giessen',
      'modellregion.',
      'modellregion.Kassel',
      'modellregion.ministerium',
      'Ministerium',
      'aws.s3',
      'x',
    ]) {
      expect(routedBy(source), source).toEqual([CATCH_ALL]);
      expect(groupOf(source), source).toBe(UNATTRIBUTED_GROUP);
    }
  });

  it('do not route the EventRejected notices the aggregation itself publishes', () => {
    expect(routedBy(VALIDATION_SOURCE, 'EventRejected')).toEqual([]);
  });

  it('route any source through exactly one of them, except the validation source through none', () => {
    const source = fc.oneof(
      fc.constantFrom(...registrySources, MINISTRY_ID, VALIDATION_SOURCE),
      fc.string({ minLength: 1, maxLength: 40 }).map((s) => `modellregion.${s}`),
      fc.string({ minLength: 1, maxLength: 40 }),
    );
    fc.assert(
      fc.property(source, (s) => {
        expect(routedBy(s)).toHaveLength(s === VALIDATION_SOURCE ? 0 : 1);
      }),
    );
  });

  it('each carry a message group, distinct per rule, as their FIFO queue requires', () => {
    expect(TARGET_QUEUES.aggregate).toBe('fifo');
    const groups = AGGREGATION_RULES.map((r) => r.messageGroupId);
    expect(new Set(groups).size).toBe(groups.length);
    // SQS: 1 to 128 characters of a-z, A-Z, 0-9 and punctuation.
    for (const g of groups) expect(g).toMatch(/^[\x21-\x7e]{1,128}$/);
  });
});

describe('the bus rules', () => {
  it('are the aggregation rules and the unchanged findings rule to the webhooks, whose standard queue takes no group', () => {
    expect(RULES.slice(0, AGGREGATION_RULES.length)).toEqual(AGGREGATION_RULES);
    expect(RULES.slice(AGGREGATION_RULES.length)).toEqual([
      {
        name: 'findings-to-webhooks',
        description: "Findings go to the subscribers' webhooks (the dispatcher delivers only valid ones).",
        eventPattern: FINDINGS_PATTERN,
        target: 'webhooks',
      },
    ]);
    expect(TARGET_QUEUES.webhooks).toBe('standard');
  });

  it('have names EventBridge accepts (at most 64 of . - _ A-Z a-z 0-9), unique on the bus, and descriptions of at most 512 characters', () => {
    for (const rule of RULES) {
      expect(rule.name).toMatch(/^[.\-_A-Za-z0-9]{1,64}$/);
      expect(rule.description.length).toBeLessThanOrEqual(512);
    }
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
  });
});

describe('the rules as the console shows them', () => {
  it('describe whose events each aggregation rule takes: a region by its name, the ministry, or any other source', () => {
    for (const region of defaultCatalogue.regions) {
      expect(AGGREGATION_RULES.find((r) => r.name === `reports-of-${region.id}-to-aggregation`)?.description).toContain(`from ${region.name} `);
    }
    expect(AGGREGATION_RULES.find((r) => r.name === `reports-of-${MINISTRY_ID}-to-aggregation`)?.description).toContain('from the ministry ');
    expect(AGGREGATION_RULES.find((r) => r.name === CATCH_ALL)?.description).toMatch(/^Events from any source/);
  });
});

describe('the findings and the archive', () => {
  const findings = compilePattern(FINDINGS_PATTERN);
  const archived = compilePattern(ARCHIVE_PATTERN);

  it('is the bus named modellregionen', () => {
    expect(DEFAULT_BUS_NAME).toBe('modellregionen');
  });

  it("send the subscribers' webhooks the findings of regions and the ministry, and nothing else", () => {
    expect(findings(eventFrom('modellregion.wetzlar', 'FindingPublished'))).toBe(true);
    expect(findings(eventFrom(MINISTRY_ID, 'FindingPublished'))).toBe(true);
    expect(findings(eventFrom('modellregion.wetzlar', 'MilestoneReported'))).toBe(false);
    expect(findings(eventFrom(VALIDATION_SOURCE, 'FindingPublished'))).toBe(false);
    expect(findings(eventFrom('aws.events', 'FindingPublished'))).toBe(false);
  });

  it("forward to subscribers' own buses exactly what their webhooks get", () => {
    expect(FINDINGS_FORWARDING_PATTERN).toEqual(FINDINGS_PATTERN);
  });

  it('archive every event of the regions, the ministry and the validation, and nothing else', () => {
    for (const source of ['modellregion.wetzlar', MINISTRY_ID, VALIDATION_SOURCE]) expect(archived(eventFrom(source, 'Anything')), source).toBe(true);
    for (const source of ['aws.events', 'modellregionen', 'wetzlar']) expect(archived(eventFrom(source, 'Anything')), source).toBe(false);
  });
});
