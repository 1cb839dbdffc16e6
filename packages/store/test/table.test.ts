// The one table's creation, on the embedded DynamoDB-compatible store.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DEFAULT_TABLE_NAME, ensureTable, TABLE_KEYS } from '@modellregionen/store';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
});
afterAll(async () => db?.stop());

describe('the table', () => {
  it('is named modellregionen unless told otherwise, keyed by pk and sk', () => {
    expect(DEFAULT_TABLE_NAME).toBe('modellregionen');
    expect(TABLE_KEYS).toEqual({ partitionKey: 'pk', sortKey: 'sk' });
  });

  it('is created on demand with its string keys, billed per request, and is active when ensureTable returns', async () => {
    const name = `t-${randomUUID()}`;
    await ensureTable(db.client, name);
    const { Table } = await db.client.send(new DescribeTableCommand({ TableName: name }));
    expect(Table).toMatchObject({
      TableStatus: 'ACTIVE',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    });
    expect(Table?.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ]),
    );
    await db.client.send(new DeleteTableCommand({ TableName: name }));
  });

  it('is left as it is when it exists', async () => {
    await expect(ensureTable(db.client, db.tableName)).resolves.toBeUndefined();
  });

  it('cannot be ensured where the store refuses the name', async () => {
    await expect(ensureTable(db.client, 'x')).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
