// The meter's arithmetic on its own, and its middleware on a real client against the embedded
// store, which reports consumed capacity as DynamoDB does when asked for it.
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CapacityMeter, meterCapacity, meteredDocuments } from '@modellregionen/store';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';

describe('the capacity meter', () => {
  it('adds up the units of each operation and counts its calls', () => {
    const meter = new CapacityMeter();
    meter.record('PutItem', { CapacityUnits: 1 });
    meter.record('PutItem', { CapacityUnits: 3 });
    meter.record('Query', { CapacityUnits: 1.5 });
    expect(Object.fromEntries(meter.byOperation)).toEqual({
      PutItem: { calls: 2, capacityUnits: 4, conditionalCheckFailures: 0 },
      Query: { calls: 1, capacityUnits: 1.5, conditionalCheckFailures: 0 },
    });
  });

  it('tells reads (get, query, scan, batch get) from writes (everything else)', () => {
    const meter = new CapacityMeter();
    for (const [operation, units] of [
      ['GetItem', 0.5],
      ['Query', 1],
      ['Scan', 2],
      ['BatchGetItem', 4],
      ['PutItem', 10],
      ['UpdateItem', 20],
      ['BatchWriteItem', 40],
    ] as const) {
      meter.record(operation, { CapacityUnits: units });
    }
    expect([meter.readUnits, meter.writeUnits]).toEqual([7.5, 70]);
  });

  it('takes a list of figures (one per table) and figures split into read and write units', () => {
    const meter = new CapacityMeter();
    meter.record('BatchWriteItemCommand', [{ CapacityUnits: 2 }, { CapacityUnits: 3 }]);
    meter.record('TransactWriteItemsCommand', { ReadCapacityUnits: 1, WriteCapacityUnits: 4 });
    meter.record('UpdateItemCommand', { WriteCapacityUnits: 2 });
    meter.record('DeleteItemCommand', { ReadCapacityUnits: 0.5 });
    meter.record('PutItem', {});
    expect(meter.writeUnits).toBe(12.5);
  });

  it('counts a call without a figure, and a write whose condition failed apart', () => {
    const meter = new CapacityMeter();
    meter.record('PutItem', undefined, true);
    meter.record('PutItem', undefined);
    meter.record('UpdateItemCommand', undefined, true);
    expect(meter.byOperation.get('PutItem')).toEqual({ calls: 2, capacityUnits: 0, conditionalCheckFailures: 1 });
    expect([meter.writeUnits, meter.failedConditionalWrites]).toEqual([0, 2]);
  });

  it('starts again from nothing when reset', () => {
    const meter = new CapacityMeter();
    meter.record('PutItem', { CapacityUnits: 1 }, true);
    meter.reset();
    expect([meter.byOperation.size, meter.readUnits, meter.writeUnits, meter.failedConditionalWrites]).toEqual([0, 0, 0, 0]);
  });
});

describe('metering a client', () => {
  let db: TestStore;
  beforeAll(async () => {
    db = await startTestStore();
  });
  afterAll(async () => db?.stop());

  it('asks DynamoDB for the consumed capacity of every call and records it by command', async () => {
    const meter = new CapacityMeter();
    const client = DynamoDBDocumentClient.from(db.newClient());
    meterCapacity(client, meter);
    await client.send(new PutCommand({ TableName: db.tableName, Item: { pk: 'p', sk: 'a' } }));
    await client.send(new GetCommand({ TableName: db.tableName, Key: { pk: 'p', sk: 'a' }, ConsistentRead: true }));
    await client.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'p' } }));
    expect(Object.fromEntries(meter.byOperation)).toEqual({
      PutItem: { calls: 1, capacityUnits: 1, conditionalCheckFailures: 0 },
      GetItem: { calls: 1, capacityUnits: 1, conditionalCheckFailures: 0 },
      Query: { calls: 1, capacityUnits: 0.5, conditionalCheckFailures: 0 },
    });
  });

  it('counts a write whose condition failed, and passes the failure on', async () => {
    const meter = new CapacityMeter();
    const client = db.newClient();
    meterCapacity(client, meter);
    const put = () =>
      client.send(new PutItemCommand({ TableName: db.tableName, Item: { pk: { S: 'q' }, sk: { S: 'a' } }, ConditionExpression: 'attribute_not_exists(pk)' }));
    await put();
    await expect(put()).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    await expect(put()).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    await expect(client.send(new PutItemCommand({ TableName: 'no-such-table', Item: { pk: { S: 'q' }, sk: { S: 'a' } } }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(meter.byOperation.get('PutItem')).toEqual({ calls: 4, capacityUnits: 1, conditionalCheckFailures: 2 });
    expect(meter.failedConditionalWrites).toBe(2);
  });

  it('reports to the last meter only when a client is metered again', async () => {
    const [first, second] = [new CapacityMeter(), new CapacityMeter()];
    const client = DynamoDBDocumentClient.from(db.newClient());
    meterCapacity(client, first);
    meterCapacity(client, second);
    await client.send(new PutCommand({ TableName: db.tableName, Item: { pk: 'r', sk: 'a' } }));
    expect([first.byOperation.size, second.byOperation.get('PutItem')?.calls]).toEqual([0, 1]);
  });
});

describe('metering the stores’ calls', () => {
  let db: TestStore;
  beforeAll(async () => {
    db = await startTestStore();
  });
  afterAll(async () => db?.stop());

  it('asks DynamoDB for the consumed capacity of every call and records it by operation, as a metered SDK client does', async () => {
    const meter = new CapacityMeter();
    const documents = meteredDocuments(db.documents, meter);
    await documents.call('PutItem', { TableName: db.tableName, Item: { pk: 'd', sk: 'a' } });
    const read = await documents.call('GetItem', { TableName: db.tableName, Key: { pk: 'd', sk: 'a' }, ConsistentRead: true });
    await documents.call('Query', { TableName: db.tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'd' } });
    expect(read.Item).toEqual({ pk: 'd', sk: 'a' });
    expect(read.ConsumedCapacity).toEqual({ TableName: db.tableName, CapacityUnits: 1 });
    expect(Object.fromEntries(meter.byOperation)).toEqual({
      PutItem: { calls: 1, capacityUnits: 1, conditionalCheckFailures: 0 },
      GetItem: { calls: 1, capacityUnits: 1, conditionalCheckFailures: 0 },
      Query: { calls: 1, capacityUnits: 0.5, conditionalCheckFailures: 0 },
    });
    expect([meter.readUnits, meter.writeUnits]).toEqual([1.5, 1]);
  });

  it('counts a write whose condition failed, and passes every failure on', async () => {
    const meter = new CapacityMeter();
    const documents = meteredDocuments(db.documents, meter);
    const put = () => documents.call('PutItem', { TableName: db.tableName, Item: { pk: 'e', sk: 'a' }, ConditionExpression: 'attribute_not_exists(pk)' });
    await put();
    await expect(put()).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    await expect(documents.call('PutItem', { TableName: 'no-such-table', Item: { pk: 'e', sk: 'a' } })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(meter.byOperation.get('PutItem')).toEqual({ calls: 3, capacityUnits: 1, conditionalCheckFailures: 1 });
  });
});
