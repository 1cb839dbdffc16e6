import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePeriods, latestPeriod } from '@modellregionen/domain';

const year = fc.integer({ min: 1980, max: 2099 });
const period = fc.oneof(
  year.map(String),
  fc.tuple(year, fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.tuple(year, fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);
// Neighbouring years, so that periods often end together or one month apart.
const nearPeriod = fc.oneof(
  fc.constantFrom('2010', '2011'),
  fc.tuple(fc.constantFrom(2010, 2011), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
  fc.tuple(fc.constantFrom(2010, 2011), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
);

/** The rule written out: by the month a period ends, then a month before a quarter before a year. */
const endAndSpan = (p: string): [number, number] => {
  const y = Number(p.slice(0, 4));
  if (p.length === 4) return [y * 12 + 12, 12];
  if (p[5] === 'Q') return [y * 12 + Number(p[6]) * 3, 3];
  return [y * 12 + Number(p.slice(5)), 1];
};
const byRule = (a: string, b: string): number => {
  const [ea, sa] = endAndSpan(a);
  const [eb, sb] = endAndSpan(b);
  return Math.sign(ea - eb) || Math.sign(sa - sb);
};

describe('the order of reporting periods', () => {
  it('is by the month they end, then the shorter first, for any two periods', () => {
    fc.assert(
      fc.property(fc.oneof(period, nearPeriod), fc.oneof(period, nearPeriod), (a, b) => {
        expect(Math.sign(comparePeriods(a, b))).toBe(byRule(a, b));
      }),
      { numRuns: 1_000 },
    );
  });

  it.each([
    ['2011-12', '2011-Q4'],
    ['2011-Q4', '2011'],
    ['2011-12', '2011'],
    ['2011-03', '2011-Q1'],
    ['2011-Q1', '2011-04'],
    ['2011-Q2', '2011-Q3'],
    ['2011-09', '2011-10'],
    ['2010', '2011-01'],
    ['2010-Q4', '2011-Q1'],
    ['2011-11', '2011-Q4'],
  ])('puts %s before %s, whichever comes first', (earlier, later) => {
    expect(comparePeriods(earlier, later)).toBe(-1);
    expect(comparePeriods(later, earlier)).toBe(1);
    expect([later, earlier].sort(comparePeriods)).toEqual([earlier, later]);
    expect([earlier, later].sort(comparePeriods)).toEqual([earlier, later]);
  });

  it('holds a period equal to itself only', () => {
    for (const p of ['2011', '2011-Q4', '2011-12', '2011-01']) expect(comparePeriods(p, p)).toBe(0);
  });
});

describe('the latest period', () => {
  it('is the last one in that order, whatever the order given', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(period, nearPeriod), { minLength: 1, maxLength: 8 }), (periods) => {
        const last = [...periods].sort(byRule).at(-1);
        expect(latestPeriod(periods)).toBe(last);
        expect(latestPeriod([...periods].reverse())).toBe(last);
      }),
    );
  });

  it('is the year when a year, its last quarter and its last month were reported', () => {
    expect(latestPeriod(['2011-12', '2011', '2011-Q4'])).toBe('2011');
    expect(latestPeriod(['2011-Q4', '2011-12'])).toBe('2011-Q4');
    expect(latestPeriod(['2011-12', '2011-Q4'])).toBe('2011-Q4');
  });

  it('is none when nothing was reported', () => {
    expect(latestPeriod([])).toBeNull();
  });
});
