import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ITEM_KINDS, itemKey, itemKeyOf, type ItemRef, parseItemKey } from '@modellregionen/domain';
import { milestone, reportOf } from './fixtures';

const slug = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);
const period = fc.oneof(
  fc.integer({ min: 1980, max: 2099 }).map(String),
  fc.tuple(fc.integer({ min: 1980, max: 2099 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.tuple(fc.integer({ min: 1980, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);
const ref: fc.Arbitrary<ItemRef> = fc.oneof(
  fc.record({ kind: fc.constantFrom(...ITEM_KINDS.filter((k) => k !== 'indicator')), id: slug }),
  fc.record({ kind: fc.constant('indicator' as const), id: slug, period }),
);

describe('item keys', () => {
  it('read back every item they were made from', () => {
    fc.assert(
      fc.property(ref, (r) => {
        expect(parseItemKey(itemKey(r))).toEqual(r);
      }),
    );
  });

  it.each([
    ['an unknown kind', 'meilenstein#leitbild'],
    ['no id', 'milestone#'],
    ['no separator', 'milestone'],
    ['an id that is no slug', 'milestone#Leitbild'],
    ['a period on a milestone', 'milestone#leitbild#2011'],
    ['an indicator without its period', 'indicator#unemployment-rate'],
    ['a period that is none', 'indicator#unemployment-rate#2011-Q5'],
    ['more parts', 'indicator#unemployment-rate#2011#x'],
    ['nothing', ''],
  ])('are refused with %s', (_label, key) => {
    expect(parseItemKey(key)).toBeUndefined();
  });
});

describe('the key of a reported item', () => {
  it('is its kind and id, and for an indicator value also the period', () => {
    expect(itemKeyOf(milestone('leitbild', 'planned', '2012-12-31'))).toBe('milestone#leitbild');
    expect(
      itemKeyOf(
        reportOf('ProjectReported', {
          projectId: 'fruehstart',
          title: 'Frühstart',
          fieldOfAction: 'language',
          status: 'running',
          startDate: '2010-01-01',
          funding: [],
        }),
      ),
    ).toBe('project#fruehstart');
    expect(itemKeyOf(reportOf('IndicatorReported', { indicatorId: 'unemployment-rate', period: '2011-Q4', values: { total: 8 } }))).toBe(
      'indicator#unemployment-rate#2011-Q4',
    );
    expect(itemKeyOf(reportOf('FindingPublished', { findingId: 'sprache-frueh', title: 'Früh fördern', summary: 'Gelernt.', fieldOfAction: 'language' }))).toBe(
      'finding#sprache-frueh',
    );
  });
});
