import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue, type RegionEvent, validator } from '@modellregionen/events';
import { competenceCircleOf, indicatorProgress, reduceRegions, summariesOf } from '@modellregionen/domain';
import { deliveredStream, type RawEvent } from '../../../test/support/arbitraries';

const NUM_RUNS = 2_000;

const toRegionEvents = (raw: readonly RawEvent[]): RegionEvent[] =>
  raw.map((e) => {
    const result = validator.validateEvent(e);
    if (!result.ok) throw new Error(`generator produced an invalid event: ${JSON.stringify(result.errors)}`);
    return result.value;
  });

const plainStates = (events: RegionEvent[]) =>
  Object.fromEntries(
    [...reduceRegions(events)].map(([region, state]) => [
      region,
      Object.fromEntries([...state].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.eventId])),
    ]),
  );

describe('convergence of the pure reducer (at-least-once, any order)', () => {
  it('gives the identical region states for any permutation with any duplicates', () => {
    fc.assert(
      fc.property(deliveredStream(), ({ events, delivered }) => {
        expect(plainStates(toRegionEvents(delivered))).toEqual(plainStates(toRegionEvents(events)));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives the identical competence-circle view, today and as of any date', () => {
    fc.assert(
      fc.property(deliveredStream(), fc.constantFrom('2010-03-01', '2012-02-29', '2013-12-31'), ({ events, delivered }, asOf) => {
        const options = { catalogue: defaultCatalogue, asOf, reportedUntil: asOf };
        expect(competenceCircleOf(toRegionEvents(delivered), options)).toEqual(competenceCircleOf(toRegionEvents(events), options));
        const today = { catalogue: defaultCatalogue, asOf: '2026-11-22' };
        expect(competenceCircleOf(toRegionEvents(delivered), today)).toEqual(competenceCircleOf(toRegionEvents(events), today));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives the identical indicator progress (gap and change since baseline)', () => {
    fc.assert(
      fc.property(deliveredStream(), ({ events, delivered }) => {
        const progress = (list: RegionEvent[]) =>
          Object.fromEntries([...reduceRegions(list)].map(([r, s]) => [r, indicatorProgress(s.values(), defaultCatalogue)]));
        expect(progress(toRegionEvents(delivered))).toEqual(progress(toRegionEvents(events)));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('as of a date equals the view of only the reports made by then', () => {
    fc.assert(
      fc.property(deliveredStream(), fc.constantFrom('2010-03-01', '2012-02-29'), ({ delivered }, asOf) => {
        const all = toRegionEvents(delivered);
        const until = all.filter((e) => Date.parse(e.detail.reportedAt) < Date.parse(`${asOf}T23:00:00Z`));
        expect(summariesOf(all, defaultCatalogue, { reportedUntil: asOf })).toEqual(summariesOf(until, defaultCatalogue));
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a lower revision win over a higher one', () => {
    fc.assert(
      fc.property(deliveredStream(), ({ delivered }) => {
        const all = toRegionEvents(delivered);
        for (const state of reduceRegions(all).values()) {
          for (const winner of state.values()) {
            const rivals = all.filter((e) => e.regionId === winner.regionId && e.detailType === winner.detailType && JSON.stringify(e.detail).length > 0);
            for (const rival of rivals) {
              const sameItem = Object.entries(rival.detail).every(([k, v]) => !/Id$|^period$/.test(k) || (winner.detail as Record<string, unknown>)[k] === v);
              if (sameItem) expect(rival.detail.revision).toBeLessThanOrEqual(winner.detail.revision);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
