import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EventBridgeEvent } from '@modellregionen/events';
import { DeliveryQueue, type QueueMessage } from '@modellregionen/local';

/*
 * The aggregation's queue as SQS FIFO delivers to Lambda: one batch in flight per message group,
 * each group in order, a failed message holding its group's later messages behind it, and the
 * groups side by side.
 */

const event = (id: string): EventBridgeEvent => ({
  version: '0',
  id,
  'detail-type': 'T',
  source: 's',
  account: '1',
  time: '2012-01-01T00:00:00Z',
  region: 'eu-central-1',
  resources: [],
  detail: {},
});
const message = (group: string, n: number): QueueMessage => ({
  id: `${group}-${n}`,
  event: event(`${group}-${n}`),
  sentAt: '2012-01-01T00:00:00.000Z',
  groupId: group,
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const FIFO = { groupOf: () => 'unused' };

/** A small seeded generator, so that a failing run can be repeated from fast-check's seed. */
const prng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

describe('a FIFO delivery queue', () => {
  it('never has a group in flight twice, delivers each group in order, and delivers everything (random delays and failures)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          seed: fc.integer(),
          groups: fc.integer({ min: 1, max: 6 }),
          perWave: fc.integer({ min: 1, max: 30 }),
          failureRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
          batchSize: fc.integer({ min: 1, max: 10 }),
          maxConcurrentBatches: fc.integer({ min: 1, max: 4 }),
        }),
        async ({ seed, groups, perWave, failureRate, batchSize, maxConcurrentBatches }) => {
          const random = prng(seed);
          const names = Array.from({ length: groups }, (_, g) => `g${g}`);
          const lines = new Map(names.map((g) => [g, [] as string[]]));
          /** Per group, how many of its messages the handler has seen through (acknowledged). */
          const done = new Map(names.map((g) => [g, 0]));
          const active = new Set<string>();
          const violations: string[] = [];
          let running = 0;
          const q = await DeliveryQueue.open({
            name: 'aggregate',
            file: undefined,
            fifo: FIFO,
            options: { batchWindowMs: 1, batchSize, maxConcurrentBatches, backoffBaseMs: 1, backoffMaxMs: 4, maxReceiveCount: 10_000 },
            handler: async (batch) => {
              running += 1;
              if (running > maxConcurrentBatches) violations.push(`${running} batches at once`);
              const inBatch = [...new Set(batch.map((m) => m.groupId!))];
              for (const g of inBatch) {
                if (active.has(g)) violations.push(`group ${g} delivered while in flight`);
                active.add(g);
                const ids = batch.filter((m) => m.groupId === g).map((m) => m.id);
                const from = done.get(g)!;
                const expected = lines.get(g)!.slice(from, from + ids.length);
                if (JSON.stringify(ids) !== JSON.stringify(expected)) violations.push(`group ${g} delivered ${ids} where ${expected} was next`);
              }
              await sleep(Math.floor(random() * 4));
              const failed = new Set(batch.filter(() => random() < failureRate).map((m) => m.id));
              for (const g of inBatch) {
                const ids = batch.filter((m) => m.groupId === g).map((m) => m.id);
                const firstFailed = ids.findIndex((id) => failed.has(id));
                // What follows a failed message of its group goes back with it, whatever the answer says.
                done.set(g, done.get(g)! + (firstFailed === -1 ? ids.length : firstFailed));
                active.delete(g);
              }
              running -= 1;
              return { failed: [...failed] };
            },
          });
          let n = 0;
          for (let wave = 0; wave < 3; wave += 1) {
            const messages = Array.from({ length: perWave }, () => {
              const g = names[Math.floor(random() * groups)]!;
              n += 1;
              lines.get(g)!.push(`${g}-${n}`);
              return message(g, n);
            });
            q.push(messages);
            await sleep(Math.floor(random() * 5));
          }
          await q.settled();
          expect(violations).toEqual([]);
          expect(q.stats).toMatchObject({ pending: 0, inFlight: 0, dead: 0, delivered: 3 * perWave });
          for (const g of names) expect(done.get(g), g).toBe(lines.get(g)!.length);
          await q.stop();
        },
      ),
      { numRuns: 30 },
    );
  });

  it('delivers different groups at the same time', async () => {
    let running = 0;
    let most = 0;
    const q = await DeliveryQueue.open({
      name: 'aggregate',
      file: undefined,
      fifo: FIFO,
      options: { batchWindowMs: 1, batchSize: 1, maxConcurrentBatches: 4 },
      handler: async () => {
        running += 1;
        most = Math.max(most, running);
        // Each delivery waits until three run at once (or gives up), which only different groups can.
        for (let i = 0; i < 40 && running < 3; i += 1) await sleep(5);
        await sleep(5);
        running -= 1;
        return { failed: [] };
      },
    });
    q.push([message('kassel', 1), message('kassel', 2), message('wetzlar', 1), message('offenbach', 1)]);
    await q.settled();
    expect(most).toBe(3);
    await q.stop();
  });

  it('puts several groups in one batch, each with its messages in order', async () => {
    const batches: string[][] = [];
    const q = await DeliveryQueue.open({
      name: 'aggregate',
      file: undefined,
      fifo: FIFO,
      options: { batchWindowMs: 5, batchSize: 10, maxConcurrentBatches: 4 },
      handler: async (batch) => {
        batches.push(batch.map((m) => m.id));
        return { failed: [] };
      },
    });
    q.push([message('a', 1), message('b', 1), message('a', 2), message('c', 1), message('b', 2), message('a', 3)]);
    await q.settled();
    expect(batches).toEqual([['a-1', 'a-2', 'a-3', 'b-1', 'b-2', 'c-1']]);
    await q.stop();
  });

  it('keeps a failed message ahead of its group until it is dead-lettered, while other groups go on', async () => {
    const deliveries: string[] = [];
    const q = await DeliveryQueue.open({
      name: 'aggregate',
      file: undefined,
      fifo: FIFO,
      options: { batchWindowMs: 1, batchSize: 1, maxConcurrentBatches: 2, backoffBaseMs: 20, maxReceiveCount: 3 },
      handler: async ([m]) => {
        deliveries.push(m!.id);
        return { failed: m!.id === 'a-1' ? [m!.id] : [] };
      },
    });
    q.push([message('a', 1), message('a', 2), message('b', 1), message('b', 2)]);
    await q.settled();
    const a = deliveries.filter((id) => id.startsWith('a-'));
    expect(a).toEqual(['a-1', 'a-1', 'a-1', 'a-2']);
    // Group b did not wait for a's backoff: it was done before a-1's second delivery.
    expect(deliveries.indexOf('b-2')).toBeLessThan(deliveries.indexOf('a-1', 1));
    expect(q.deadLetters()).toEqual([expect.objectContaining({ id: 'a-1', groupId: 'a', receiveCount: 3 })]);
    await q.stop();
  });

  it("hands back a failed message's later group members from the same batch, which go to the dead-letter queue with it (as on SQS)", async () => {
    let failing = true;
    const delivered: string[] = [];
    const q = await DeliveryQueue.open({
      name: 'aggregate',
      file: undefined,
      fifo: FIFO,
      options: { batchWindowMs: 5, backoffBaseMs: 1, maxReceiveCount: 2 },
      handler: async (batch) => {
        delivered.push(...batch.map((m) => m.id));
        return { failed: batch.filter((m) => failing && m.id === 'a-1').map((m) => m.id) };
      },
    });
    q.push([message('a', 1), message('a', 2), message('b', 1)]);
    await q.settled();
    expect(q.deadLetters()).toEqual([
      expect.objectContaining({ id: 'a-1', groupId: 'a', lastError: 'the target reported the message as failed' }),
      expect.objectContaining({ id: 'a-2', groupId: 'a', lastError: 'held back: an earlier message of its message group failed in the same delivery' }),
    ]);
    expect(q.stats.delivered).toBe(1);
    // Redriven, they are delivered again in their group, in the order they were parked.
    failing = false;
    delivered.length = 0;
    expect(await q.redrive()).toBe(2);
    await q.settled();
    expect(delivered).toEqual(['a-1', 'a-2']);
    expect(q.stats).toMatchObject({ dead: 0, delivered: 3 });
    await q.stop();
  });

  it("keeps a group locked after a delivery timed out until its handler has returned, so the group's next delivery never overlaps it", async () => {
    const events: string[] = [];
    let calls = 0;
    const q = await DeliveryQueue.open({
      name: 'aggregate',
      file: undefined,
      fifo: FIFO,
      options: { batchWindowMs: 1, batchSize: 1, backoffBaseMs: 1, deliveryTimeoutMs: 30 },
      handler: async ([m]) => {
        calls += 1;
        const slow = m!.id === 'a-1' && calls === 1;
        events.push(`start ${m!.id}`);
        if (slow) await sleep(150);
        events.push(`end ${m!.id}`);
        return { failed: [] };
      },
    });
    q.push([message('a', 1), message('b', 1)]);
    await q.settled();
    // a-1 timed out after 30 ms and was due again 1 ms later, yet waited for its first handler.
    const starts = events.flatMap((e, i) => (e === 'start a-1' ? [i] : []));
    expect(starts).toHaveLength(2);
    expect(events.indexOf('end a-1')).toBeLessThan(starts[1]!);
    // b was delivered meanwhile.
    expect(events.indexOf('end b-1')).toBeLessThan(events.indexOf('end a-1'));
    await q.stop();
  });
});
