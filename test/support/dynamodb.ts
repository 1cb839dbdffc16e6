// Starts the embedded DynamoDB-compatible store (dynalite) on a free port for a test file, or
// uses TEST_DYNAMODB_ENDPOINT (e.g. a moto_server) when set. Each call gets a table of its own.
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startEmbeddedStore } from '../../packages/local/src/embedded-store';
import { type Documents, dynamoDocuments, ensureTable } from '@modellregionen/store';

export interface TestStore {
  readonly endpoint: string;
  readonly tableName: string;
  readonly client: DynamoDBClient;
  /** The AWS SDK's document client, for tests that read or write the table behind the stores' backs. */
  readonly doc: DynamoDBDocumentClient;
  /** What the stores call, as the functions call it. */
  readonly documents: Documents;
  /** A client of its own (with its own middleware stack) for the same server. */
  newClient(): DynamoDBClient;
  /** Creates another empty table on the same server, for tests that need many clean runs. */
  freshTable(): Promise<string>;
  stop(): Promise<void>;
}

export const startTestStore = async (): Promise<TestStore> => {
  let endpoint = process.env.TEST_DYNAMODB_ENDPOINT;
  let close = async () => {};
  if (endpoint === undefined) {
    const embedded = await startEmbeddedStore({ port: 0 });
    endpoint = embedded.endpoint;
    close = embedded.stop;
  }
  const url = endpoint;
  const newClient = () =>
    new DynamoDBClient({
      endpoint: url,
      region: 'eu-central-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
  const client = newClient();
  const tables: string[] = [];
  const freshTable = async () => {
    const name = `test-${randomUUID()}`;
    await ensureTable(client, name);
    tables.push(name);
    return name;
  };
  const tableName = await freshTable();
  return {
    endpoint,
    tableName,
    client,
    doc: DynamoDBDocumentClient.from(client),
    documents: dynamoDocuments({ endpoint: url, region: 'eu-central-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
    freshTable,
    newClient,
    async stop() {
      for (const TableName of tables) await client.send(new DeleteTableCommand({ TableName })).catch(() => undefined);
      client.destroy();
      await close();
    },
  };
};
