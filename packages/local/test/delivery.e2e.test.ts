import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { localAdminClient, startLocalRuntime } from '@modellregionen/local';
import { busClient, milestoneEntry } from './support';

const FREE = { api: 0, events: 0, store: 0 };

describe('delivery as on AWS: retries with backoff, then the dead-letter queue, then redrive', () => {
  it('parks a message its handler keeps failing, redrives it, and loses nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'modellregionen-'));
    let faulty = true;
    const deliveries = new Map<string, number>();
    const options = {
      dataDir,
      ports: FREE,
      delivery: { maxReceiveCount: 3, backoffBaseMs: 10, batchWindowMs: 5 },
      beforeDelivery: (_target: string, messages: readonly { event: { detail: unknown } }[]) => {
        for (const m of messages) {
          const id = (m.event.detail as { milestoneId?: string }).milestoneId ?? '';
          deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
          if (faulty && id === 'vergiftet') throw new Error('injected fault: the store is unavailable');
        }
      },
    };
    const runtime = await startLocalRuntime(options);
    const client = busClient(runtime.urls.events, 'offenbach');
    const accepted = 6;
    for (let i = 0; i < accepted - 1; i += 1) {
      await client.send(new PutEventsCommand({ Entries: [milestoneEntry('offenbach', `m-${i}`)] }));
    }
    // Delivered first, so that the poisoned report is not batched with them (the fault fails its whole batch).
    await runtime.settled();
    await client.send(new PutEventsCommand({ Entries: [milestoneEntry('offenbach', 'vergiftet')] }));
    client.destroy();
    await runtime.settled();

    const admin = localAdminClient(runtime.urls.events);
    const dead = await admin.deadLetters();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({
      Target: 'aggregate',
      MessageGroupId: 'offenbach',
      ReceiveCount: 3,
      LastError: 'Error: injected fault: the store is unavailable',
    });
    expect(deliveries.get('vergiftet')).toBe(3);
    const applied = (await runtime.store.currentItems('offenbach')).length;
    // Every accepted event is applied or parked: nothing is lost.
    expect(applied + dead.length).toBe(accepted);
    expect(runtime.counters.accepted).toBe(accepted);
    await runtime.stop();

    // The dead letter survives a restart; redrive applies it once the fault is gone.
    faulty = false;
    const again = await startLocalRuntime(options);
    try {
      const admin2 = localAdminClient(again.urls.events);
      // ... in its message group, as it was parked.
      expect(await admin2.deadLetters()).toEqual([expect.objectContaining({ MessageGroupId: 'offenbach' })]);
      expect(await admin2.redrive()).toBe(1);
      await again.settled();
      expect(await admin2.deadLetters()).toHaveLength(0);
      expect((await again.store.currentItems('offenbach')).length).toBe(accepted);
    } finally {
      await again.stop();
    }
  });

  it('lets only local-admin see and redrive dead letters', async () => {
    const runtime = await startLocalRuntime({ inMemory: true, ports: FREE });
    try {
      const response = await fetch(runtime.urls.events, {
        method: 'POST',
        headers: {
          'x-amz-target': 'ModellregionenLocal.ListDeadLetters',
          authorization: 'AWS4-HMAC-SHA256 Credential=wetzlar/20120101/eu-central-1/events/aws4_request',
        },
        body: '{}',
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ __type: 'AccessDeniedException' });
    } finally {
      await runtime.stop();
    }
  });
});
