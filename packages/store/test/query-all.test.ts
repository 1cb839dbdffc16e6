import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../src/query-all';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
  for (const sk of ['a', 'b', 'c', 'd', 'e']) await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { pk: 'p', sk } }));
  await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { pk: 'other', sk: 'a' } }));
});
afterAll(async () => db?.stop());

describe('a query of every matching item', () => {
  const query = (extra: Partial<QueryCommandInput> = {}): QueryCommandInput => ({
    TableName: db.tableName,
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': 'p' },
    ...extra,
  });

  it('reads every page, in key order', async () => {
    // Two items a page: three pages.
    expect((await queryAll(db.documents, query({ Limit: 2 }))).map((i) => i.sk)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((await queryAll(db.documents, query({ Limit: 2, ScanIndexForward: false }))).map((i) => i.sk)).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  it('leaves the query it was given as it was, so that it can be sent again', async () => {
    const input = query({ Limit: 2 });
    const before = structuredClone(input);
    await queryAll(db.documents, input);
    expect(input).toEqual(before);
    expect((await queryAll(db.documents, input)).length).toBe(5);
  });

  it('is empty when nothing matches', async () => {
    expect(await queryAll(db.documents, query({ ExpressionAttributeValues: { ':pk': 'none' } }))).toEqual([]);
  });
});
