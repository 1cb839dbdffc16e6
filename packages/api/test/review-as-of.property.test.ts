// An open review read from the time index and the indicator values as of its cutoff equals the
// review folded from every report made by then, for random histories with late reports and
// redeliveries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAggregator } from '@modellregionen/aggregation';
import { competenceCircleOf, indicatorProgress, reduceRegions } from '@modellregionen/domain';
import { defaultCatalogue, type RegionEvent, validator } from '@modellregionen/events';
import { createInMemoryReportStore } from '@modellregionen/store';
import type { ApiDeps } from '../src/context';
import { review } from '../src/handlers/reviews';
import { REVIEWS } from '../src/reviews';
import { deliveredStream, type RawEvent } from '../../../test/support/arbitraries';
import { asMessage, deliverUntilDone, inBatches } from '../../../test/support/delivery';

const valid = (raw: RawEvent): RegionEvent => {
  const result = validator.validateEvent(raw);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

describe('an open review', () => {
  it('equals the fold of the reports made by its cutoff, whatever the order they arrived in', async () => {
    await fc.assert(
      fc.asyncProperty(
        deliveredStream({ maxEvents: 30 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 4 }),
        async ({ events, delivered }, sizes) => {
          const store = createInMemoryReportStore();
          const aggregator = createAggregator({ store, publisher: { publish: async () => {} } });
          await deliverUntilDone(aggregator, inBatches(delivered.map(asMessage), sizes));
          const deps = { store, catalogue: defaultCatalogue, now: () => new Date('2026-12-07T10:00:00Z') } as unknown as ApiDeps;
          const all = events.map(valid);
          for (const reviewId of ['midterm', 'final'] as const) {
            const { cutoff } = REVIEWS[reviewId];
            const { competenceCircle, indicators, status } = await review(deps, reviewId);
            expect(status).toBe('open');
            expect(competenceCircle).toEqual(competenceCircleOf(all, { catalogue: defaultCatalogue, asOf: cutoff, reportedUntil: cutoff }));
            const states = reduceRegions(all, { reportedUntil: cutoff });
            expect(Object.fromEntries(indicators.map((i) => [i.regionId, i.progress]))).toEqual(
              Object.fromEntries(indicators.map((i) => [i.regionId, indicatorProgress(states.get(i.regionId)?.values() ?? [], defaultCatalogue)])),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
