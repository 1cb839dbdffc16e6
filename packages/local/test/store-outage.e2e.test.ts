// SPEC section 6: deliveries retry long enough to ride out a store outage. The store is stopped
// (connections refused) for 60 s while reports stream in through the bus and the API: the bus
// keeps accepting them, reads answer 503 with Retry-After and none hangs past its budget, and once
// the store is back everything arrives with no manual step, with the runtime's default retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { type LocalRuntime, startEmbeddedStore, startLocalRuntime } from '@modellregionen/local';
import { STORE_CALL_BUDGET_MS } from '@modellregionen/store';
import { startStoreProxy, type StoreProxy } from '../../../test/support/store-proxy';
import { call } from '../../api/test/api-support';
import { busClient, milestoneDetail, milestoneEntry } from './support';

// OUTAGE_MS shortens (or lengthens) the outage for a quick local run.
const OUTAGE_MS = Number(process.env.OUTAGE_MS ?? 60_000);

let store: Awaited<ReturnType<typeof startEmbeddedStore>>;
let proxy: StoreProxy;
let runtime: LocalRuntime;
beforeAll(async () => {
  store = await startEmbeddedStore({ port: 0 });
  proxy = await startStoreProxy({ port: store.port });
  runtime = await startLocalRuntime({ inMemory: true, dynamoEndpoint: proxy.endpoint, ports: { api: 0, events: 0, store: 0 } });
});
afterAll(async () => {
  await proxy?.heal();
  await runtime?.stop();
  await proxy?.close();
  await store?.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a store outage of a minute during a stream', () => {
  it(
    'heals by itself: the bus keeps accepting, reads answer 503 in time, and everything arrives afterwards',
    async () => {
      const ministry = await runtime.issuer.sign({ role: 'ministry' });
      const coordinator = await runtime.issuer.sign({ role: 'coordinator', regionId: 'wetzlar' });
      const accepted: string[] = [];
      const bus = busClient(runtime.urls.events, 'kassel');
      let n = 0;
      const send = async () => {
        n += 1;
        const result = await bus.send(
          new PutEventsCommand({ Entries: [milestoneEntry('kassel', `m-${n}`), milestoneEntry('kassel', `m-${n}`, { revision: 2, status: 'delayed' })] }),
        );
        expect(result.FailedEntryCount).toBe(0);
        accepted.push(...(result.Entries ?? []).map((e) => e.EventId!));
        const { regionId: _r, reportedBy: _b, ...body } = milestoneDetail('wetzlar', `w-${n}`);
        const posted = await call(runtime, 'POST', '/v1/regions/wetzlar/milestones', { token: coordinator, body });
        expect(posted.status).toBe(202);
        accepted.push(String(posted.json?.eventId));
      };

      for (let i = 0; i < 5; i += 1) await send();
      await proxy.refuse();
      const outageEnds = Date.now() + OUTAGE_MS;
      const reads: { path: string; status: number; retryAfter: string | null; ms: number }[] = [];
      try {
        while (Date.now() < outageEnds) {
          await send();
          for (const path of ['/v1/competence-circle', '/v1/regions/kassel', '/v1/reviews/midterm']) {
            const started = performance.now();
            const r = await call(runtime, 'GET', path, { token: ministry });
            reads.push({ path, status: r.status, retryAfter: r.headers.get('retry-after'), ms: performance.now() - started });
          }
          await pause(Math.min(2_000, OUTAGE_MS / 10));
        }
      } finally {
        await proxy.heal();
      }
      for (let i = 0; i < 5; i += 1) await send();

      expect(reads.length).toBeGreaterThan(0);
      for (const r of reads) {
        expect({ path: r.path, status: r.status, retryAfter: r.retryAfter }).toEqual({ path: r.path, status: 503, retryAfter: '5' });
        expect(r.ms).toBeLessThan(STORE_CALL_BUDGET_MS);
      }

      // No one does anything: the queues redeliver on their own schedule.
      await runtime.settled();
      expect(runtime.queues.get('aggregate')!.stats).toMatchObject({ pending: 0, inFlight: 0, dead: 0 });
      const recorded = new Set([...(await runtime.store.revisions('kassel')), ...(await runtime.store.revisions('wetzlar'))].map((r) => r.eventId));
      expect(accepted.filter((id) => !recorded.has(id))).toEqual([]);
      const view = await call(runtime, 'GET', '/v1/competence-circle', { token: ministry });
      const row = (id: string) =>
        (view.json as { regions: { regionId: string; milestones: { total: number; byStatus: { delayed: number } } }[] }).regions.find(
          (r) => r.regionId === id,
        )!;
      expect(row('kassel').milestones).toMatchObject({ total: n, byStatus: { delayed: n } });
      expect(row('wetzlar').milestones.total).toBe(n);
      bus.destroy();
    },
    OUTAGE_MS + 180_000,
  );
});
