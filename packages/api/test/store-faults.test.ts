// The deployed API handler (wired from its environment, as on AWS) against a store that fails:
// dynalite behind a proxy that stalls, refuses, throttles or drops requests. Every route that
// needs the store answers 503 with Retry-After within the store client's time budget, never a
// 500 and never a hang, and works again once the store is back. A bus that stalls fails a report
// within the bus client's budget, too.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROUTES } from '@modellregionen/api';
import { apiHandlerFromEnv } from '@modellregionen/api/lambda';
import { DEV_AUDIENCE, DEV_ISSUER, type DevIssuer, lambdaContext, openDevIssuer } from '@modellregionen/local';
import { AWS_CALL_BUDGET_MS, AWS_CALL_LIMITS } from '@modellregionen/lambda-kit';
import { STORE_CALL_BUDGET_MS, STORE_LIMITS } from '@modellregionen/store';
import { prng } from '../../local/src/demo/prng';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';
import { startStoreProxy, type StoreProxy } from '../../../test/support/store-proxy';
import { checkedHandler } from './response-contract';

type Handler = (event: APIGatewayProxyEventV2, context: ReturnType<typeof lambdaContext>) => Promise<APIGatewayProxyStructuredResultV2>;

let db: TestStore;
let proxy: StoreProxy;
let jwksServer: Server;
let issuer: DevIssuer;
let api: Handler;
let tokens: { ministry: string; subscriber: string };

beforeAll(async () => {
  db = await startTestStore();
  proxy = await startStoreProxy({ port: Number(new URL(db.endpoint).port) });
  issuer = await openDevIssuer();
  jwksServer = createServer((_req, res) => res.end(JSON.stringify(issuer.jwks)));
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', () => resolve()));
  Object.assign(process.env, {
    TABLE_NAME: db.tableName,
    JWT_ISSUER: DEV_ISSUER,
    JWT_AUDIENCE: DEV_AUDIENCE,
    JWKS_URI: `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'local-admin',
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_ENDPOINT_URL_DYNAMODB: proxy.endpoint,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  tokens = { ministry: await issuer.sign({ role: 'ministry' }), subscriber: await issuer.sign({ role: 'subscriber', municipality: 'Stadt Gießen' }) };
});
// A fresh function instance per test: the SDK's retry quota, drained by one outage, starts full.
beforeEach(() => {
  api = checkedHandler(apiHandlerFromEnv(['read', 'write'], 'store-faults') as unknown as Handler);
});
afterAll(async () => {
  await proxy?.close();
  jwksServer?.close();
  await db?.stop();
});

const event = (method: string, path: string, token: string, body?: unknown): APIGatewayProxyEventV2 => {
  const [rawPath = path, rawQueryString = ''] = path.split('?');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(rawQueryString ? { queryStringParameters: Object.fromEntries(new URLSearchParams(rawQueryString)) } : {}),
    requestContext: {
      accountId: '111111111111',
      apiId: 'api',
      domainName: 'api.example.org',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
      requestId: 'r',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
    isBase64Encoded: false,
  };
};

/** Every route that reads or writes the store, with a caller it admits. */
const STORE_REQUESTS = [
  { id: 'getRegion', method: 'GET', path: '/v1/regions/wetzlar', caller: 'ministry' },
  { id: 'getRejections', method: 'GET', path: '/v1/regions/wetzlar/rejections', caller: 'ministry' },
  { id: 'getItemRevisions', method: 'GET', path: '/v1/regions/wetzlar/revisions?item=milestone%23leitbild', caller: 'ministry' },
  { id: 'getCompetenceCircle', method: 'GET', path: '/v1/competence-circle', caller: 'ministry' },
  { id: 'getCompetenceCircle', method: 'GET', path: '/v1/competence-circle?asOf=2012-02-29', caller: 'ministry' },
  { id: 'getFunding', method: 'GET', path: '/v1/funding', caller: 'ministry' },
  { id: 'getIndicator', method: 'GET', path: '/v1/indicators/unemployment-rate', caller: 'ministry' },
  { id: 'getReview', method: 'GET', path: '/v1/reviews/midterm', caller: 'ministry' },
  { id: 'getFindings', method: 'GET', path: '/v1/findings', caller: 'subscriber' },
  { id: 'getFindingsAtom', method: 'GET', path: '/v1/findings.atom', caller: 'subscriber' },
  { id: 'getSubscriptions', method: 'GET', path: '/v1/subscriptions', caller: 'subscriber' },
  { id: 'deleteSubscription', method: 'DELETE', path: '/v1/subscriptions/no-such-subscription', caller: 'subscriber' },
  {
    id: 'postSubscription',
    method: 'POST',
    path: '/v1/subscriptions',
    caller: 'subscriber',
    body: { callbackUrl: 'https://www.giessen.de/integration/webhook' },
  },
  { id: 'closeReview', method: 'POST', path: '/v1/reviews/final/close', caller: 'ministry' },
] as const;

/** Each request with how long it took; fails rather than hangs past the budget (plus slack for a busy machine). */
const callAll = async (requests: readonly (typeof STORE_REQUESTS)[number][] = STORE_REQUESTS) =>
  Promise.all(
    requests.map(async (r) => {
      const started = performance.now();
      const deadline = STORE_CALL_BUDGET_MS + 3_000;
      let timer: NodeJS.Timeout | undefined;
      const result = await Promise.race([
        api(event(r.method, r.path, tokens[r.caller], 'body' in r ? r.body : undefined), lambdaContext('api')),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${r.method} ${r.path} hung past ${deadline} ms`)), deadline))),
      ]).finally(() => clearTimeout(timer));
      return { request: `${r.method} ${r.path}`, result, ms: performance.now() - started };
    }),
  );

const expectUnavailable = (outcomes: Awaited<ReturnType<typeof callAll>>) => {
  for (const { request, result, ms } of outcomes) {
    expect(result.statusCode, request).toBe(503);
    expect(result.headers?.['retry-after'], request).toBe('5');
    expect(JSON.parse(String(result.body)), request).toEqual({
      error: { code: 'service_unavailable', message: 'the data store is not available right now; try again in 5 seconds' },
    });
    expect(ms, request).toBeLessThan(STORE_CALL_BUDGET_MS);
  }
};

const expectServed = async () => {
  for (const { request, result } of await callAll(STORE_REQUESTS.filter((r) => r.method === 'GET'))) {
    expect(result.statusCode, request).toBe(200);
  }
};

describe('the API when the store fails', () => {
  it('lists every route that needs the store', () => {
    const storeless = new Set(['getCatalogue', 'getOpenApi', 'postMilestone', 'postProject', 'postIndicator', 'postFinding']);
    expect(new Set(STORE_REQUESTS.map((r) => r.id))).toEqual(new Set(ROUTES.map((r) => r.id).filter((id) => !storeless.has(id))));
  });

  it('serves every route while the store is healthy', expectServed);

  it('answers 503 with Retry-After when the store stalls, after the request timeouts and not later', async () => {
    proxy.stall();
    try {
      const outcomes = await callAll();
      expectUnavailable(outcomes);
      // It waited for the store: at least one attempt ran into its timeout. (More attempts may not
      // be made: the SDK's retry quota runs dry when many calls fail at once, as here.)
      for (const { request, ms } of outcomes) expect(ms, request).toBeGreaterThanOrEqual(STORE_LIMITS.requestTimeoutMs - 50);
      expect(proxy.stats.stalled).toBeGreaterThan(STORE_REQUESTS.length);
    } finally {
      await proxy.heal();
    }
    await expectServed();
  });

  it('answers 503 with Retry-After at once when the store refuses connections', async () => {
    await proxy.refuse();
    try {
      const outcomes = await callAll();
      expectUnavailable(outcomes);
      for (const { request, ms } of outcomes) expect(ms, request).toBeLessThan(1_000);
    } finally {
      await proxy.heal();
    }
    await expectServed();
  });

  it('answers 503 with Retry-After when the store keeps throttling', async () => {
    proxy.throttle();
    try {
      expectUnavailable(await callAll(STORE_REQUESTS.filter((r) => r.id === 'getRegion' || r.id === 'getFindings')));
      expect(proxy.stats.throttled).toBeGreaterThan(0);
    } finally {
      await proxy.heal();
    }
    await expectServed();
  });

  it('answers 503 when every request is cut, and rides out a share of cut requests with retries', async () => {
    proxy.failShare(1);
    try {
      expectUnavailable(await callAll());
    } finally {
      await proxy.heal();
    }
    const reads = STORE_REQUESTS.filter((r) => r.method === 'GET');
    // A fresh instance: the outage above drained this one's retry quota (a read of every region's
    // time index makes six calls at once), and how a quota refills is not what is tested here.
    api = checkedHandler(apiHandlerFromEnv(['read', 'write'], 'store-faults') as unknown as Handler);
    proxy.failShare(0.3, prng('store-faults'));
    try {
      // One request at a time, as a function instance serves them: concurrent failures would drain
      // the SDK's retry quota, which is the point of the quota but not of this test.
      const statuses: (number | undefined)[] = [];
      for (const read of [...reads, ...reads, ...reads]) statuses.push(...(await callAll([read])).map((o) => o.result.statusCode));
      expect(
        statuses.every((s) => s === 200 || s === 503),
        String(statuses),
      ).toBe(true);
      expect(statuses.filter((s) => s === 200).length, String(statuses)).toBeGreaterThan(statuses.length / 2);
      expect(proxy.stats.cut).toBeGreaterThan(0);
    } finally {
      await proxy.heal();
    }
    await expectServed();
  });
});

describe('the API when the bus stalls', () => {
  it('answers a report with 502 within the bus client’s budget, long before API Gateway stops waiting (30 s)', async () => {
    let requests = 0;
    const bus = createServer(() => (requests += 1)); // takes each request and never answers it
    await new Promise<void>((resolve) => bus.listen(0, '127.0.0.1', () => resolve()));
    Object.assign(process.env, { EVENT_BUS_NAME: 'modellregionen', AWS_ENDPOINT_URL_EVENTBRIDGE: `http://127.0.0.1:${(bus.address() as AddressInfo).port}` });
    try {
      const write = apiHandlerFromEnv(['write'], 'bus-stall') as unknown as Handler;
      const finding = {
        schemaVersion: 1,
        revision: 1,
        reportedAt: '2012-10-09T12:00:00+02:00',
        findingId: 'lotsen',
        title: 'Lotsen',
        summary: 'Bildungslotsen helfen.',
        fieldOfAction: 'education',
      };
      const token = await issuer.sign({ role: 'coordinator', regionId: 'offenbach' });
      const started = performance.now();
      const result = await write(event('POST', '/v1/regions/offenbach/findings', token, finding), lambdaContext('api'));
      const ms = performance.now() - started;
      expect(result.statusCode).toBe(502);
      expect(requests).toBe(AWS_CALL_LIMITS.maxAttempts);
      expect(ms).toBeLessThan(AWS_CALL_BUDGET_MS);
    } finally {
      delete process.env.EVENT_BUS_NAME;
      delete process.env.AWS_ENDPOINT_URL_EVENTBRIDGE;
      bus.closeAllConnections();
      await new Promise((resolve) => bus.close(resolve));
    }
  });
});
