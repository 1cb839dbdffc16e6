import { describe, expect, it } from 'vitest';
import { EMPTY_POINT, type Point } from '@modellregionen/domain';
import { changeBefore, lastDayKeyBefore, sinceBaseWrites } from '../src/timeline-plan';

const findings = (n: number): Point => ({ ...EMPTY_POINT, counts: { findings: n } });

describe('the plan of a change of the time index', () => {
  it('bounds the days of the month before a month, across a year too', () => {
    expect(lastDayKeyBefore('2012-03')).toBe('2012-02-31');
    expect(lastDayKeyBefore('2012-10')).toBe('2012-09-31');
    expect(lastDayKeyBefore('2012-01')).toBe('2011-12-31');
    expect(lastDayKeyBefore('0999-02')).toBe('0999-01-31');
  });

  it("adds to a month's base the change's days of earlier months only", () => {
    const change = new Map([
      ['2012-01-31', findings(1)],
      ['2012-02-10', findings(2)],
      ['2012-03-01', findings(4)],
    ]);
    expect(changeBefore(change, '2012-03').counts).toEqual({ findings: 3 });
    expect(changeBefore(change, '2012-01').counts).toEqual({});
  });

  it('grows every stored day from the change’s first on, starts new days from the stored day before them, and leaves earlier days', () => {
    const change = new Map([
      ['2012-02-15', findings(1)],
      ['2012-02-25', findings(10)],
      ['2012-03-05', findings(100)],
    ]);
    const days = new Map([
      ['2012-02-10', { point: findings(5), version: 3 }],
      ['2012-02-20', { point: findings(7), version: 4 }],
      ['2012-03-01', { point: findings(9), version: 2 }],
    ]);
    // 2012-02-10 and 2012-03-01 lie before the change's first day of their month: not written.
    expect(sinceBaseWrites(change, days).map((w) => [w.key, w.point.counts, w.version])).toEqual([
      ['2012-02-15', { findings: 6 }, 0],
      ['2012-02-20', { findings: 8 }, 4],
      ['2012-02-25', { findings: 18 }, 0],
      ['2012-03-05', { findings: 109 }, 0],
    ]);
  });
});
