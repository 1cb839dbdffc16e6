import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_CALL_BUDGET_MS, AWS_CALL_LIMITS, createEventBridgeClient, createSqsClient, publishEvent } from '@modellregionen/lambda-kit';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** A bus that takes each request and never answers it. */
const stalledBus = async () => {
  const requests: IncomingMessage[] = [];
  const server = createServer((req) => requests.push(req));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    },
  };
};

describe('createEventBridgeClient', () => {
  let bus: Awaited<ReturnType<typeof stalledBus>>;
  beforeAll(async () => {
    bus = await stalledBus();
  });
  afterAll(() => bus?.stop());

  it('gives up on a stalled bus within its budget, after a bounded number of attempts, well before API Gateway stops waiting (30 s)', async () => {
    const client = createEventBridgeClient({ endpoint: bus.endpoint, region: 'eu-central-1', credentials });
    const started = Date.now();
    try {
      await expect(publishEvent(client, 'modellregionen', { Source: 'modellregion.wetzlar', DetailType: 'MilestoneReported', Detail: '{}' })).rejects.toThrow(
        /timeout/i,
      );
    } finally {
      client.destroy();
    }
    const elapsed = Date.now() - started;
    expect(bus.requests).toHaveLength(AWS_CALL_LIMITS.maxAttempts);
    expect(elapsed).toBeGreaterThanOrEqual(AWS_CALL_LIMITS.maxAttempts * AWS_CALL_LIMITS.requestTimeoutMs - 100);
    expect(elapsed).toBeLessThan(AWS_CALL_BUDGET_MS);
    expect(AWS_CALL_BUDGET_MS).toBeLessThanOrEqual(15_000);
  });
});

describe('createSqsClient', () => {
  it('has the same bounds, and sends to the region’s endpoint rather than the host of a queue URL', async () => {
    const client = createSqsClient({ region: 'eu-central-1', credentials });
    try {
      expect(await client.config.maxAttempts()).toBe(AWS_CALL_LIMITS.maxAttempts);
      expect(client.config.useQueueUrlAsEndpoint).toBe(false);
      const handler = client.config.requestHandler as unknown as { httpHandlerConfigs(): Record<string, unknown> };
      // The handler resolves its configuration when it first handles a request (here: refused at once).
      await client.config.requestHandler
        .handle({ protocol: 'http:', hostname: '127.0.0.1', port: 1, method: 'GET', path: '/', headers: {}, query: {} } as never)
        .catch(() => undefined);
      expect(handler.httpHandlerConfigs()).toMatchObject({
        connectionTimeout: AWS_CALL_LIMITS.connectionTimeoutMs,
        requestTimeout: AWS_CALL_LIMITS.requestTimeoutMs,
        throwOnRequestTimeout: true,
      });
    } finally {
      client.destroy();
    }
  });
});
