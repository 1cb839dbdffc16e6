import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';

/**
 * The one table's key schema. The CDK stack, the local runtime and the tests all build the table
 * from this definition; `keys.ts` says which item lives under which key.
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const DEFAULT_TABLE_NAME = 'modellregionen';

const createTableInput = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  AttributeDefinitions: [
    { AttributeName: TABLE_KEYS.partitionKey, AttributeType: 'S' },
    { AttributeName: TABLE_KEYS.sortKey, AttributeType: 'S' },
  ],
  KeySchema: [
    { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
    { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
  ],
  BillingMode: 'PAY_PER_REQUEST',
});

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

/** The table's status, or undefined when there is no such table. */
const statusOf = async (client: DynamoDBClient, tableName: string): Promise<string | undefined> => {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // Stryker disable next-line OptionalChaining: DescribeTable answers with the table's description whenever it answers
    return Table?.TableStatus;
  } catch (err) {
    if (err instanceof ResourceNotFoundException) return undefined;
    throw err;
  }
};

/**
 * Creates the table unless it exists, and waits until it is active. A table still being deleted
 * is waited out and created anew.
 */
export const ensureTable = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const status = await statusOf(client, tableName);
    if (status === 'ACTIVE') return;
    if (status === undefined) {
      try {
        await client.send(new CreateTableCommand(createTableInput(tableName)));
      } catch (err) {
        if (!(err instanceof ResourceInUseException)) throw err;
      }
    }
    await pause();
  }
  throw new Error(`table ${tableName} did not become active`);
};
