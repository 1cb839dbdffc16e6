// `npm run replay` rebuilds what is derived from events and keeps what is not (SPEC section 6):
// subscriptions, closed reviews with their frozen content and their late amendments survive, the
// views come out the same, and a replay appends nothing to the archive.
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { defaultCatalogue } from '@modellregionen/events';
import { type LocalRuntime, replayArchive, startLocalRuntime } from '@modellregionen/local';
import { call, tokensFor } from '../../api/test/api-support';
import { busClient, milestoneDetail, milestoneEntry } from './support';

/** A subscriber's endpoint that counts what it receives. */
const startReceiver = async () => {
  const bodies: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    bodies,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const { reportedBy: _by, regionId: _region, ...milestoneBody } = milestoneDetail('wetzlar', 'steuerungs-ag', { reportedAt: '2012-02-10T09:30:00+01:00' });

/** Holds deliveries to the aggregation while closed (a report the bus accepted but not yet processed). */
let gate: Promise<void> = Promise.resolve();

let runtime: LocalRuntime;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let tokens: Awaited<ReturnType<typeof tokensFor>>;
beforeAll(async () => {
  runtime = await startLocalRuntime({
    dataDir: mkdtempSync(join(tmpdir(), 'modellregionen-')),
    ports: { api: 0, events: 0, store: 0 },
    beforeDelivery: (target) => (target === 'aggregate' ? gate : undefined),
  });
  receiver = await startReceiver();
  tokens = await tokensFor(runtime);
});
afterAll(async () => {
  await runtime?.stop();
  await receiver?.stop();
});

/** Everything a user can see, and the audit trail without the time of recording (which a rebuild writes anew). */
const observe = async () => {
  const get = async (path: string, token: string) => {
    const r = await call(runtime, 'GET', path, { token });
    expect(r.status, path).toBe(200);
    return r.json;
  };
  const audit = (await Promise.all(defaultCatalogue.regions.map((r) => runtime.store.revisions(r.id))))
    .flat()
    .map(({ recordedAt: _recorded, ...rest }) => rest)
    .sort((a, b) => a.eventId.localeCompare(b.eventId));
  return {
    subscriptions: await get('/v1/subscriptions', tokens.subscriber),
    midterm: await get('/v1/reviews/midterm', tokens.ministry),
    final: await get('/v1/reviews/final', tokens.ministry),
    circle: await get('/v1/competence-circle?asOf=2013-12-31', tokens.ministry),
    wetzlar: await get('/v1/regions/wetzlar', tokens.ministry),
    rejections: await get('/v1/regions/kassel/rejections', tokens.ministry),
    findings: await get('/v1/findings', tokens.ministry),
    audit,
  };
};

describe('npm run replay', () => {
  it('keeps subscriptions, closed reviews and late amendments, rebuilds the same views, and appends nothing to the archive', async () => {
    const subscribed = await call(runtime, 'POST', '/v1/subscriptions', { token: tokens.subscriber, body: { callbackUrl: receiver.url } });
    expect(subscribed.status).toBe(201);
    const post = (path: string, body: unknown) => call(runtime, 'POST', path, { token: tokens.coordinatorSameRegion, body });
    expect((await post('/v1/regions/wetzlar/milestones', milestoneBody)).status).toBe(202);
    const finding = {
      schemaVersion: 1,
      revision: 1,
      reportedAt: '2011-10-09T12:00:00+02:00',
      findingId: 'elternabende',
      title: 'Elternabende',
      summary: 'Mit Sprachmittlung.',
      fieldOfAction: 'education',
    };
    expect((await post('/v1/regions/wetzlar/findings', finding)).status).toBe(202);
    // A faulty report from Kassel, straight onto the bus: quarantined, with its EventRejected notice archived.
    const kassel = busClient(runtime.urls.events, 'kassel');
    await kassel.send(new PutEventsCommand({ Entries: [milestoneEntry('kassel', 'leitbild', { status: 'achieved' })] }));
    kassel.destroy();
    await runtime.settled();

    expect((await call(runtime, 'POST', '/v1/reviews/midterm/close', { token: tokens.ministry })).status).toBe(200);
    // A late amendment: made before the cutoff, sent after the close.
    const late = await post('/v1/regions/wetzlar/milestones', {
      ...milestoneBody,
      revision: 2,
      status: 'achieved',
      achievedDate: '2012-02-20',
      reportedAt: '2012-02-20T16:00:00+01:00',
    });
    expect(late.status).toBe(202);
    await runtime.settled();

    const before = await observe();
    expect((before.midterm as { lateAmendments: { eventId: string }[] }).lateAmendments.map((a) => a.eventId)).toEqual([late.json?.eventId]);
    expect((before.rejections as { rejections: unknown[] }).rejections).toHaveLength(1);
    expect(receiver.bodies).toHaveLength(1);
    const archived = runtime.archive.size;

    for (let round = 1; round <= 2; round += 1) {
      const { cleared } = await replayArchive({ eventsUrl: runtime.urls.events, dynamo: runtime.dynamo, tableName: runtime.tableName, pollMs: 20 });
      expect(cleared).toBeGreaterThan(0);
      expect(await observe(), `after replay ${round}`).toEqual(before);
      expect(runtime.archive.size, `archive after replay ${round}`).toBe(archived);
      // The finding is not sent to the subscriber again.
      expect(receiver.bodies).toHaveLength(1);
    }
  });

  it('lists as a late amendment a report the bus accepted before the close but processed after it', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const report = await call(runtime, 'POST', '/v1/regions/wetzlar/milestones', {
      token: tokens.coordinatorSameRegion,
      body: { ...milestoneBody, milestoneId: 'sprachlotsen', reportedAt: '2013-06-01T10:00:00+02:00' },
    });
    expect(report.status).toBe(202);
    const closed = await call(runtime, 'POST', '/v1/reviews/final/close', { token: tokens.ministry });
    expect(closed.status).toBe(200);
    open();
    await runtime.settled();
    const final = await call(runtime, 'GET', '/v1/reviews/final', { token: tokens.ministry });
    expect((final.json as { lateAmendments: { eventId: string }[] }).lateAmendments.map((a) => a.eventId)).toEqual([report.json?.eventId]);
    expect(final.json?.competenceCircle).toEqual(closed.json?.competenceCircle);
  });
});
