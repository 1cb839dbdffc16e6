import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AWS_CALL_BUDGET_MS,
  AWS_CALL_LIMITS,
  createEventBridgeClient,
  createSqsClient,
  publishEvent,
  queueUrlOf,
  withExponentialBackoff,
} from '@modellregionen/lambda-kit';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** A server that keeps each request, with its body, and answers it as `answer` says (or never). */
const endpointThat = async (answer?: (req: IncomingMessage, body: string) => { status: number; body: unknown }) => {
  const requests: { req: IncomingMessage; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ req, body });
      if (answer === undefined) return;
      const { status, body: out } = answer(req, body);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(out));
    });
  });
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
  let bus: Awaited<ReturnType<typeof endpointThat>>;
  beforeAll(async () => {
    bus = await endpointThat();
  });
  afterAll(() => bus?.stop());

  it('gives up on a stalled bus within its budget, after a bounded number of attempts, well before API Gateway stops waiting (30 s)', async () => {
    const client = createEventBridgeClient({ endpoint: bus.endpoint, region: 'eu-central-1', credentials });
    const started = Date.now();
    await expect(publishEvent(client, 'modellregionen', { Source: 'modellregion.wetzlar', DetailType: 'MilestoneReported', Detail: '{}' })).rejects.toThrow(
      /did not answer within 2000 ms/,
    );
    const elapsed = Date.now() - started;
    expect(bus.requests).toHaveLength(AWS_CALL_LIMITS.maxAttempts);
    expect(bus.requests[0]!.req.headers['x-amz-target']).toBe('AWSEvents.PutEvents');
    expect(bus.requests[0]!.req.headers['content-type']).toBe('application/x-amz-json-1.1');
    expect(elapsed).toBeGreaterThanOrEqual(AWS_CALL_LIMITS.maxAttempts * AWS_CALL_LIMITS.requestTimeoutMs - 100);
    expect(elapsed).toBeLessThan(AWS_CALL_BUDGET_MS);
    expect(AWS_CALL_BUDGET_MS).toBeLessThanOrEqual(15_000);
  });
});

describe('createSqsClient', () => {
  it('backs messages off with ChangeMessageVisibilityBatch in the JSON protocol, at its endpoint, naming the queue by its URL', async () => {
    const sqs = await endpointThat(() => ({ status: 200, body: { Successful: [{ Id: '0' }], Failed: [] } }));
    try {
      const arn = 'arn:aws:sqs:eu-central-1:123456789012:Aggregate';
      const record = { messageId: 'm-1', receiptHandle: 'rh-1', eventSourceARN: arn, attributes: { ApproximateReceiveCount: '2' } } as unknown as SQSRecord;
      const handler = withExponentialBackoff(
        createSqsClient({ endpoint: sqs.endpoint, region: 'eu-central-1', credentials }),
        async () => ({ batchItemFailures: [{ itemIdentifier: 'm-1' }] }),
        { baseSeconds: 10, maxSeconds: 300, maxReceiveCount: 5 },
      );
      await handler({ Records: [record] });
      expect(sqs.requests).toHaveLength(1);
      const [{ req, body }] = sqs.requests as [{ req: IncomingMessage; body: string }];
      expect(req.headers['x-amz-target']).toBe('AmazonSQS.ChangeMessageVisibilityBatch');
      expect(req.headers['content-type']).toBe('application/x-amz-json-1.0');
      expect(req.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/eu-central-1\/sqs\/aws4_request, /);
      expect(JSON.parse(body)).toEqual({ QueueUrl: queueUrlOf(arn), Entries: [{ Id: '0', ReceiptHandle: 'rh-1', VisibilityTimeout: 20 }] });
    } finally {
      await sqs.stop();
    }
  });
});
