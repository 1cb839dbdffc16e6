import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '@modellregionen/events';
import { EMPTY_POINT, type Point, summaryOfPoint, sumPoints } from '@modellregionen/domain';
import { addCounts, contributionOf, isEmptyPoint, marksOf } from '../src/point';
import { milestone, reportOf } from './fixtures';

const counts = fc.dictionary(
  fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'milestones.planned'), fc.string({ maxLength: 8 })),
  fc.integer({ min: -50, max: 50 }).filter((n) => n !== 0),
);

describe('counts added and taken away', () => {
  it('keeps every key a count, including the names of Object.prototype', () => {
    const sum = addCounts(JSON.parse('{"__proto__":2,"constructor":1}'), JSON.parse('{"__proto__":3,"toString":4}'));
    expect(Object.getPrototypeOf(sum)).toBe(Object.prototype);
    expect(Object.entries(sum).sort()).toEqual([
      ['__proto__', 5],
      ['constructor', 1],
      ['toString', 4],
    ]);
  });

  it('takes away what it added, and drops what comes to zero', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        expect(addCounts(addCounts(a, b), b, -1)).toEqual(a);
        expect(Object.values(addCounts(a, b)).includes(0)).toBe(false);
      }),
    );
  });
});

describe('what a report adds to its region', () => {
  it('is nothing for an item without a winning report', () => {
    expect(contributionOf(undefined)).toEqual({});
  });

  it('has no funding count for a project without funding', () => {
    const project = reportOf('ProjectReported', {
      projectId: 'p',
      title: 'p',
      fieldOfAction: 'language',
      status: 'planned',
      startDate: '2010-01-01',
      funding: [],
    });
    expect(contributionOf(project)).toEqual({ 'projects.planned': 1, 'fields.language': 1 });
  });

  it('marks the latest period only for an indicator of the catalogue', () => {
    const known = reportOf('IndicatorReported', { indicatorId: 'naturalisations', period: '2011', values: { total: 310 } });
    expect(marksOf(known, defaultCatalogue)).toEqual({
      counts: {},
      lastReportedAt: known.detail.reportedAt,
      latestPeriod: '2011',
      indicatorsAtLatest: ['naturalisations'],
    });
    const dropped = { indicators: defaultCatalogue.indicators.filter((i) => i.id !== 'naturalisations') };
    expect(marksOf(known, dropped)).toEqual({ counts: {}, lastReportedAt: known.detail.reportedAt, latestPeriod: null, indicatorsAtLatest: [] });
  });

  it('marks no period for a report that is no indicator value', () => {
    const m = milestone('m', 'planned', '2012-12-31');
    expect(marksOf(m, defaultCatalogue)).toEqual({ counts: {}, lastReportedAt: m.detail.reportedAt, latestPeriod: null, indicatorsAtLatest: [] });
  });
});

describe('a point', () => {
  const point = (p: Partial<Point>): Point => ({ ...EMPTY_POINT, ...p });

  it('is empty only with no counts, no report and no period', () => {
    expect(isEmptyPoint(EMPTY_POINT)).toBe(true);
    expect(isEmptyPoint(point({ counts: { findings: 1 } }))).toBe(false);
    expect(isEmptyPoint(point({ lastReportedAt: '2012-02-10T09:30:00+01:00' }))).toBe(false);
    expect(isEmptyPoint(point({ latestPeriod: '2011' }))).toBe(false);
  });

  it('sums counts and joins marks over a list, and is empty for none', () => {
    expect(sumPoints([])).toEqual(EMPTY_POINT);
    expect(
      sumPoints([
        point({ counts: { findings: 1 }, lastReportedAt: '2012-02-10T09:30:00+01:00' }),
        point({ counts: { findings: 2, 'milestones.planned': 1 }, latestPeriod: '2011', indicatorsAtLatest: ['naturalisations'] }),
      ]),
    ).toEqual({
      counts: { findings: 3, 'milestones.planned': 1 },
      lastReportedAt: '2012-02-10T09:30:00+01:00',
      latestPeriod: '2011',
      indicatorsAtLatest: ['naturalisations'],
    });
  });

  it('shows the open milestones by due date in date order, without dates of none', () => {
    const summary = summaryOfPoint('wetzlar', point({ counts: { 'due.2013-01-31': 1, 'due.2012-12-31': 2, 'due.2012-06-30': 0, 'due.2011-01-01': 3 } }));
    expect(Object.entries(summary.milestones.openDue)).toEqual([
      ['2011-01-01', 3],
      ['2012-12-31', 2],
      ['2013-01-31', 1],
    ]);
  });
});
