import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { replayArchive, startLocalRuntime } from '@modellregionen/local';
import { busClient, milestoneEntry } from './support';
import { competenceCircleIn } from '../../../test/support/views';

const FREE = { api: 0, events: 0, store: 0 };

describe('a restart keeps the data and the archive; replay rebuilds the same views', () => {
  it('survives stop and start, and replay rebuilds identical views', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'modellregionen-'));
    const first = await startLocalRuntime({ dataDir, ports: FREE });
    const client = busClient(first.urls.events, 'wetzlar');
    await client.send(
      new PutEventsCommand({ Entries: [milestoneEntry('wetzlar', 'steuerungs-ag'), milestoneEntry('wetzlar', 'fachforen', { status: 'delayed' })] }),
    );
    await client.send(
      new PutEventsCommand({ Entries: [milestoneEntry('wetzlar', 'steuerungs-ag', { revision: 2, status: 'achieved', achievedDate: '2011-04-30' })] }),
    );
    await client.send(new PutEventsCommand({ Entries: [milestoneEntry('wetzlar', 'kaputt', { status: 'achieved' })] }));
    client.destroy();
    await first.settled();
    const view = await competenceCircleIn(first.store, '2012-02-29');
    const rejections = await first.store.listRejections('wetzlar');
    const archived = first.archive.size;
    expect(view.regions.find((r) => r.regionId === 'wetzlar')?.milestones.byStatus).toMatchObject({ achieved: 1, delayed: 1 });
    expect(rejections).toHaveLength(1);
    await first.stop();

    const second = await startLocalRuntime({ dataDir, ports: FREE });
    try {
      expect(second.archive.size).toBe(archived);
      expect(await competenceCircleIn(second.store, '2012-02-29')).toEqual(view);

      const { replayed } = await replayArchive({ eventsUrl: second.urls.events, dynamo: second.dynamo, tableName: second.tableName, pollMs: 20 });
      expect(replayed).toBe(archived);
      expect(await competenceCircleIn(second.store, '2012-02-29')).toEqual(view);
      expect((await second.store.listRejections('wetzlar')).map((r) => [r.eventId, r.errors])).toEqual(rejections.map((r) => [r.eventId, r.errors]));
      // Replay re-archives nothing, not even the EventRejected notice of the faulty report.
      expect(second.archive.size).toBe(archived);
    } finally {
      await second.stop();
    }
  });

  it('delivers after a restart what was accepted but not yet delivered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'modellregionen-'));
    // Deliveries are held back so that the stop finds accepted, undelivered events.
    const first = await startLocalRuntime({ dataDir, ports: FREE, delivery: { batchWindowMs: 60_000 } });
    const client = busClient(first.urls.events, 'kassel');
    await client.send(new PutEventsCommand({ Entries: [milestoneEntry('kassel', 'leitbild'), milestoneEntry('kassel', 'monitoring')] }));
    client.destroy();
    expect(first.queues.get('aggregate')?.stats.pending).toBe(2);
    await first.stop();

    const second = await startLocalRuntime({ dataDir, ports: FREE });
    try {
      await second.settled();
      expect((await second.store.currentItems('kassel')).map((i) => i.detail)).toHaveLength(2);
    } finally {
      await second.stop();
    }
  });
});
