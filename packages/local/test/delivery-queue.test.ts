import { mkdtempSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventBridgeEvent } from '@modellregionen/events';
import { DeliveryQueue, Journal, type QueueMessage } from '@modellregionen/local';

const event = (n: number): EventBridgeEvent => ({
  version: '0', id: `e-${n}`, 'detail-type': 'T', source: 's', account: '1', time: '2012-01-01T00:00:00Z', region: 'eu-central-1', resources: [], detail: { n },
});

describe('DeliveryQueue', () => {
  it('delivers in batches of at most ten', async () => {
    const sizes: number[] = [];
    const q = await DeliveryQueue.open({
      name: 't', file: undefined, options: { batchWindowMs: 5 },
      handler: async (messages) => {
        sizes.push(messages.length);
        return { failed: [] };
      },
    });
    await q.enqueue(Array.from({ length: 25 }, (_, i) => event(i)));
    await q.settled();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(25);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(10);
    expect(q.stats).toEqual({ pending: 0, inFlight: 0, dead: 0, delivered: 25 });
    await q.stop();
  });

  it('redelivers only the failed messages of a batch, with growing delays', async () => {
    const times = new Map<string, number[]>();
    const q = await DeliveryQueue.open({
      name: 't', file: undefined, options: { batchWindowMs: 1, backoffBaseMs: 30, maxReceiveCount: 4 },
      handler: async (messages) => {
        for (const m of messages) times.set(m.event.id, [...(times.get(m.event.id) ?? []), Date.now()]);
        // e-1 fails three times, then succeeds.
        return { failed: messages.filter((m) => m.event.id === 'e-1' && (times.get('e-1')?.length ?? 0) < 4).map((m) => m.id) };
      },
    });
    await q.enqueue([event(0), event(1)]);
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

  it('parks a message after maxReceiveCount deliveries, with the last error, and redrives it', async () => {
    let fail = true;
    const q = await DeliveryQueue.open({
      name: 't', file: undefined, options: { batchWindowMs: 1, backoffBaseMs: 1, maxReceiveCount: 2 },
      handler: async () => {
        if (fail) throw new TypeError('boom');
        return { failed: [] };
      },
    });
    await q.enqueue([event(7)]);
    await q.settled();
    expect(q.deadLetters()).toMatchObject([{ event: { id: 'e-7' }, receiveCount: 2, lastError: 'TypeError: boom' }]);
    fail = false;
    expect(await q.redrive(['no-such-id'])).toBe(0);
    expect(await q.redrive()).toBe(1);
    await q.settled();
    expect(q.stats).toMatchObject({ dead: 0, delivered: 1 });
    await q.stop();
  });

  it('keeps undelivered and dead messages across a reopen, and compacts its journal', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'queue-')), 'q.jsonl');
    const hold: QueueMessage[] = [];
    const q1 = await DeliveryQueue.open({
      name: 't', file, options: { batchWindowMs: 60_000 },
      handler: async (m) => (hold.push(...m), { failed: [] }),
    });
    await q1.enqueue([event(1), event(2)]);
    await q1.stop();
    expect(hold).toHaveLength(0);

    const delivered: string[] = [];
    const q2 = await DeliveryQueue.open({
      name: 't', file, options: { batchWindowMs: 1 },
      handler: async (m) => (delivered.push(...m.map((x) => x.event.id)), { failed: [] }),
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

describe('Journal', () => {
  it('ignores a torn last line (a crash in the middle of a write) but not damage before it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'journal-')), 'j.jsonl');
    writeFileSync(file, '{"a":1}\n{"a":2}\n{"a":');
    expect((await Journal.open(file)).records).toEqual([{ a: 1 }, { a: 2 }]);
    appendFileSync(file, '\n{"a":3}\n');
    await expect(Journal.open(file)).rejects.toThrow('line 3 is not JSON; the journal is damaged');
  });
});
