import { conditionHeld } from './conditional-write';
import type { Documents } from './documents';
import { deliveryPk, SUBSCRIPTIONS_PK, subscriptionSk } from './keys';
import type { SubscriptionStore } from './ports';
import { queryAll } from './query-all';

/** Subscriptions and delivery records on DynamoDB. */
export const createSubscriptionStore = (options: { client: Documents; tableName: string }): SubscriptionStore => {
  const { client, tableName } = options;
  return {
    async putSubscription(s) {
      await client.call('PutItem', {
        TableName: tableName,
        // Stryker disable next-line StringLiteral: nothing reads an item's type; it names the item to people reading the table
        Item: { pk: SUBSCRIPTIONS_PK, sk: subscriptionSk(s.subscriptionId), type: 'subscription', ...s, fieldsOfAction: [...s.fieldsOfAction] },
        ConditionExpression: 'attribute_not_exists(pk)',
      });
    },

    /** Every subscription (one partition; the programme has tens of municipalities, not millions). */
    listSubscriptions: async () =>
      (await queryAll(client, { TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': SUBSCRIPTIONS_PK } })).map(
        (i) => ({
          subscriptionId: String(i.subscriptionId),
          subscriber: String(i.subscriber),
          municipality: String(i.municipality),
          callbackUrl: String(i.callbackUrl),
          fieldsOfAction: (i.fieldsOfAction as string[] | undefined) ?? [],
          secret: String(i.secret),
          createdAt: String(i.createdAt),
        }),
      ),

    deleteSubscription: (subscriptionId, subscriber) =>
      conditionHeld(
        client.call('DeleteItem', {
          TableName: tableName,
          Key: { pk: SUBSCRIPTIONS_PK, sk: subscriptionSk(subscriptionId) },
          ConditionExpression: 'subscriber = :s',
          ExpressionAttributeValues: { ':s': subscriber },
        }),
      ),

    async wasDelivered(eventId, subscriptionId) {
      const { Item } = await client.call('GetItem', {
        TableName: tableName,
        Key: { pk: deliveryPk(eventId), sk: subscriptionSk(subscriptionId) },
        ConsistentRead: true,
      });
      return Item !== undefined;
    },

    async recordDelivery(input) {
      // False when a concurrent delivery recorded it first: the same record.
      await conditionHeld(
        client.call('PutItem', {
          TableName: tableName,
          // Stryker disable next-line StringLiteral: nothing reads an item's type; it names the item to people reading the table
          Item: { pk: deliveryPk(input.eventId), sk: subscriptionSk(input.subscriptionId), type: 'delivery', ...input },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
  };
};
