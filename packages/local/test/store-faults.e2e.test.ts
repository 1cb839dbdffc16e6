// The local HTTP API (port 3000 of `npm start`) when its store fails: the runtime's store client
// has the same timeouts as the Lambda functions', so reads answer 503 with Retry-After within the
// budget instead of hanging or answering 500. The store is dynalite behind a fault-injecting proxy.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsServiceError, AwsTransportError } from '@modellregionen/aws-json';
import type { ApiHandler } from '@modellregionen/api';
import { type LocalRuntime, startLocalRuntime } from '@modellregionen/local';
import { STORE_CALL_BUDGET_MS } from '@modellregionen/store';
import { startStoreProxy, type StoreProxy } from '../../../test/support/store-proxy';
import { createApiServer } from '../src/api-server';
import { startEmbeddedStore } from '../src/embedded-store';

const get = async (url: string, token?: string) => {
  const started = performance.now();
  const response = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(STORE_CALL_BUDGET_MS + 3_000),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    json: (await response.json()) as unknown,
    ms: performance.now() - started,
  };
};

const UNAVAILABLE = { error: { code: 'service_unavailable', message: 'the data store is not available right now; try again in 5 seconds' } };

describe('the local runtime when its store fails', () => {
  let store: Awaited<ReturnType<typeof startEmbeddedStore>>;
  let proxy: StoreProxy;
  let runtime: LocalRuntime;
  let token: string;
  beforeAll(async () => {
    store = await startEmbeddedStore({ port: 0 });
    proxy = await startStoreProxy({ port: store.port });
    runtime = await startLocalRuntime({ inMemory: true, dynamoEndpoint: proxy.endpoint, ports: { api: 0, events: 0, store: 0 } });
    token = await runtime.issuer.sign({ role: 'ministry' });
  });
  afterAll(async () => {
    await proxy?.heal();
    await runtime?.stop();
    await proxy?.close();
    await store?.stop();
  });

  const reads = ['/v1/regions/wetzlar', '/v1/competence-circle', '/v1/reviews/midterm', '/v1/findings'];

  it('answers reads with 503 and Retry-After within the budget when the store stalls, and serves again once it is back', async () => {
    proxy.stall();
    try {
      const outcomes = await Promise.all(reads.map((path) => get(`${runtime.urls.api}${path}`, token)));
      for (const [i, { status, retryAfter, json, ms }] of outcomes.entries()) {
        expect({ path: reads[i], status, retryAfter, json }).toEqual({ path: reads[i], status: 503, retryAfter: '5', json: UNAVAILABLE });
        expect(ms).toBeLessThan(STORE_CALL_BUDGET_MS);
      }
    } finally {
      await proxy.heal();
    }
    for (const path of reads) expect((await get(`${runtime.urls.api}${path}`, token)).status, path).toBe(200);
  });

  it('answers reads with 503 and Retry-After at once when the store refuses connections', async () => {
    await proxy.refuse();
    try {
      for (const path of reads) {
        const { status, retryAfter, json, ms } = await get(`${runtime.urls.api}${path}`, token);
        expect({ path, status, retryAfter, json }).toEqual({ path, status: 503, retryAfter: '5', json: UNAVAILABLE });
        expect(ms).toBeLessThan(1_000);
      }
    } finally {
      await proxy.heal();
    }
  });
});

describe('the local API server around the handler', () => {
  let server: Server;
  let url: string;
  let fault: Error;
  beforeAll(async () => {
    const api = (async () => {
      throw fault;
    }) as unknown as ApiHandler;
    server = createApiServer({ health: async () => ({}), jwks: { keys: [] }, api, log: () => {} });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers a store fault that escapes the handler with 503 and Retry-After, not 500', async () => {
    for (const err of [
      new AwsTransportError('NetworkError', '127.0.0.1:4567: connect ECONNREFUSED 127.0.0.1:4567', { code: 'ECONNREFUSED' }),
      new AwsTransportError('TimeoutError', '127.0.0.1:4567 did not answer within 2000 ms'),
      new AwsServiceError('ProvisionedThroughputExceededException', 'Rate exceeded', 400, 'r-1'),
    ]) {
      fault = err;
      const { status, retryAfter, json } = await get(`${url}/v1/regions/wetzlar`);
      expect({ fault: err.name, status, retryAfter, json }).toEqual({ fault: err.name, status: 503, retryAfter: '5', json: UNAVAILABLE });
    }
  });

  it('still answers any other escaped error with a 500 that names no internals', async () => {
    fault = new TypeError('cannot read properties of undefined');
    const { status, json } = await get(`${url}/v1/regions/wetzlar`);
    expect({ status, json }).toEqual({ status: 500, json: { error: { code: 'internal_error', message: 'the request could not be processed' } } });
  });
});
