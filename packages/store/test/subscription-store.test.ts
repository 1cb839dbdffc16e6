// The subscription store on the embedded DynamoDB-compatible store: its conditions are
// DynamoDB's, so they are checked against a DynamoDB and not against a stand-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { createSubscriptionStore, type Documents, type Subscription, type SubscriptionStore } from '@modellregionen/store';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
});
afterAll(async () => db?.stop());

const fresh = async (): Promise<{ store: SubscriptionStore; tableName: string }> => {
  const tableName = await db.freshTable();
  return { store: createSubscriptionStore({ client: db.documents, tableName }), tableName };
};

const subscription = (subscriptionId: string, extra: Partial<Subscription> = {}): Subscription => ({
  subscriptionId,
  subscriber: 'giessen-integrationsbuero',
  municipality: 'Stadt Gießen',
  callbackUrl: `https://giessen.example/hooks/${subscriptionId}`,
  fieldsOfAction: ['language', 'education'],
  secret: `whsec_${subscriptionId}`,
  createdAt: '2012-03-01T10:00:00.000Z',
  ...extra,
});

describe('subscriptions', () => {
  it('are listed as they were stored', async () => {
    const { store } = await fresh();
    const a = subscription('sub-a');
    const b = subscription('sub-b', { subscriber: 'fulda', municipality: 'Stadt Fulda', fieldsOfAction: [] });
    await store.putSubscription(a);
    await store.putSubscription(b);
    expect(await store.listSubscriptions()).toEqual([a, b]);
  });

  it('keep their id: storing another under a taken id fails, and the first stands', async () => {
    const { store } = await fresh();
    await store.putSubscription(subscription('sub-a'));
    await expect(store.putSubscription(subscription('sub-a', { callbackUrl: 'https://elsewhere.example/' }))).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
    });
    expect((await store.listSubscriptions()).map((s) => s.callbackUrl)).toEqual(['https://giessen.example/hooks/sub-a']);
  });

  it('are listed with no fields of action when an item has none (all findings)', async () => {
    const { store, tableName } = await fresh();
    const { fieldsOfAction: _, ...withoutFields } = subscription('sub-old');
    await db.doc.send(new PutCommand({ TableName: tableName, Item: { pk: 'SUBSCRIPTIONS', sk: 'SUB#sub-old', type: 'subscription', ...withoutFields } }));
    expect(await store.listSubscriptions()).toEqual([{ ...withoutFields, fieldsOfAction: [] }]);
  });

  it('are none in an empty table', async () => {
    const { store } = await fresh();
    expect(await store.listSubscriptions()).toEqual([]);
  });

  it('are deleted by their subscriber only', async () => {
    const { store } = await fresh();
    await store.putSubscription(subscription('sub-a'));
    await store.putSubscription(subscription('sub-b'));
    expect(await store.deleteSubscription('sub-a', 'fulda')).toBe(false);
    expect(await store.deleteSubscription('sub-a', 'giessen-integrationsbuero')).toBe(true);
    expect(await store.deleteSubscription('sub-a', 'giessen-integrationsbuero')).toBe(false);
    expect(await store.deleteSubscription('sub-none', 'giessen-integrationsbuero')).toBe(false);
    expect((await store.listSubscriptions()).map((s) => s.subscriptionId)).toEqual(['sub-b']);
  });
});

describe('delivery records', () => {
  it('say what was delivered to whom, per finding and subscription', async () => {
    const { store } = await fresh();
    expect(await store.wasDelivered('evt-1', 'sub-a')).toBe(false);
    await store.recordDelivery({ eventId: 'evt-1', subscriptionId: 'sub-a', status: 204, deliveredAt: '2012-03-01T10:00:00.000Z' });
    expect(await store.wasDelivered('evt-1', 'sub-a')).toBe(true);
    expect(await store.wasDelivered('evt-1', 'sub-b')).toBe(false);
    expect(await store.wasDelivered('evt-2', 'sub-a')).toBe(false);
  });

  it('are read strongly consistent, so that a retry right after a delivery sees its record (the embedded store is always consistent; DynamoDB is not)', async () => {
    const reads: unknown[] = [];
    const client: Documents = {
      call(operation, input) {
        if (operation === 'GetItem') reads.push((input as { ConsistentRead?: boolean }).ConsistentRead);
        return db.documents.call(operation, input);
      },
    };
    const store = createSubscriptionStore({ client, tableName: await db.freshTable() });
    await store.wasDelivered('evt-1', 'sub-a');
    expect(reads).toEqual([true]);
  });

  it('are not subscriptions, and a second record of the same delivery is no error', async () => {
    const { store } = await fresh();
    const delivery = { eventId: 'evt-1', subscriptionId: 'sub-a', status: 200, deliveredAt: '2012-03-01T10:00:00.000Z' };
    await store.recordDelivery(delivery);
    await expect(store.recordDelivery({ ...delivery, status: 202 })).resolves.toBeUndefined();
    expect(await store.listSubscriptions()).toEqual([]);
  });
});
