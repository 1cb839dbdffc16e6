import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Point } from '@modellregionen/domain';
import { decodePoint, encodePoint } from '../src/point-codec';

const date = fc
  .date({ min: new Date('1995-01-01T00:00:00Z'), max: new Date('2105-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const key = fc.oneof(
  date.map((d) => `due.${d}`),
  fc.constantFrom('milestones.planned', 'milestones.in_progress', 'projects.running', 'fields.education', 'fundingCents', 'findings'),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'toString'),
);
const point: fc.Arbitrary<Point> = fc.record({
  counts: fc.dictionary(
    key,
    fc.integer({ min: -1_000_000, max: 1_000_000_000 }).filter((n) => n !== 0),
  ),
  lastReportedAt: fc.option(fc.constantFrom('2012-02-10T09:30:00+01:00', '2013-12-20T17:59:00Z'), { nil: null }),
  latestPeriod: fc.option(fc.constantFrom('2011', '2012-Q4', '2013-12'), { nil: null }),
  indicatorsAtLatest: fc
    .uniqueArray(fc.constantFrom('unemployment-rate', 'daycare-attendance-3-to-6', 'naturalisations'), { maxLength: 3 })
    .map((ids) => ids.sort()),
});

describe('a point as the time index stores it', () => {
  it('reads back exactly as it was written', () => {
    fc.assert(
      fc.property(point, (p) => {
        expect(decodePoint(encodePoint(p))).toEqual(p);
      }),
      { numRuns: 2_000 },
    );
  });

  it('writes a due date of this century in nine characters or fewer, not twenty', () => {
    const p: Point = {
      counts: { 'due.2012-03-31': 2, 'due.2013-12-01': -1, 'milestones.planned': 3 },
      lastReportedAt: null,
      latestPeriod: null,
      indicatorsAtLatest: [],
    };
    expect(encodePoint(p)).toBe('{"c":{"m.planned":3},"d":"1203312,131201-1","l":null,"p":null,"i":[]}');
  });
});

describe('the stored text of a point (a contract with the points already in tables)', () => {
  it('shortens the counts’ keys: m., p., f. for milestones, projects and fields, c and n for funding and findings, = before any other', () => {
    const p: Point = {
      counts: {
        'milestones.achieved': 1,
        'projects.running': 2,
        'fields.education': 3,
        fundingCents: 450_000,
        findings: 4,
        'indicators.x': 5,
        c: 6,
        'due.2012-03-31': 7,
        'due.2099-12-31': 8,
        'due.2000-01-01': 9,
      },
      lastReportedAt: '2012-02-10T09:30:00+01:00',
      latestPeriod: '2011-Q4',
      indicatorsAtLatest: ['unemployment-rate'],
    };
    const text =
      '{"c":{"m.achieved":1,"p.running":2,"f.education":3,"c":450000,"n":4,"=indicators.x":5,"=c":6},' +
      '"d":"1203317,9912318,0001019","l":"2012-02-10T09:30:00+01:00","p":"2011-Q4","i":["unemployment-rate"]}';
    expect(encodePoint(p)).toBe(text);
    expect(decodePoint(text)).toEqual(p);
  });

  it('keeps as a count of its own any due key that is not exactly a date of 2000 to 2099', () => {
    const counts = { 'due.1999-12-31': 1, 'due.2100-01-01': 2, 'due.2012-03-31x': 3, 'due.x2012-03-31': 4, 'xdue.2012-03-31': 5, 'due.': 6 };
    const text = encodePoint({ counts, lastReportedAt: null, latestPeriod: null, indicatorsAtLatest: [] });
    expect(JSON.parse(text)).toEqual({
      c: { '=due.1999-12-31': 1, '=due.2100-01-01': 2, '=due.2012-03-31x': 3, '=due.x2012-03-31': 4, '=xdue.2012-03-31': 5, '=due.': 6 },
      d: '',
      l: null,
      p: null,
      i: [],
    });
  });

  it('refuses a stored key it does not know, naming it', () => {
    expect(() => decodePoint('{"c":{"x.planned":1},"d":"","l":null,"p":null,"i":[]}')).toThrow(new Error('not a key of a stored point: x.planned'));
  });
});
