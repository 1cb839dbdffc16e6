import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type Documents, dynamoDocuments, ensureTable } from '@modellregionen/store';
import { startHelper } from './child-process';

/** A client of the bench's store: a plain SDK client, so that slow answers under load wait rather than fail. */
const storeClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({ endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' }, maxAttempts: 3 });

/** What the stores call on the bench's store: as the functions call it, only waiting longer for answers under load. */
export const storeDocuments = (endpoint: string): Documents =>
  dynamoDocuments({
    endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    limits: { connectionTimeoutMs: 10_000, requestTimeoutMs: 120_000, maxAttempts: 3 },
  });

/** The embedded store in its own process, with a table per workload. */
export const startBenchStore = async () => {
  const { helper, ready } = await startHelper<{ endpoint: string }>('./store-process.ts');
  const { endpoint } = ready;
  const admin = storeClient(endpoint);
  return {
    endpoint,
    /** The stores' calls on it (wrap them in `meteredDocuments` to count only those). */
    newDocuments: () => storeDocuments(endpoint),
    /** An AWS SDK client with a middleware stack of its own (a meter on it counts only its own calls). */
    newClient: () => storeClient(endpoint),
    async createTable(purpose: string): Promise<string> {
      const name = `bench-${purpose}-${randomUUID().slice(0, 8)}`;
      await ensureTable(admin, name);
      return name;
    },
    /** Drops a workload's table, so that the store's memory holds one large workload at a time. */
    async dropTable(name: string): Promise<void> {
      await admin.send(new DeleteTableCommand({ TableName: name }));
    },
    cpuSeconds: () => helper.cpuSeconds(),
    async stop(): Promise<void> {
      admin.destroy();
      await helper.stop();
    },
  };
};
export type BenchStore = Awaited<ReturnType<typeof startBenchStore>>;
