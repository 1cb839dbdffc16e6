import type { RegionEvent } from '@modellregionen/events';
import { countsAsOf } from './berlin-time';
import { itemKeyOf } from './item-key';
import { supersedes } from './version';

/** A region's current facts: for each item key, the report that wins (see `versionKey`). */

/** Folds one report into a state; a stale report or a redelivery leaves it as it was. */
const applyEvent = (state: Map<string, RegionEvent>, event: RegionEvent): void => {
  const key = itemKeyOf(event);
  if (supersedes(event, state.get(key))) state.set(key, event);
};

export interface ReduceOptions {
  /** Count only reports made before the end of this Berlin date (YYYY-MM-DD). */
  readonly reportedUntil?: string;
}

/** Every region's state from any set of reports, in any order, with any duplicates. */
export const reduceRegions = (events: Iterable<RegionEvent>, options: ReduceOptions = {}): Map<string, Map<string, RegionEvent>> => {
  const regions = new Map<string, Map<string, RegionEvent>>();
  for (const event of events) {
    if (options.reportedUntil !== undefined && !countsAsOf(event.detail.reportedAt, options.reportedUntil)) continue;
    let state = regions.get(event.regionId);
    if (state === undefined) {
      state = new Map();
      regions.set(event.regionId, state);
    }
    applyEvent(state, event);
  }
  return regions;
};
