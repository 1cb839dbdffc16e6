import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue, type RegionEvent, validator } from '@modellregionen/events';
import {
  applyTimelineChange,
  EMPTY_POINT,
  itemKeyOf,
  itemTimelineChange,
  monthOf,
  pointAsOf,
  storedPointsOf,
  summariesOf,
  summaryOfPoint,
  timelinesOf,
} from '@modellregionen/domain';
import { addPoints } from '../src/point';
import { AS_OF_DAYS, deliveredStream, type RawEvent } from '../../../test/support/arbitraries';

const NUM_RUNS = 1_000;
// Days around the generators' report times, and a day long after them.
const AS_OF = [...AS_OF_DAYS, '2026-12-07'] as const;

const toRegionEvents = (raw: readonly RawEvent[]): RegionEvent[] =>
  raw.map((e) => {
    const result = validator.validateEvent(e);
    if (!result.ok) throw new Error(`generator produced an invalid event: ${JSON.stringify(result.errors)}`);
    return result.value;
  });

/** A timeline built as the pipeline builds it: report by report, in delivery order, redeliveries skipped. */
const incrementally = (delivered: readonly RegionEvent[]) => {
  const timelines = new Map<string, Map<string, ReturnType<typeof pointAsOf>>>();
  const counted = new Map<string, RegionEvent[]>();
  for (const e of delivered) {
    const key = `${e.regionId}/${itemKeyOf(e)}`;
    const revisions = counted.get(key) ?? [];
    if (revisions.some((r) => r.eventId === e.eventId)) continue;
    const timeline = timelines.get(e.regionId) ?? new Map();
    timelines.set(e.regionId, applyTimelineChange(timeline, itemTimelineChange(revisions, e, defaultCatalogue)));
    counted.set(key, [...revisions, e]);
  }
  return timelines;
};

describe('the time index of a region', () => {
  it('as of any day, sums to the summary of the reports made by then (the fold)', () => {
    fc.assert(
      fc.property(deliveredStream(), fc.constantFrom(...AS_OF), ({ delivered }, asOf) => {
        const events = toRegionEvents(delivered);
        const expected = summariesOf(events, defaultCatalogue, { reportedUntil: asOf });
        for (const [regionId, timeline] of timelinesOf(events, defaultCatalogue)) {
          const actual = summaryOfPoint(regionId, pointAsOf(timeline, asOf));
          const reference = expected.get(regionId);
          if (reference === undefined) expect(actual).toEqual(summaryOfPoint(regionId, EMPTY_POINT));
          else expect(actual).toEqual(reference);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('built report by report in any order with redeliveries, equals the one built from the set', () => {
    fc.assert(
      fc.property(deliveredStream(), ({ events, delivered }) => {
        expect(incrementally(toRegionEvents(delivered))).toEqual(timelinesOf(toRegionEvents(events), defaultCatalogue));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('is read as a month base plus the newest day of that month up to the date', () => {
    fc.assert(
      fc.property(deliveredStream(), fc.constantFrom(...AS_OF), ({ delivered }, asOf) => {
        for (const timeline of timelinesOf(toRegionEvents(delivered), defaultCatalogue).values()) {
          const stored = storedPointsOf(timeline);
          const newest = [...stored.keys()]
            .filter((k) => (k.length === 7 ? k <= monthOf(asOf) : k <= asOf))
            .sort()
            .pop();
          const read =
            newest === undefined ? EMPTY_POINT : newest.length === 7 ? stored.get(newest)! : addPoints(stored.get(monthOf(newest))!, stored.get(newest)!);
          expect(read).toEqual(pointAsOf(timeline, asOf));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("changes only the report's own day when it supersedes an item reported no later", () => {
    const [older, newer] = toRegionEvents([
      rawMilestone('a', 1, '2011-06-15T14:30:00+02:00', 'planned'),
      rawMilestone('b', 2, '2012-03-01T08:00:00+01:00', 'achieved'),
    ]) as [RegionEvent, RegionEvent];
    const change = itemTimelineChange([older], newer, defaultCatalogue);
    expect([...change.keys()]).toEqual(['2012-03-01']);
    expect(change.get('2012-03-01')?.counts).toEqual({ 'milestones.planned': -1, 'due.2012-12-31': -1, 'milestones.achieved': 1 });
  });

  it('changes a window of the past for a late report: from its day until a higher revision was made', () => {
    const [first, third, second] = toRegionEvents([
      rawMilestone('a', 1, '2010-03-01T10:00:00+01:00', 'planned'),
      rawMilestone('c', 3, '2012-03-01T08:00:00+01:00', 'achieved'),
      rawMilestone('b', 2, '2011-06-15T14:30:00+02:00', 'delayed'),
    ]) as [RegionEvent, RegionEvent, RegionEvent];
    const change = itemTimelineChange([first, third], second, defaultCatalogue);
    expect(Object.fromEntries([...change].map(([day, p]) => [day, p.counts]))).toEqual({
      '2011-06-15': { 'milestones.planned': -1, 'milestones.delayed': 1 },
      '2012-03-01': { 'milestones.delayed': -1, 'milestones.planned': 1 },
    });
  });
});

function rawMilestone(id: string, revision: number, reportedAt: string, status: string): RawEvent {
  return {
    version: '0',
    id: `00000000-0000-4000-8000-00000000000${id}`,
    'detail-type': 'MilestoneReported',
    source: 'modellregion.wetzlar',
    account: '111111111111',
    time: '2013-12-31T23:00:00Z',
    region: 'eu-central-1',
    resources: [],
    detail: {
      schemaVersion: 1,
      regionId: 'wetzlar',
      revision,
      reportedAt,
      reportedBy: 'Koordinationsbüro',
      milestoneId: 'leitbild',
      title: 'Leitbild',
      status,
      dueDate: '2012-12-31',
      ...(status === 'achieved' ? { achievedDate: '2012-02-01' } : {}),
    },
  };
}
