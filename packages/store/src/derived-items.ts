import { type AttributeValue, BatchWriteItemCommand, type DynamoDBClient, ScanCommand, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { DERIVED_PARTITION_PREFIXES } from './keys';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Deletes every item derived from events (see DERIVED_PARTITION_PREFIXES) and keeps the rest, so
 * that a replay of the archive can rebuild them. Returns how many items were deleted. A scan: an
 * operator's command, not a request path.
 */
export const clearDerivedItems = async (client: DynamoDBClient, tableName: string): Promise<number> => {
  const values = Object.fromEntries(DERIVED_PARTITION_PREFIXES.map((p, i) => [`:p${i}`, { S: p }]));
  const filter = DERIVED_PARTITION_PREFIXES.map((_, i) => `begins_with(pk, :p${i})`).join(' OR ');
  let deleted = 0;
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        ProjectionExpression: 'pk, sk',
        FilterExpression: filter,
        ExpressionAttributeValues: values,
        ExclusiveStartKey,
      }),
    );
    // Stryker disable next-line ArrayDeclaration: DynamoDB answers every scan page with its Items, an empty list if none
    const keys = page.Items ?? [];
    // Stryker disable next-line EqualityOperator: a batch that starts at the end of the page is empty and sends nothing
    for (let i = 0; i < keys.length; i += 25) {
      let requests: WriteRequest[] = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests.length > 0; attempt += 1) {
        if (attempt > 0) await pause(Math.min(1_000, 50 * 2 ** attempt));
        const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: requests } }));
        deleted += requests.length - (result.UnprocessedItems?.[tableName]?.length ?? 0);
        requests = result.UnprocessedItems?.[tableName] ?? [];
        if (requests.length > 0 && attempt > 20) throw new Error(`could not delete ${requests.length} derived items of ${tableName}: the store keeps refusing`);
      }
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey !== undefined);
  return deleted;
};
