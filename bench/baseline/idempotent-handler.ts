// The bench's baseline: what a team would write instead of the aggregation pipeline. Each report
// goes through a handler made idempotent by Powertools (an idempotency record per event id, in
// DynamoDB), which reads the report's item and writes it if the report supersedes it, then reads,
// updates and writes the region's view; both writes are guarded by an optimistic lock. Records
// are handled one after another, so that the locks never collide and the baseline pays for no
// retries. Bench code: it is measured, never shipped.
import type { Context } from 'aws-lambda';
import { CreateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { type RegionEvent, validator } from '@modellregionen/events';
import { emptyView, type ItemState, type RegionView, viewAfter } from './region-view';

type Outcome = 'applied' | 'stale' | 'rejected';

const itemKeyOf = (e: RegionEvent): string => {
  switch (e.detailType) {
    case 'MilestoneReported':
      return `milestone#${e.detail.milestoneId}`;
    case 'ProjectReported':
      return `project#${e.detail.projectId}`;
    case 'IndicatorReported':
      return `indicator#${e.detail.indicatorId}#${e.detail.period}`;
    case 'FindingPublished':
      return `finding#${e.detail.findingId}`;
  }
};

/** Whether the report wins over the stored state: the higher revision, then the later report, then the greater event id. */
const supersedes = (e: RegionEvent, stored: Record<string, unknown>): boolean => {
  const revision = Number(stored.revision);
  if (e.detail.revision !== revision) return e.detail.revision > revision;
  const [at, storedAt] = [Date.parse(e.detail.reportedAt), Date.parse(String(stored.reportedAt))];
  if (at !== storedAt) return at > storedAt;
  return e.eventId > String(stored.eventId);
};

/** The Lambda invocation the baseline's records are handled in (30 s, as the aggregation function's timeout). */
const invocation: Context = {
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'baseline',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-central-1:123456789012:function:baseline',
  memoryLimitInMB: '512',
  awsRequestId: 'bench',
  logGroupName: '/aws/lambda/baseline',
  logStreamName: 'bench',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

const isConditionFailure = (err: unknown) => err instanceof Error && err.name === 'ConditionalCheckFailedException';

/** The baseline's two tables on the given store: its items and views, and Powertools' idempotency records. */
export const createBaselineTables = async (client: DynamoDBClient, prefix: string) => {
  const tables = { state: `${prefix}-state`, idempotency: `${prefix}-idempotency` };
  await client.send(
    new CreateTableCommand({
      TableName: tables.state,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  // The persistence layer's default key: `id`.
  await client.send(
    new CreateTableCommand({
      TableName: tables.idempotency,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return tables;
};

export const createBaselineHandler = (client: DynamoDBClient, tables: { readonly state: string; readonly idempotency: string }) => {
  const doc = DynamoDBDocumentClient.from(client);
  const TableName = tables.state;

  const writeView = async (regionId: string, previous: ItemState | undefined, current: ItemState) => {
    const Key = { pk: 'VIEW', sk: `REGION#${regionId}` };
    for (;;) {
      const { Item } = await doc.send(new GetCommand({ TableName, Key, ConsistentRead: true }));
      const version = Item === undefined ? 0 : Number(Item.version);
      const view = viewAfter(Item === undefined ? emptyView() : (JSON.parse(String(Item.view)) as RegionView), previous, current);
      try {
        await doc.send(
          new PutCommand({
            TableName,
            Item: { ...Key, version: version + 1, view: JSON.stringify(view) },
            ...(Item === undefined
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : { ConditionExpression: 'version = :version', ExpressionAttributeValues: { ':version': version } }),
          }),
        );
        return;
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    }
  };

  const applyReport = async (raw: unknown): Promise<{ outcome: Outcome }> => {
    const validated = validator.validateEvent(raw);
    if (!validated.ok) return { outcome: 'rejected' };
    const event = validated.value;
    const Key = { pk: `REGION#${event.regionId}`, sk: `ITEM#${itemKeyOf(event)}` };
    for (;;) {
      const { Item: stored } = await doc.send(new GetCommand({ TableName, Key, ConsistentRead: true }));
      if (stored !== undefined && !supersedes(event, stored)) return { outcome: 'stale' };
      const current: ItemState = { detailType: event.detailType, detail: event.detail };
      try {
        await doc.send(
          new PutCommand({
            TableName,
            Item: {
              ...Key,
              revision: event.detail.revision,
              reportedAt: event.detail.reportedAt,
              eventId: event.eventId,
              ...current,
              detail: JSON.stringify(event.detail),
            },
            ...(stored === undefined
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : { ConditionExpression: 'eventId = :seen', ExpressionAttributeValues: { ':seen': stored.eventId } }),
          }),
        );
      } catch (err) {
        if (isConditionFailure(err)) continue;
        throw err;
      }
      const previous =
        stored === undefined ? undefined : { detailType: stored.detailType as ItemState['detailType'], detail: JSON.parse(String(stored.detail)) };
      await writeView(event.regionId, previous, current);
      return { outcome: 'applied' };
    }
  };

  // EventBridge's event id: a redelivered event is the same event.
  const config = new IdempotencyConfig({ eventKeyJmesPath: 'id' });
  // As in the function: an invocation that dies mid-record frees its key when its time is up.
  config.registerLambdaContext(invocation);
  const handleEvent = makeIdempotent(applyReport, {
    persistenceStore: new DynamoDBPersistenceLayer({ tableName: tables.idempotency, awsSdkV3Client: client }),
    config,
  });

  return {
    /** Handles an SQS batch, record by record; counts what each record did (a redelivery answers what it did the first time). */
    async processMessages(messages: readonly { readonly body: string }[]): Promise<Record<Outcome, number>> {
      const counts: Record<Outcome, number> = { applied: 0, stale: 0, rejected: 0 };
      for (const message of messages) counts[(await handleEvent(JSON.parse(message.body))).outcome] += 1;
      return counts;
    },
  };
};
