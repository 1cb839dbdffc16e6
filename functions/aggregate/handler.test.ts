// The deployed handler module, wired from its environment exactly as on AWS, against the embedded
// store and a PutEvents endpoint: SQS batch in, partial batch failures out, log lines and metrics
// (CloudWatch EMF) on stdout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { backoffSeconds, RETRY_SCHEDULES } from '@modellregionen/lambda-kit';
import { createReportStore } from '@modellregionen/store';
import { startTestStore, type TestStore } from '../../test/support/dynamodb';
import { startEventBridgeCapture } from '../../test/support/eventbridge-capture';
import { lambdaContext } from '../../test/support/lambda-context';
import { captureOutput, emfRecords, logRecords } from '../../test/support/output';
import { startSqsCapture } from '../../test/support/sqs-capture';

let db: TestStore;
let bus: Awaited<ReturnType<typeof startEventBridgeCapture>>;
let sqs: Awaited<ReturnType<typeof startSqsCapture>>;
let handler: (event: SQSEvent, context: Context) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

/** Invokes the handler as Lambda does, catching what it writes to stdout and stderr. */
const invoke = (event: SQSEvent, context = lambdaContext('aggregate')) => captureOutput(() => handler(event, context));

beforeAll(async () => {
  db = await startTestStore();
  bus = await startEventBridgeCapture();
  sqs = await startSqsCapture();
  Object.assign(process.env, {
    TABLE_NAME: db.tableName,
    EVENT_BUS_NAME: 'modellregionen',
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'local-admin',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: bus.endpoint,
    AWS_ENDPOINT_URL_SQS: sqs.endpoint,
    POWERTOOLS_LOG_LEVEL: 'WARN',
    POWERTOOLS_METRICS_NAMESPACE: 'Modellregionen',
  });
  ({ handler } = await import('./handler'));
});
afterAll(async () => {
  await bus?.stop();
  await sqs?.stop();
  await db?.stop();
});

const record = (messageId: string, body: unknown, receiveCount = 1): SQSRecord => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  attributes: {
    ApproximateReceiveCount: String(receiveCount),
    SentTimestamp: '1328862660000',
    SenderId: 'AIDAEXAMPLE',
    ApproximateFirstReceiveTimestamp: '1328862660001',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-central-1:111111111111:aggregate',
  awsRegion: 'eu-central-1',
});

describe('the aggregate Lambda handler', () => {
  it('aggregates valid events, quarantines invalid ones, and reports no failure', async () => {
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
    const context = lambdaContext('aggregate', 'request-1');
    const { result, lines } = await invoke(
      { Records: [record('m-1', finding), record('m-2', { ...finding, id: 'f-2', source: 'modellregion.kassel' })] },
      context,
    );
    expect(result).toEqual({ batchItemFailures: [] });

    const store = createReportStore({ client: db.documents, tableName: db.tableName });
    expect((await store.currentItems('offenbach')).map((e) => e.eventId)).toEqual(['f-1']);
    expect((await store.listRejections('kassel'))[0]?.errors).toEqual([
      { path: 'regionId', message: 'must equal the region of the source ("kassel")', code: 'region_mismatch', params: { regionId: 'kassel' } },
    ]);
    expect(bus.entries.map((e) => e.DetailType)).toEqual(['EventRejected']);
    expect(sqs.visibilityChanges).toEqual([]);

    // The invocation's context reaches the logger; the figures reach CloudWatch as EMF.
    expect(logRecords(lines)).toEqual([
      expect.objectContaining({ level: 'WARN', message: 'report rejected', eventId: 'f-2', function_request_id: 'request-1', function_name: 'aggregate' }),
    ]);
    expect(emfRecords(lines)).toEqual([
      expect.objectContaining({
        _aws: expect.objectContaining({
          CloudWatchMetrics: [
            {
              Namespace: 'Modellregionen',
              Dimensions: [['service']],
              Metrics: [
                { Name: 'ReportsApplied', Unit: 'Count' },
                { Name: 'ReportsRejected', Unit: 'Count' },
                { Name: 'MessagesFailed', Unit: 'Count' },
              ],
            },
          ],
        }),
        service: 'modellregionen-aggregate',
        ReportsApplied: 1,
        ReportsRejected: 1,
        MessagesFailed: 0,
      }),
    ]);
  });

  it('answers with the failed message ids when the bus cannot take the rejection notice', async () => {
    bus.failNextCalls(1);
    const { result, lines } = await invoke({ Records: [record('m-3', 'not json', 3)] });
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-3' }] });
    expect(emfRecords(lines)).toEqual([expect.objectContaining({ ReportsApplied: 0, ReportsRejected: 0, MessagesFailed: 1 })]);
  });

  it('hides a failed message for its backoff delay, so that it comes back sooner than the queue timeout', async () => {
    sqs.visibilityChanges.length = 0;
    bus.failNextCalls(1);
    await invoke({ Records: [record('m-4', 'not json either', 3)] });
    expect(sqs.visibilityChanges).toEqual([
      {
        QueueUrl: 'https://sqs.eu-central-1.amazonaws.com/111111111111/aggregate',
        Entries: [{ Id: '0', ReceiptHandle: 'rh-m-4', VisibilityTimeout: backoffSeconds(RETRY_SCHEDULES.aggregate, 3) }],
      },
    ]);
  });
});
