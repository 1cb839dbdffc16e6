// Fault injection through the store proxy: while reports stream in, a share of store calls is cut
// and for a while the store hangs (calls time out). Once the store is healthy again, the views
// equal those of a fault-free run over the same events (the domain's fold of the archive: equal
// revisions are ordered by event id, which the bus assigns), and every report the bus acknowledged
// is accounted for: applied, superseded on arrival, or quarantined.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { competenceCircleOf } from '@modellregionen/domain';
import { defaultCatalogue, validator } from '@modellregionen/events';
import { type LocalRuntime, startEmbeddedStore, startLocalRuntime } from '@modellregionen/local';
import { startStoreProxy, type StoreProxy } from '../../../test/support/store-proxy';
import { prng } from '../src/demo/prng';
import { busClient, milestoneEntry } from './support';
import { competenceCircleIn } from '../../../test/support/views';

const REGIONS = ['wetzlar', 'kassel', 'wiesbaden'] as const;
const FAST_RETRIES = { batchWindowMs: 5, backoffBaseMs: 50, backoffMaxMs: 1_000, maxReceiveCount: 40 };

const reports = (seed: string, count: number) => {
  const next = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return Array.from({ length: count }, () => {
    const regionId = pick(REGIONS);
    const status = pick(['planned', 'in_progress', 'achieved', 'delayed'] as const);
    const faulty = next() < 0.1;
    return milestoneEntry(regionId, `m-${Math.floor(next() * 8)}`, {
      revision: 1 + Math.floor(next() * 4),
      status,
      ...(status === 'achieved' && !faulty ? { achievedDate: '2011-04-30' } : {}),
    });
  });
};

/** Sends the entries (grouped by region, a few per call) and returns the ids the bus acknowledged. */
const stream = async (runtime: LocalRuntime, entries: ReturnType<typeof reports>, between?: (i: number) => Promise<void>) => {
  const acknowledged: string[] = [];
  const clients = new Map(REGIONS.map((r) => [r, busClient(runtime.urls.events, r)]));
  for (let i = 0; i < entries.length; i += 3) {
    await between?.(i);
    const batch = entries.slice(i, i + 3);
    for (const entry of batch) {
      const result = await clients.get(entry.Source.replace('modellregion.', '') as (typeof REGIONS)[number])!.send(new PutEventsCommand({ Entries: [entry] }));
      acknowledged.push(...(result.Entries ?? []).flatMap((e) => (e.EventId ? [e.EventId] : [])));
    }
  }
  for (const c of clients.values()) c.destroy();
  return acknowledged;
};

const AS_OF = '2013-12-31';

/** The views of a fault-free run: the domain's fold of every region event in the archive. */
const foldOfArchive = async (runtime: LocalRuntime) => {
  const events = (await runtime.archive.events()).flatMap((e) => {
    const r = validator.validateEvent(e);
    return r.ok ? [r.value] : [];
  });
  return competenceCircleOf(events, { catalogue: defaultCatalogue, asOf: AS_OF });
};

let store: Awaited<ReturnType<typeof startEmbeddedStore>>;
let proxy: StoreProxy;
beforeAll(async () => {
  store = await startEmbeddedStore({ port: 0 });
  proxy = await startStoreProxy({ port: store.port });
});
afterAll(async () => {
  await proxy?.close();
  await store?.stop();
});

describe('a flaky store', () => {
  it('ends in the views of a fault-free run, with every acknowledged report accounted for', async () => {
    const entries = reports('flaky', 240);

    const runtime = await startLocalRuntime({
      inMemory: true,
      dynamoEndpoint: proxy.endpoint,
      tableName: 'flaky',
      ports: { api: 0, events: 0, store: 0 },
      delivery: FAST_RETRIES,
    });
    try {
      const random = prng('faults');
      const acknowledged = await stream(runtime, entries, async (i) => {
        if (i === 30) proxy.failShare(0.3, random);
        if (i === 120) proxy.stall();
        if (i === 129) {
          // Heal only once the stall has held up a store call: deliveries run on their own clock.
          for (const started = Date.now(); proxy.stats.stalled === 0 && Date.now() - started < 10_000; ) await new Promise((r) => setTimeout(r, 50));
          await proxy.heal();
        }
        if (i === 150) proxy.failShare(0.5, random);
        if (i === 210) await proxy.heal();
      });
      await runtime.settled();
      // Enough store calls were cut to matter (how many depends on timing; about twenty, often more).
      expect(proxy.stats.cut).toBeGreaterThan(10);
      expect(proxy.stats.stalled).toBeGreaterThan(0);
      expect(runtime.queues.get('aggregate')!.stats).toMatchObject({ pending: 0, dead: 0 });

      const stored = await competenceCircleIn(runtime.store, AS_OF);
      const expected = await foldOfArchive(runtime);
      expect(stored.regions).toEqual(expected.regions);
      expect(stored.totals).toEqual(expected.totals);
      const partitions = REGIONS as readonly string[];
      const audit = (await Promise.all(partitions.map((r) => runtime.store.revisions(r)))).flat().map((r) => r.eventId);
      const quarantine = (await Promise.all(partitions.map((r) => runtime.store.listRejections(r, 1_000)))).flat().map((r) => r.eventId);
      expect(new Set([...audit, ...quarantine])).toEqual(new Set(acknowledged));
      expect(audit.length + quarantine.length).toBe(acknowledged.length);
    } finally {
      await proxy.heal();
      await runtime.stop();
    }
  }, 120_000);
});
