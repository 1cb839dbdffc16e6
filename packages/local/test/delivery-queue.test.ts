import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventBridgeEvent } from '@modellregionen/events';
import { DEFAULT_DELIVERY, DeliveryQueue, type QueueMessage, retrySpanMs } from '@modellregionen/local';

const event = (n: number): EventBridgeEvent => ({
  version: '0',
  id: `e-${n}`,
  'detail-type': 'T',
  source: 's',
  account: '1',
  time: '2012-01-01T00:00:00Z',
  region: 'eu-central-1',
  resources: [],
  detail: { n },
});
const message = (n: number): QueueMessage => ({ id: `m-${n}`, event: event(n), sentAt: '2012-01-01T00:00:00.000Z' });
const messages = (count: number) => Array.from({ length: count }, (_, i) => message(i));

describe('DeliveryQueue', () => {
  it('delivers in batches of at most ten', async () => {
    const sizes: number[] = [];
    const q = await DeliveryQueue.open({
      name: 't',
      file: undefined,
      options: { batchWindowMs: 5 },
      handler: async (batch) => {
        sizes.push(batch.length);
        return { failed: [] };
      },
    });
    q.push(messages(25));
    await q.settled();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(25);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
    expect(q.stats).toEqual({ pending: 0, inFlight: 0, dead: 0, delivered: 25 });
    await q.stop();
  });

  it('delivers at most maxConcurrentBatches batches at once', async () => {
    let active = 0;
    let most = 0;
    const q = await DeliveryQueue.open({
      name: 't',
      file: undefined,
      options: { batchWindowMs: 1, maxConcurrentBatches: 3 },
      handler: async () => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active -= 1;
        return { failed: [] };
      },
    });
    q.push(messages(200));
    await q.settled();
    expect(most).toBe(3);
    expect(q.stats.delivered).toBe(200);
    await q.stop();
  });

  it('redelivers only the failed messages of a batch, with growing delays', async () => {
    const times = new Map<string, number[]>();
    const q = await DeliveryQueue.open({
      name: 't',
      file: undefined,
      options: { batchWindowMs: 1, backoffBaseMs: 30, maxReceiveCount: 4 },
      handler: async (batch) => {
        for (const m of batch) times.set(m.event.id, [...(times.get(m.event.id) ?? []), Date.now()]);
        // e-1 fails three times, then succeeds.
        return { failed: batch.filter((m) => m.event.id === 'e-1' && (times.get('e-1')?.length ?? 0) < 4).map((m) => m.id) };
      },
    });
    q.push([message(0), message(1)]);
    await q.settled();
    expect(times.get('e-0')).toHaveLength(1);
    const t = times.get('e-1')!;
    expect(t).toHaveLength(4);
    const gaps = t.slice(1).map((x, i) => x - t[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(25);
    expect(gaps[1]).toBeGreaterThanOrEqual(55);
    expect(gaps[2]).toBeGreaterThanOrEqual(115);
    expect(q.stats.dead).toBe(0);
    await q.stop();
  });

  it('counts a delivery that does not answer in time as failed, and delivers it again', async () => {
    let calls = 0;
    const q = await DeliveryQueue.open({
      name: 't',
      file: undefined,
      options: { batchWindowMs: 1, backoffBaseMs: 1, deliveryTimeoutMs: 50 },
      handler: async () => {
        calls += 1;
        if (calls === 1) await new Promise(() => {}); // a stalled first delivery never answers
        return { failed: [] };
      },
    });
    q.push([message(1)]);
    await q.settled();
    expect(calls).toBe(2);
    expect(q.stats).toMatchObject({ delivered: 1, dead: 0 });
    await q.stop();
  });

  it('parks a message after maxReceiveCount deliveries, with the last error, and redrives it', async () => {
    let fail = true;
    const q = await DeliveryQueue.open({
      name: 't',
      file: undefined,
      options: { batchWindowMs: 1, backoffBaseMs: 1, maxReceiveCount: 2 },
      handler: async () => {
        if (fail) throw new TypeError('boom');
        return { failed: [] };
      },
    });
    q.push([message(7)]);
    await q.settled();
    expect(q.deadLetters()).toMatchObject([{ event: { id: 'e-7' }, receiveCount: 2, lastError: 'TypeError: boom' }]);
    fail = false;
    expect(await q.redrive(['no-such-id'])).toBe(0);
    expect(await q.redrive()).toBe(1);
    await q.settled();
    expect(q.stats).toMatchObject({ dead: 0, delivered: 1 });
    await q.stop();
  });

  it('keeps journaled messages and dead letters across a reopen, and compacts its journal', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'queue-')), 'q.jsonl');
    const hold: QueueMessage[] = [];
    const q1 = await DeliveryQueue.open({
      name: 't',
      file,
      options: { batchWindowMs: 60_000 },
      handler: async (m) => {
        hold.push(...m);
        return { failed: [] };
      },
    });
    await q1.enqueue([message(1), message(2)]);
    await q1.stop();
    expect(hold).toHaveLength(0);

    const delivered: string[] = [];
    const q2 = await DeliveryQueue.open({
      name: 't',
      file,
      options: { batchWindowMs: 1 },
      handler: async (m) => {
        delivered.push(...m.map((x) => x.event.id));
        return { failed: [] };
      },
    });
    await q2.settled();
    expect(delivered.sort()).toEqual(['e-1', 'e-2']);
    await q2.stop();

    const q3 = await DeliveryQueue.open({ name: 't', file, handler: async () => ({ failed: [] }) });
    expect(q3.stats.pending).toBe(0);
    await q3.stop();
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});

describe('the default retry policy', () => {
  it('rides out a store outage of five minutes before it parks a message', () => {
    expect(retrySpanMs(DEFAULT_DELIVERY)).toBeGreaterThanOrEqual(5 * 60_000);
    // ... and does not wait longer than a minute between two deliveries, so recovery is prompt.
    expect(DEFAULT_DELIVERY.backoffMaxMs).toBeLessThanOrEqual(60_000);
    expect(retrySpanMs(DEFAULT_DELIVERY)).toBe(1_000 + 2_000 + 4_000 + 8_000 + 16_000 + 32_000 + 5 * 60_000);
  });
});
