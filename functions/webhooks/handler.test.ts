// The deployed webhooks handler module, wired from its environment exactly as on AWS, against the
// embedded store, subscribers on this machine and an SQS endpoint: a finding in, signed POSTs out,
// partial batch failures, log lines and metrics (CloudWatch EMF) on stdout.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffSeconds, RETRY_SCHEDULES } from '@modellregionen/lambda-kit';
import { createSubscriptionStore } from '@modellregionen/store';
import { startTestStore, type TestStore } from '../../test/support/dynamodb';
import { lambdaContext } from '../../test/support/lambda-context';
import { captureOutput, emfRecords, logRecords } from '../../test/support/output';
import { startSqsCapture } from '../../test/support/sqs-capture';

/** A subscriber's endpoint that answers every POST with `status` and counts them. */
const startSubscriber = async (status: number) => {
  const subscriber = { status, posts: 0, url: '', server: undefined as Server | undefined };
  subscriber.server = createServer((req, res) => {
    req.resume().on('end', () => {
      subscriber.posts += 1;
      res.writeHead(subscriber.status).end();
    });
  });
  await new Promise<void>((resolve) => subscriber.server!.listen(0, '127.0.0.1', () => resolve()));
  subscriber.url = `http://127.0.0.1:${(subscriber.server.address() as AddressInfo).port}/findings`;
  return subscriber;
};

let db: TestStore;
let sqs: Awaited<ReturnType<typeof startSqsCapture>>;
let accepting: Awaited<ReturnType<typeof startSubscriber>>;
let down: Awaited<ReturnType<typeof startSubscriber>>;
let handler: (event: SQSEvent, context: Context) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

beforeAll(async () => {
  db = await startTestStore();
  sqs = await startSqsCapture();
  accepting = await startSubscriber(204);
  down = await startSubscriber(503);
  const subscriptions = createSubscriptionStore({ client: db.documents, tableName: db.tableName });
  for (const [subscriptionId, subscriber] of [
    ['s-accepting', accepting],
    ['s-down', down],
  ] as const) {
    await subscriptions.putSubscription({
      subscriptionId,
      subscriber: `sub-${subscriptionId}`,
      municipality: 'Stadt Gießen',
      callbackUrl: subscriber.url,
      fieldsOfAction: [],
      secret: 'whsec_test',
      createdAt: '2012-10-01T00:00:00.000Z',
    });
  }
  Object.assign(process.env, {
    TABLE_NAME: db.tableName,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'local-admin',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    POWERTOOLS_LOG_LEVEL: 'WARN',
    POWERTOOLS_METRICS_NAMESPACE: 'Modellregionen',
  });
  ({ handler } = await import('./handler'));
});
afterAll(async () => {
  for (const s of [accepting, down]) await new Promise((resolve) => s?.server?.close(resolve));
  await sqs?.stop();
  await db?.stop();
});

const record = (messageId: string, body: unknown, receiveCount = 1): SQSRecord => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body: JSON.stringify(body),
  attributes: {
    ApproximateReceiveCount: String(receiveCount),
    SentTimestamp: '1349776800000',
    SenderId: 'AIDAEXAMPLE',
    ApproximateFirstReceiveTimestamp: '1349776800001',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-central-1:111111111111:webhooks',
  awsRegion: 'eu-central-1',
});

const finding = {
  version: '0',
  id: 'f-1',
  'detail-type': 'FindingPublished',
  source: 'modellregion.offenbach',
  time: '2012-10-09T10:00:00Z',
  detail: {
    schemaVersion: 1,
    regionId: 'offenbach',
    revision: 1,
    reportedAt: '2012-10-09T12:00:00+02:00',
    reportedBy: 'Integrationsbüro Offenbach',
    findingId: 'mehrsprachige-elternarbeit',
    title: 'Mehrsprachige Elternarbeit wirkt',
    summary: 'Elternabende mit Sprachmittlung erreichen deutlich mehr Familien.',
    fieldOfAction: 'education',
  },
};

describe('the webhooks Lambda handler', () => {
  it('delivers a finding, backs off the message a subscriber refused, and counts both deliveries', async () => {
    const { result, lines } = await captureOutput(() => handler({ Records: [record('m-1', finding, 2)] }, lambdaContext('webhooks', 'request-1')));
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
    expect([accepting.posts, down.posts]).toEqual([1, 1]);
    expect(sqs.visibilityChanges).toEqual([
      {
        QueueUrl: 'https://sqs.eu-central-1.amazonaws.com/111111111111/webhooks',
        Entries: [{ Id: '0', ReceiptHandle: 'rh-m-1', VisibilityTimeout: backoffSeconds(RETRY_SCHEDULES.webhooks, 2) }],
      },
    ]);
    expect(logRecords(lines)).toEqual([
      expect.objectContaining({ level: 'WARN', eventId: 'f-1', function_request_id: 'request-1', function_name: 'webhooks' }),
    ]);
    expect(emfRecords(lines)).toEqual([
      expect.objectContaining({
        _aws: expect.objectContaining({
          CloudWatchMetrics: [
            {
              Namespace: 'Modellregionen',
              Dimensions: [['service']],
              Metrics: [
                { Name: 'DeliveriesSucceeded', Unit: 'Count' },
                { Name: 'DeliveriesFailed', Unit: 'Count' },
              ],
            },
          ],
        }),
        service: 'modellregionen-webhooks',
        DeliveriesSucceeded: 1,
        DeliveriesFailed: 1,
      }),
    ]);
  });

  it('on the retry, delivers only to the subscriber that missed the finding', async () => {
    down.status = 200;
    const { result, lines } = await captureOutput(() => handler({ Records: [record('m-1', finding, 3)] }, lambdaContext('webhooks')));
    expect(result).toEqual({ batchItemFailures: [] });
    expect([accepting.posts, down.posts]).toEqual([1, 2]);
    expect(emfRecords(lines)).toEqual([expect.objectContaining({ DeliveriesSucceeded: 1, DeliveriesFailed: 0 })]);
  });
});
