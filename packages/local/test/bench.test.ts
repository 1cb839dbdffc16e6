import { describe, expect, it } from 'vitest';
import { runBench } from '../src/bench/bench';

describe('npm run bench (small run)', () => {
  it('measures throughput side by side and the capacity bars of SPEC section 7', async () => {
    const r = await runBench({ events: 120, rawWrites: 100, concurrency: 2, bundles: false });
    expect(r.store.perSecond).toBeGreaterThan(0);
    expect(r.ingestion.events).toBe(120);
    expect(r.ingestion.applied + r.ingestion.stale).toBe(120);
    expect(r.capacity.writeUnitsPerDuplicate).toBe(0);
    expect(r.capacity.writeUnitsPerAcceptedEvent).toBeGreaterThan(0);
    // A view's read is one small Query per model region (a month's base and at most its days: a few
    // KB, one read unit at most), whatever the history.
    expect(r.capacity.competenceCircleReadUnits.afterHistory).toBeLessThanOrEqual(6);
  });
});
