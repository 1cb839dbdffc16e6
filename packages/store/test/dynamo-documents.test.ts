// The stores' DynamoDB calls over the JSON protocol against the embedded store, with the AWS SDK's
// document client as the oracle: whatever one writes, the other reads back the same.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
});
afterAll(async () => db?.stop());

const name = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,11}$/).filter((n) => n !== 'pk' && n !== 'sk');
const leaf = fc.oneof(
  fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true }).filter((n) => (n === 0 ? !Object.is(n, -0) : Math.abs(n) > 1e-100)), // DynamoDB's numbers stop at 1e-130
  fc.boolean(),
  fc.constant(null),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(name, tie('value'), { maxKeys: 4 }),
}));
const item = fc.dictionary(name, value, { maxKeys: 6 });

describe('items written and read through the JSON protocol', () => {
  it('read back through the AWS SDK’s document client as they were written, and the other way round', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(item, async (attributes) => {
        n += 1;
        const ours = { pk: 'ours', sk: `i-${n}`, ...attributes };
        await db.documents.call('PutItem', { TableName: db.tableName, Item: ours });
        const readBySdk = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { pk: 'ours', sk: `i-${n}` } }));
        expect(readBySdk.Item).toEqual(ours);

        const theirs = { pk: 'sdk', sk: `i-${n}`, ...attributes };
        await db.doc.send(new PutCommand({ TableName: db.tableName, Item: theirs }));
        const readByUs = await db.documents.call('GetItem', { TableName: db.tableName, Key: { pk: 'sdk', sk: `i-${n}` } });
        expect(readByUs.Item).toEqual(readBySdk.Item === undefined ? undefined : { ...readBySdk.Item, pk: 'sdk' });
      }),
      { numRuns: 150 },
    );
  });

  it('leave out a top-level attribute whose value is undefined, as the SDK does, and refuse a nested one', async () => {
    await db.documents.call('PutItem', { TableName: db.tableName, Item: { pk: 'u', sk: '1', gone: undefined, kept: 1 } });
    expect((await db.documents.call('GetItem', { TableName: db.tableName, Key: { pk: 'u', sk: '1' } })).Item).toEqual({ pk: 'u', sk: '1', kept: 1 });
    await expect(db.documents.call('PutItem', { TableName: db.tableName, Item: { pk: 'u', sk: '2', nested: { gone: undefined } } })).rejects.toThrow(
      /removeUndefinedValues/,
    );
  });
});

describe('every operation the stores call', () => {
  it('puts with a condition, answering the old item, and fails a broken condition by its DynamoDB name', async () => {
    const TableName = db.tableName;
    await db.documents.call('PutItem', { TableName, Item: { pk: 'c', sk: '1', ver: 1 } });
    const replaced = await db.documents.call('PutItem', {
      TableName,
      Item: { pk: 'c', sk: '1', ver: 2 },
      ConditionExpression: 'ver < :ver',
      ExpressionAttributeValues: { ':ver': 2 },
      ReturnValues: 'ALL_OLD',
    });
    expect(replaced.Attributes).toEqual({ pk: 'c', sk: '1', ver: 1 });
    await expect(
      db.documents.call('PutItem', {
        TableName,
        Item: { pk: 'c', sk: '1', ver: 2 },
        ConditionExpression: 'ver < :ver',
        ExpressionAttributeValues: { ':ver': 2 },
      }),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    const deleted = await db.documents.call('DeleteItem', { TableName, Key: { pk: 'c', sk: '1' }, ReturnValues: 'ALL_OLD' });
    expect(deleted.Attributes).toEqual({ pk: 'c', sk: '1', ver: 2 });
    expect((await db.documents.call('GetItem', { TableName, Key: { pk: 'c', sk: '1' } })).Item).toBeUndefined();
  });

  it('queries page by page, the start key of each page given back as the store answered it', async () => {
    const TableName = db.tableName;
    for (const sk of ['a', 'b', 'c']) await db.documents.call('PutItem', { TableName, Item: { pk: 'q', sk, n: sk.charCodeAt(0) } });
    const query = { TableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'q' }, Limit: 2 };
    const first = await db.documents.call('Query', query);
    expect([first.Items, first.LastEvaluatedKey]).toEqual([
      [
        { pk: 'q', sk: 'a', n: 97 },
        { pk: 'q', sk: 'b', n: 98 },
      ],
      { pk: 'q', sk: 'b' },
    ]);
    const second = await db.documents.call('Query', { ...query, ExclusiveStartKey: first.LastEvaluatedKey });
    expect([second.Items, second.LastEvaluatedKey]).toEqual([[{ pk: 'q', sk: 'c', n: 99 }], undefined]);
  });

  it('writes and deletes in batches and reads in batches, by table', async () => {
    const TableName = db.tableName;
    await db.documents.call('PutItem', { TableName, Item: { pk: 'b', sk: 'old' } });
    const written = await db.documents.call('BatchWriteItem', {
      RequestItems: {
        [TableName]: [{ PutRequest: { Item: { pk: 'b', sk: '1', list: [1, 'x', { y: true }] } } }, { DeleteRequest: { Key: { pk: 'b', sk: 'old' } } }],
      },
    });
    expect(written.UnprocessedItems ?? {}).toEqual({});
    const read = await db.documents.call('BatchGetItem', {
      RequestItems: {
        [TableName]: {
          Keys: [
            { pk: 'b', sk: '1' },
            { pk: 'b', sk: 'old' },
          ],
          ConsistentRead: true,
        },
      },
    });
    expect(read.Responses).toEqual({ [TableName]: [{ pk: 'b', sk: '1', list: [1, 'x', { y: true }] }] });
    expect(read.UnprocessedKeys ?? {}).toEqual({});
  });
});
