import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '@modellregionen/events';
import { applyTimelineChange, EMPTY_POINT, type Point, pointAsOf, storedPointsOf, summarizeRegion } from '@modellregionen/domain';
import { milestone } from './fixtures';

const counts = (c: Record<string, number>): Point => ({ ...EMPTY_POINT, counts: c });

describe('a time index, by example', () => {
  // Days out of order, as a timeline built report by report holds them.
  const timeline = new Map<string, Point>([
    ['2012-03-02', counts({ findings: 4 })],
    ['2012-02-10', counts({ findings: 1 })],
    ['2012-03-01', counts({ findings: 2 })],
    ['2012-02-20', counts({ findings: 8 })],
  ]);

  it('stores per month the sum of every day before it, and per day the sum of its month up to it', () => {
    expect(Object.fromEntries([...storedPointsOf(timeline)].map(([key, p]) => [key, p.counts]))).toEqual({
      '2012-02': {},
      '2012-02-10': { findings: 1 },
      '2012-02-20': { findings: 9 },
      '2012-03': { findings: 9 },
      '2012-03-01': { findings: 2 },
      '2012-03-02': { findings: 6 },
    });
  });

  it('sums every day without a date, and the days up to and including a date with one', () => {
    expect(pointAsOf(timeline).counts).toEqual({ findings: 15 });
    expect(pointAsOf(timeline, '2012-03-01').counts).toEqual({ findings: 11 });
    expect(pointAsOf(timeline, '2012-02-09').counts).toEqual({});
  });

  it('drops a day whose changes cancel out', () => {
    const t = new Map(timeline);
    applyTimelineChange(t, new Map([['2012-03-01', counts({ findings: -2 })]]));
    expect([...t.keys()]).toEqual(['2012-03-02', '2012-02-10', '2012-02-20']);
  });
});

describe("a region's summary", () => {
  it('lists the open milestones by due date in date order, whatever order they were reported in', () => {
    const reports = [milestone('c', 'planned', '2013-01-31'), milestone('a', 'planned', '2011-01-01'), milestone('b', 'delayed', '2012-12-31')];
    expect(Object.keys(summarizeRegion('wetzlar', reports, defaultCatalogue).milestones.openDue)).toEqual(['2011-01-01', '2012-12-31', '2013-01-31']);
  });
});
