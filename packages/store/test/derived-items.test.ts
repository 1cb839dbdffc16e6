// Clearing what a replay of the archive rebuilds, on the embedded DynamoDB-compatible store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchWriteCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { clearDerivedItems } from '@modellregionen/store';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
});
afterAll(async () => db?.stop());

const put = async (tableName: string, keys: { pk: string; sk: string }[]) => {
  for (let i = 0; i < keys.length; i += 25) {
    await db.doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: keys.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
};
const remaining = async (tableName: string) =>
  ((await db.doc.send(new ScanCommand({ TableName: tableName }))).Items ?? []).map((i) => `${i.pk} ${i.sk}`).sort();

describe('clearing the items derived from events', () => {
  it('deletes the regions’ facts and the views, in batches, and keeps closed reviews, subscriptions and delivery records', async () => {
    const tableName = await db.freshTable();
    const derived = [
      ...Array.from({ length: 40 }, (_, i) => ({ pk: 'REGION#wetzlar', sk: `REV#milestone#m${i}#000001#e${i}` })),
      { pk: 'REGION#kassel', sk: 'CUR#milestone#leitbild' },
      { pk: 'REGION#_unattributed', sk: 'REJ#2012-01-01T00:00:00.000Z#m-1' },
      { pk: 'VIEW#competence-circle', sk: 'REGION#wetzlar' },
    ];
    const kept = [
      { pk: 'REVIEW#midterm', sk: 'FROZEN' },
      { pk: 'SUBSCRIPTIONS', sk: 'SUB#sub-a' },
      { pk: 'DELIVERY#e-1', sk: 'SUB#sub-a' },
      { pk: 'XREGION#wetzlar', sk: 'CUR#x' },
    ];
    await put(tableName, [...derived, ...kept]);
    expect(await clearDerivedItems(db.client, tableName)).toBe(derived.length);
    expect(await remaining(tableName)).toEqual(kept.map((k) => `${k.pk} ${k.sk}`).sort());
  });

  it('deletes nothing from a table without derived items', async () => {
    const tableName = await db.freshTable();
    await put(tableName, [{ pk: 'SUBSCRIPTIONS', sk: 'SUB#sub-a' }]);
    expect(await clearDerivedItems(db.client, tableName)).toBe(0);
    expect(await remaining(tableName)).toEqual(['SUBSCRIPTIONS SUB#sub-a']);
  });
});
