import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { deliveryPk, SUBSCRIPTIONS_PK, subscriptionSk } from './keys';
import { isConditionFailure } from './region-store';

/** A municipality's webhook for new findings. */
export interface Subscription {
  readonly subscriptionId: string;
  /** The token subject that created it. */
  readonly subscriber: string;
  readonly municipality: string;
  readonly callbackUrl: string;
  /** Only findings in these fields of action; all when empty. */
  readonly fieldsOfAction: readonly string[];
  /** The HMAC-SHA256 key deliveries are signed with (shown to the subscriber once). */
  readonly secret: string;
  readonly createdAt: string;
}

/** Subscriptions and the record of what was delivered to whom (so a retry skips the done ones). */
export const createSubscriptionStore = (options: { client: DynamoDBDocumentClient; tableName: string }) => {
  const { client, tableName } = options;
  return {
    async putSubscription(s: Subscription): Promise<void> {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: SUBSCRIPTIONS_PK, sk: subscriptionSk(s.subscriptionId), type: 'subscription', ...s, fieldsOfAction: [...s.fieldsOfAction] },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** Every subscription (one partition; the programme has tens of municipalities, not millions). */
    async listSubscriptions(): Promise<Subscription[]> {
      const out: Subscription[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': SUBSCRIPTIONS_PK },
            ExclusiveStartKey,
          }),
        );
        for (const i of page.Items ?? []) {
          out.push({
            subscriptionId: String(i.subscriptionId),
            subscriber: String(i.subscriber),
            municipality: String(i.municipality),
            callbackUrl: String(i.callbackUrl),
            fieldsOfAction: (i.fieldsOfAction as string[] | undefined) ?? [],
            secret: String(i.secret),
            createdAt: String(i.createdAt),
          });
        }
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey !== undefined);
      return out;
    },

    /** Deletes a subscription if `subscriber` owns it; false when there is none of theirs. */
    async deleteSubscription(subscriptionId: string, subscriber: string): Promise<boolean> {
      try {
        await client.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { pk: SUBSCRIPTIONS_PK, sk: subscriptionSk(subscriptionId) },
            ConditionExpression: 'subscriber = :s',
            ExpressionAttributeValues: { ':s': subscriber },
          }),
        );
        return true;
      } catch (err) {
        if (isConditionFailure(err)) return false;
        throw err;
      }
    },

    async wasDelivered(eventId: string, subscriptionId: string): Promise<boolean> {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: { pk: deliveryPk(eventId), sk: subscriptionSk(subscriptionId) }, ConsistentRead: true }),
      );
      return Item !== undefined;
    },

    async recordDelivery(input: { eventId: string; subscriptionId: string; status: number; deliveredAt: string }): Promise<void> {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { pk: deliveryPk(input.eventId), sk: subscriptionSk(input.subscriptionId), type: 'delivery', ...input },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (err) {
        if (!isConditionFailure(err)) throw err;
      }
    },
  };
};
export type SubscriptionStore = ReturnType<typeof createSubscriptionStore>;
