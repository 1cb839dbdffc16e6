// SPEC section 6, durability of the local bus: the runtime is killed with SIGKILL (no graceful
// stop) at many points while events stream in: between two store writes (the write landing or
// not), and at random moments during PutEvents calls and their archive appends. After each kill it
// is started again, and at the end every event the bus acknowledged is in the views, with no
// manual step (no replay, no redrive), and the views equal a fold of the archive by the domain.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { competenceCircleOf } from '@modellregionen/domain';
import { defaultCatalogue, MINISTRY_ID, validator } from '@modellregionen/events';
import { Archive, localAdminClient, startEmbeddedStore } from '@modellregionen/local';
import { createReportStore, DEFAULT_TABLE_NAME, dynamoDocuments, UNATTRIBUTED_REGION } from '@modellregionen/store';
import { type RuntimeProcess, runtimeProcess } from '../../../test/support/runtime-process';
import { type StoreProxy, startStoreProxy } from '../../../test/support/store-proxy';
import { prng } from '../src/demo/prng';
import { busClient, milestoneEntry, waitFor } from './support';
import { competenceCircleIn } from '../../../test/support/views';

// CRASH_ROUNDS and CRASH_SEED make a longer or another run.
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 12);
const SEED = process.env.CRASH_SEED ?? 'crash';
const REGIONS = ['wetzlar', 'kassel', 'offenbach'] as const;
const WRITE_TARGET = /x-amz-target: DynamoDB_\d+\.(PutItem|UpdateItem|DeleteItem|BatchWriteItem)/i;

let store: Awaited<ReturnType<typeof startEmbeddedStore>>;
let proxy: StoreProxy;
let runtime: RuntimeProcess;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'modellregionen-crash-'));
  // The store lives in this process, so a kill of the runtime does not touch it; the proxy lets
  // the test see each store call and kill the runtime between two writes.
  store = await startEmbeddedStore({ port: 0 });
  proxy = await startStoreProxy({ port: store.port });
  runtime = await runtimeProcess({ dataDir, storeEndpoint: proxy.endpoint });
});
afterAll(async () => {
  await runtime?.kill();
  await proxy?.close();
  await store?.stop();
});

/** Reports for a few items per region, with corrections out of order and some faulty ones. */
const reportStream = (seed: string) => {
  const next = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return () => {
    const regionId = pick(REGIONS);
    const milestoneId = `m-${Math.floor(next() * 6)}`;
    const revision = 1 + Math.floor(next() * 5);
    const status = pick(['planned', 'in_progress', 'delayed', 'achieved', 'cancelled'] as const);
    // One report in ten is faulty: achieved without its date.
    const faulty = next() < 0.1;
    const extra = status === 'achieved' && !faulty ? { achievedDate: '2011-04-30' } : {};
    return { regionId, entry: milestoneEntry(regionId, milestoneId, { revision, status, ...extra }) };
  };
};

/** Streams reports from a few concurrent writers until the runtime dies or `limit` calls are made. */
const streamUntilDead = async (next: ReturnType<typeof reportStream>, acknowledged: Set<string>, limit: number) => {
  let calls = 0;
  const writer = async () => {
    const clients = new Map(REGIONS.map((r) => [r, busClient(runtime.urls.events, r)]));
    try {
      while (calls < limit) {
        calls += 1;
        const { regionId, entry } = next();
        const batch = [
          entry,
          ...Array.from({ length: calls % 3 }, () => next())
            .filter((e) => e.regionId === regionId)
            .map((e) => e.entry),
        ];
        try {
          const result = await clients.get(regionId)!.send(new PutEventsCommand({ Entries: batch }));
          for (const e of result.Entries ?? []) if (e.EventId) acknowledged.add(e.EventId);
        } catch {
          // The runtime died under the call: whatever it did not acknowledge may or may not be kept.
          return;
        }
      }
    } finally {
      for (const c of clients.values()) c.destroy();
    }
  };
  await Promise.all(Array.from({ length: 4 }, writer));
};

const settledOnDisk = async () => {
  const admin = localAdminClient(runtime.urls.events);
  await waitFor(async () => {
    const { Queues } = await admin.status();
    return Object.values(Queues).every((q) => q.pending === 0 && q.inFlight === 0);
  }, 60_000);
  return admin.status();
};

describe('kill -9 while events stream in', () => {
  it('finds every acknowledged event in the views after restarts, with no manual step', async () => {
    const next = reportStream(SEED);
    const acknowledged = new Set<string>();
    const random = prng(`${SEED} kill points`);
    const kills: string[] = [];

    for (let round = 0; round < ROUNDS; round += 1) {
      await runtime.start();
      let killing: Promise<void> | undefined;
      let timer: NodeJS.Timeout | undefined;
      if (round % 2 === 0) {
        // Between two store writes: the k-th write either reaches the store or never does.
        const k = 1 + Math.floor(random() * 40);
        const land = round % 4 === 0;
        let writes = 0;
        proxy.intercept((head) => {
          if (!WRITE_TARGET.test(head)) return 'pass';
          writes += 1;
          if (writes !== k) return 'pass';
          proxy.intercept(undefined);
          killing = runtime.kill();
          return land ? 'pass' : 'drop';
        });
        kills.push(`store write ${k} (${land ? 'landed' : 'lost'})`);
      } else {
        // At a random moment: during PutEvents calls, archive appends, deliveries.
        const after = 20 + Math.floor(random() * 300);
        timer = setTimeout(() => (killing = runtime.kill()), after);
        kills.push(`after ${after} ms`);
      }
      await streamUntilDead(next, acknowledged, 400);
      clearTimeout(timer);
      killing ??= runtime.kill();
      await killing;
      proxy.intercept(undefined);
    }

    // The last start: nothing is done by hand, the runtime only runs.
    await runtime.start();
    await streamUntilDead(next, acknowledged, 20);
    const status = await settledOnDisk();
    expect(
      Object.values(status.Queues).map((q) => q.dead),
      'nothing dead-lettered',
    ).toEqual([0, 0]);
    await runtime.stop();

    const reports = createReportStore({
      client: dynamoDocuments({ endpoint: store.endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }),
      tableName: DEFAULT_TABLE_NAME,
    });
    const partitions = [...REGIONS, MINISTRY_ID, UNATTRIBUTED_REGION];
    const audited = new Set((await Promise.all(partitions.map((r) => reports.revisions(r)))).flat().map((r) => r.eventId));
    const quarantined = new Set((await Promise.all(partitions.map((r) => reports.listRejections(r, 10_000)))).flat().map((r) => r.eventId));

    const archive = await Archive.open(join(dataDir, 'archive.jsonl'));
    const regionEvents = (await archive.events()).filter((e) => e.source !== 'modellregionen.validation');
    await archive.close();
    const archivedIds = new Set(regionEvents.map((e) => e.id));

    const lost = [...acknowledged].filter((id) => !audited.has(id) && !quarantined.has(id));
    expect(lost, `acknowledged but neither applied nor quarantined (kills: ${kills.join(', ')})`).toEqual([]);
    expect(
      [...acknowledged].filter((id) => !archivedIds.has(id)),
      'acknowledged but not archived',
    ).toEqual([]);
    // Every archived report (acknowledged or not: a kill may strike between the sync and the answer) is accounted for once.
    expect(audited.size + quarantined.size).toBe(regionEvents.length);
    expect(acknowledged.size).toBeGreaterThan(ROUNDS * 10);

    const valid = regionEvents.flatMap((e) => {
      const r = validator.validateEvent(e);
      return r.ok ? [r.value] : [];
    });
    const asOf = '2013-12-31';
    const expected = competenceCircleOf(valid, { catalogue: defaultCatalogue, asOf });
    const stored = await competenceCircleIn(reports, asOf);
    expect(stored.regions).toEqual(expected.regions);
    expect(stored.totals).toEqual(expected.totals);
  });
});
