// Subscriptions and signed webhook deliveries through the local runtime, end to end.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { localAdminClient, type LocalRuntime, startLocalRuntime } from '@modellregionen/local';
import { DELIVERY_HEADER, SIGNATURE_HEADER, verifySignature } from '@modellregionen/webhooks';
import { call, tokensFor } from '../../api/test/api-support';
import { busClient } from '../../local/test/support';

interface Received {
  body: string;
  signature: string | undefined;
  delivery: string | undefined;
}

/** A subscriber's endpoint on this machine that can be told to fail. */
const startReceiver = async () => {
  const received: Received[] = [];
  let failures = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failures > 0) {
        failures -= 1;
        res.writeHead(503).end();
        return;
      }
      received.push({
        body: Buffer.concat(chunks).toString('utf8'),
        signature: req.headers[SIGNATURE_HEADER] as string | undefined,
        delivery: req.headers[DELIVERY_HEADER] as string | undefined,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/findings`,
    received,
    failNext: (n: number) => (failures = n),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const finding = (findingId: string, fieldOfAction: string) => ({
  schemaVersion: 1,
  revision: 1,
  reportedAt: '2012-10-09T12:00:00+02:00',
  findingId,
  title: `Erkenntnis ${findingId}`,
  summary: 'Was wir gelernt haben.',
  fieldOfAction,
});

let runtime: LocalRuntime;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let tokens: Awaited<ReturnType<typeof tokensFor>>;
beforeAll(async () => {
  runtime = await startLocalRuntime({
    inMemory: true,
    ports: { api: 0, events: 0, store: 0 },
    delivery: { backoffBaseMs: 20, batchWindowMs: 5, maxReceiveCount: 4 },
  });
  receiver = await startReceiver();
  tokens = await tokensFor(runtime);
});
afterAll(async () => {
  await runtime?.stop();
  await receiver?.stop();
});

describe('webhook subscriptions', () => {
  let secret: string;

  it('a subscriber subscribes and gets the signing secret once', async () => {
    const r = await call(runtime, 'POST', '/v1/subscriptions', {
      token: tokens.subscriber,
      body: { callbackUrl: receiver.url, fieldsOfAction: ['education'] },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      callbackUrl: receiver.url,
      fieldsOfAction: ['education'],
      municipality: 'Stadt Gießen',
      secret: expect.stringMatching(/^whsec_/),
    });
    secret = String(r.json?.secret);
  });

  it('refuses callbacks that are not https to a public host (but for this machine, locally), and bad bodies', async () => {
    for (const callbackUrl of ['http://example.org/hook', 'https://10.0.0.1/hook', 'https://192.168.1.2/x', 'ftp://example.org', 'not a url']) {
      const r = await call(runtime, 'POST', '/v1/subscriptions', { token: tokens.subscriber, body: { callbackUrl } });
      expect(r.status, callbackUrl).toBe(400);
      expect(r.json).toMatchObject({ error: { details: [{ path: 'callbackUrl' }] } });
    }
    const r = await call(runtime, 'POST', '/v1/subscriptions', {
      token: tokens.subscriber,
      body: { callbackUrl: receiver.url, fieldsOfAction: ['cooking'], extra: 1 },
    });
    expect(r.status).toBe(400);
  });

  it('delivers a new finding in a subscribed field, signed, retrying while the receiver fails', async () => {
    receiver.failNext(2);
    const post = await call(runtime, 'POST', '/v1/regions/wetzlar/findings', {
      token: tokens.coordinatorSameRegion,
      body: finding('kita-eltern', 'education'),
    });
    expect(post.status).toBe(202);
    await call(runtime, 'POST', '/v1/regions/wetzlar/findings', { token: tokens.coordinatorSameRegion, body: finding('sprachkurse', 'language') });
    await runtime.settled();

    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(verifySignature({ secret, body: delivery!.body, header: delivery!.signature })).toBe(true);
    expect(JSON.parse(delivery!.body)).toMatchObject({
      type: 'FindingPublished',
      eventId: post.json?.eventId,
      regionId: 'wetzlar',
      finding: { findingId: 'kita-eltern', fieldOfAction: 'education', reportedBy: 'Koordination wetzlar' },
    });
    expect(delivery!.delivery).toMatch(new RegExp(`^${String(post.json?.eventId)}/`));
  });

  it('never delivers an invalid finding', async () => {
    const before = receiver.received.length;
    const client = busClient(runtime.urls.events, 'kassel');
    const bad = { ...finding('ohne-region', 'education'), reportedBy: 'x', regionId: 'wetzlar' };
    await client.send(
      new PutEventsCommand({
        Entries: [{ Source: 'modellregion.kassel', DetailType: 'FindingPublished', Detail: JSON.stringify(bad), EventBusName: 'modellregionen' }],
      }),
    );
    client.destroy();
    await runtime.settled();
    expect(receiver.received).toHaveLength(before);
  });

  it('keeps a finding the receiver never took in the dead-letter queue, and delivers it on redrive', async () => {
    const before = receiver.received.length;
    receiver.failNext(4);
    await call(runtime, 'POST', '/v1/regions/wetzlar/findings', { token: tokens.coordinatorSameRegion, body: finding('uebergaenge', 'education') });
    await runtime.settled();
    expect(receiver.received).toHaveLength(before);
    const admin = localAdminClient(runtime.urls.events);
    const dead = await admin.deadLetters();
    expect(dead).toEqual([expect.objectContaining({ Target: 'webhooks', DetailType: 'FindingPublished' })]);

    expect(await admin.redrive()).toBe(1);
    await runtime.settled();
    expect(receiver.received).toHaveLength(before + 1);
    expect(JSON.parse(receiver.received.at(-1)!.body)).toMatchObject({ finding: { findingId: 'uebergaenge' } });
  });

  it("lists a subscriber's own subscriptions without secrets, and ends them", async () => {
    const extra = await call(runtime, 'POST', '/v1/subscriptions', {
      token: tokens.subscriber,
      body: { callbackUrl: receiver.url, fieldsOfAction: ['housing'] },
    });
    const id = String(extra.json?.subscriptionId);
    const list = await call(runtime, 'GET', '/v1/subscriptions', { token: tokens.subscriber });
    expect(list.status).toBe(200);
    const subscriptions = list.json?.subscriptions as Record<string, unknown>[];
    expect(subscriptions.map((s) => s.subscriptionId)).toContain(id);
    for (const s of subscriptions) expect(s).not.toHaveProperty('secret');

    // Another municipality cannot end it (its token names another subject).
    const stranger = await runtime.issuer.sign({ role: 'subscriber', municipality: 'Stadt Marburg' });
    expect((await call(runtime, 'DELETE', `/v1/subscriptions/${id}`, { token: stranger })).status).toBe(404);
    expect((await call(runtime, 'GET', '/v1/subscriptions', { token: stranger })).json).toEqual({ subscriptions: [] });

    expect((await call(runtime, 'DELETE', `/v1/subscriptions/${id}`, { token: tokens.subscriber })).status).toBe(204);
    expect((await call(runtime, 'DELETE', `/v1/subscriptions/${id}`, { token: tokens.subscriber })).status).toBe(404);
    const before = receiver.received.length;
    await call(runtime, 'POST', '/v1/regions/wetzlar/findings', { token: tokens.coordinatorSameRegion, body: finding('wohnen', 'housing') });
    await runtime.settled();
    expect(receiver.received).toHaveLength(before);
  });

  // Last: the second subscription stays, and its receiver is gone afterwards.
  it('delivers once to a healthy subscriber while another one is retried', async () => {
    const healthy = await startReceiver();
    try {
      const r = await call(runtime, 'POST', '/v1/subscriptions', { token: tokens.subscriber, body: { callbackUrl: healthy.url } });
      expect(r.status).toBe(201);
      const before = receiver.received.length;
      receiver.failNext(2);
      await call(runtime, 'POST', '/v1/regions/wetzlar/findings', { token: tokens.coordinatorSameRegion, body: finding('zwei-abonnenten', 'education') });
      await runtime.settled();
      expect(receiver.received).toHaveLength(before + 1);
      // Three deliveries of the message, one POST to the subscriber that answered the first time.
      expect(healthy.received.map((d) => JSON.parse(d.body).finding.findingId)).toEqual(['zwei-abonnenten']);
    } finally {
      await healthy.stop();
    }
  });
});
