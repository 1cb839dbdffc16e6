// The bundles as the stack deploys them, run as Lambda runs them: a fresh Node process imports
// index.mjs and calls its handler, with the role's credentials in the environment, against the
// embedded store and capturing endpoints. What the bundling replaces or leaves out (the SDK's
// default credential chain, event streams, the OpenAPI generator) must make no difference to them.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '@modellregionen/events';
import { servedOpenApiDocument } from '../../packages/api/src/openapi';
import { ROUTES } from '../../packages/api/src/routes';
import { startTestStore, type TestStore } from '../../test/support/dynamodb';
import { startEventBridgeCapture } from '../../test/support/eventbridge-capture';
import { lambdaContext } from '../../test/support/lambda-context';
import { emfRecords } from '../../test/support/output';
import { startSqsCapture } from '../../test/support/sqs-capture';
import { buildLambdaBundles } from '../lib/bundling/lambda-bundles';
import type { FunctionName } from '../lib/functions';

const run = promisify(execFile);

let out: string;
let bundles: Readonly<Record<FunctionName, string>>;
let db: TestStore;
let bus: Awaited<ReturnType<typeof startEventBridgeCapture>>;
let sqs: Awaited<ReturnType<typeof startSqsCapture>>;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'lambda-bundles-'));
  bundles = buildLambdaBundles(out);
  db = await startTestStore();
  bus = await startEventBridgeCapture();
  sqs = await startSqsCapture();
}, 120_000);
afterAll(async () => {
  await bus?.stop();
  await sqs?.stop();
  await db?.stop();
  rmSync(out, { recursive: true, force: true });
});

/** What every function is given by the stack, and by Lambda: the role's credentials among it. */
const lambdaEnvironment = () => ({
  PATH: process.env.PATH ?? '',
  TABLE_NAME: db.tableName,
  EVENT_BUS_NAME: 'modellregionen',
  POWERTOOLS_METRICS_NAMESPACE: 'Modellregionen',
  POWERTOOLS_LOG_LEVEL: 'WARN',
  AWS_REGION: 'eu-central-1',
  AWS_ACCESS_KEY_ID: 'local-admin',
  AWS_SECRET_ACCESS_KEY: 'x',
  AWS_SESSION_TOKEN: 'session',
  AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
  AWS_ENDPOINT_URL_EVENTBRIDGE: bus.endpoint,
  AWS_ENDPOINT_URL_SQS: sqs.endpoint,
});

/** Calls a bundle's handler once in a fresh process: its result, and the JSON lines it wrote (logs, EMF). */
const invoke = async (name: FunctionName, event: unknown, env: Record<string, string> = {}) => {
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(join(bundles[name], 'index.mjs')).href)});
    const context = JSON.parse(process.env.TEST_CONTEXT);
    context.getRemainingTimeInMillis = () => 30000;
    const result = await handler(JSON.parse(process.env.TEST_EVENT), context);
    console.log(JSON.stringify({ result }));`;
  const context = { ...lambdaContext(name, `request-${name}`), getRemainingTimeInMillis: undefined };
  const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...lambdaEnvironment(), ...env, TEST_EVENT: JSON.stringify(event), TEST_CONTEXT: JSON.stringify(context) },
  });
  const lines = `${stdout}\n${stderr}`
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { result: lines.find((l) => 'result' in l)?.result, lines };
};

const sqsRecord = (messageId: string, body: unknown) => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body: JSON.stringify(body),
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: '1328862660000', SenderId: 'AIDAEXAMPLE', ApproximateFirstReceiveTimestamp: '1328862660001' },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-central-1:111111111111:aggregate',
  awsRegion: 'eu-central-1',
});

describe('the bundled functions', () => {
  it('aggregate writes the store and publishes to the bus with the credentials Lambda puts in the environment', async () => {
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
    // The second is quarantined: its region is not its source's, which the bus hears as EventRejected.
    const { result, lines } = await invoke('aggregate', {
      Records: [sqsRecord('m-1', finding), sqsRecord('m-2', { ...finding, id: 'f-2', source: 'modellregion.kassel' })],
    });
    expect(result).toEqual({ batchItemFailures: [] });
    expect(emfRecords(lines)).toEqual([expect.objectContaining({ ReportsApplied: 1, ReportsRejected: 1, MessagesFailed: 0 })]);
    expect(bus.entries.map((e) => [e.Source, e.DetailType])).toEqual([['modellregionen.validation', 'EventRejected']]);
    const { Items = [] } = await db.client.send(new ScanCommand({ TableName: db.tableName }));
    expect(Items.length).toBeGreaterThan(0);
  }, 60_000);

  it('aggregate asks the environment for credentials and nothing else (no profile files, no instance metadata)', async () => {
    const { result, lines } = await invoke(
      'aggregate',
      { Records: [sqsRecord('m-3', { not: 'an event' })] },
      { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '' },
    );
    // Unreadable, so to be quarantined, which needs the store: without credentials the message goes back to the queue.
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-3' }] });
    // The credentials Lambda gives a function are the only source: the error says which variables are missing.
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'ERROR',
        error: 'AwsConfigurationError: no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set (Lambda sets them from the function’s role)',
      }),
    );
  }, 60_000);

  it('api-read serves GET /v1/openapi.json: the document the routes generate, built ahead of time', async () => {
    const { result } = await invoke(
      'apiRead',
      {
        version: '2.0',
        routeKey: '$default',
        rawPath: '/v1/openapi.json',
        rawQueryString: '',
        headers: { host: 'api.example.org' },
        requestContext: { domainName: 'api.example.org', http: { method: 'GET', path: '/v1/openapi.json' }, requestId: 'r-1', stage: '$default' },
        isBase64Encoded: false,
      },
      { USER_POOL_ID: 'eu-central-1_example', USER_POOL_CLIENT_ID: 'client' },
    );
    expect(result).toMatchObject({ statusCode: 200, body: JSON.stringify(servedOpenApiDocument(ROUTES, defaultCatalogue, 'https://api.example.org')) });
  }, 60_000);
});
