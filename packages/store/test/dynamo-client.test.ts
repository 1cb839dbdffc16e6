import { ConditionalCheckFailedException, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDynamoClient, isStoreUnavailable, STORE_CALL_BUDGET_MS, STORE_LIMITS } from '../src/dynamo-client';

const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } });

describe('isStoreUnavailable', () => {
  it('is true for a store that cannot be reached, is too slow, throttles or fails on its side', () => {
    for (const err of [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4567'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      Object.assign(new Error('getaddrinfo ENOTFOUND dynamodb.eu-central-1.amazonaws.com'), { code: 'ENOTFOUND' }),
      Object.assign(new Error('a request has exceeded the configured 2000 ms requestTimeout'), { name: 'TimeoutError' }),
      Object.assign(new Error('throughput exceeded'), { name: 'ProvisionedThroughputExceededException', ...meta(400) }),
      Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', ...meta(400) }),
      Object.assign(new Error('internal'), { name: 'InternalServerError', ...meta(500) }),
      Object.assign(new Error('unavailable'), { name: 'ServiceUnavailable', ...meta(503) }),
    ]) {
      expect(isStoreUnavailable(err), `${err.name} ${err.message}`).toBe(true);
    }
  });

  it('is false for faults that trying again would not mend, and for anything that is not an error', () => {
    for (const err of [
      new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: { httpStatusCode: 400 } }),
      new ResourceNotFoundException({ message: 'Requested resource not found', $metadata: { httpStatusCode: 400 } }),
      Object.assign(new Error('Item size has exceeded the maximum allowed size'), { name: 'ValidationException', ...meta(400) }),
      new TypeError('cannot read properties of undefined'),
      Object.assign(new Error('aborted'), { name: 'AbortError' }),
    ]) {
      expect(isStoreUnavailable(err), err.name).toBe(false);
    }
    expect(isStoreUnavailable(undefined)).toBe(false);
    expect(isStoreUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('createDynamoClient', () => {
  it('bounds every call: connection and request timeouts, a few attempts, well under the 30 s of API Gateway and Lambda', async () => {
    const client = createDynamoClient({ region: 'eu-central-1', endpoint: 'http://127.0.0.1:1' });
    try {
      expect(await client.config.maxAttempts()).toBe(STORE_LIMITS.maxAttempts);
      const handler = client.config.requestHandler as unknown as { httpHandlerConfigs(): Record<string, unknown>; handle: unknown };
      // The handler resolves its configuration when it first handles a request (here: refused at once).
      await client.config.requestHandler
        .handle({ protocol: 'http:', hostname: '127.0.0.1', port: 1, method: 'GET', path: '/', headers: {}, query: {} } as never)
        .catch(() => undefined);
      expect(handler.httpHandlerConfigs()).toMatchObject({
        connectionTimeout: STORE_LIMITS.connectionTimeoutMs,
        requestTimeout: STORE_LIMITS.requestTimeoutMs,
        throwOnRequestTimeout: true,
        socketTimeout: STORE_LIMITS.requestTimeoutMs,
      });
      expect(STORE_CALL_BUDGET_MS).toBeLessThanOrEqual(15_000);
    } finally {
      client.destroy();
    }
  });

  it('gives up on a call within 12 s: three attempts of 1 s to connect and 2 s to answer, and backoffs of at most 1 s and 2 s between them', () => {
    expect(STORE_LIMITS).toEqual({ connectionTimeoutMs: 1_000, requestTimeoutMs: 2_000, maxAttempts: 3 });
    expect(STORE_CALL_BUDGET_MS).toBe(3 * (1_000 + 2_000) + 1_000 + 2_000);
  });
});
