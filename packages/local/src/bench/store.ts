import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '@modellregionen/store';
import { startHelper } from './child-process';

/** A client of the bench's store: a plain SDK client, so that slow answers under load wait rather than fail. */
export const storeClient = (endpoint: string): DynamoDBClient =>
  new DynamoDBClient({ endpoint, region: 'eu-central-1', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' }, maxAttempts: 3 });

/** The embedded store in its own process, with a table per workload. */
export const startBenchStore = async () => {
  const { helper, ready } = await startHelper<{ endpoint: string }>('./store-process.ts');
  const { endpoint } = ready;
  const admin = storeClient(endpoint);
  return {
    endpoint,
    /** A client with a middleware stack of its own (a meter on it counts only its own calls). */
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
