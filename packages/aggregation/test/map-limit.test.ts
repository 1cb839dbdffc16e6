import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapSettledLimit } from '../src/map-limit';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Runs the map over `items` and records how many calls were in flight at most. */
const measured = async (items: readonly number[], limit: number, fails: (n: number) => boolean = () => false) => {
  let inFlight = 0;
  let most = 0;
  const results = await mapSettledLimit(items, limit, async (n) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await tick();
    inFlight -= 1;
    if (fails(n)) throw new Error(`item ${n}`);
    return n * 10;
  });
  return { results, most };
};

describe('mapping with a limit on calls in flight', () => {
  it('settles every item in its place, the failed ones with their reason, like Promise.allSettled', async () => {
    const { results } = await measured([1, 2, 3, 4, 5], 2, (n) => n % 2 === 0);
    expect(results).toEqual([
      { status: 'fulfilled', value: 10 },
      { status: 'rejected', reason: new Error('item 2') },
      { status: 'fulfilled', value: 30 },
      { status: 'rejected', reason: new Error('item 4') },
      { status: 'fulfilled', value: 50 },
    ]);
  });

  it('has as many calls in flight as the limit allows and the items fill, never more', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer(), { maxLength: 20 }), fc.integer({ min: 1, max: 8 }), async (items, limit) => {
        const { results, most } = await measured(items, limit);
        expect(most).toBe(Math.min(limit, items.length));
        expect(results.map((r) => (r.status === 'fulfilled' ? r.value : undefined))).toEqual(items.map((n) => n * 10));
      }),
    );
  });

  it('still makes progress, one call at a time, with a limit below one', async () => {
    for (const limit of [0, -3]) {
      const { results, most } = await measured([1, 2, 3], limit);
      expect([results.length, most], String(limit)).toEqual([3, 1]);
    }
  });

  it('calls nothing and settles nothing for no items', async () => {
    expect(await measured([], 4)).toEqual({ results: [], most: 0 });
  });
});
