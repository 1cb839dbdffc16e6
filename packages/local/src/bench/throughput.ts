// Ingestion throughput of the aggregation pipeline next to the store's own PutItem throughput,
// in the same run against the same store, with as many callers at once: a caller sends one
// PutItem after another, or hands the pipeline one batch of ten after another (as one Lambda
// invocation of the SQS queue does).
import { createAggregator } from '@modellregionen/aggregation';
import { createReportStore } from '@modellregionen/store';
import { inParallel } from './parallel';
import type { BenchStore } from './store';
import type { BenchEvent } from './workload/region-stream';
import { asMessage, busyDays } from './workload/workloads';

export interface Throughput {
  readonly events: number;
  readonly concurrency: number;
  readonly rawStorePutsPerSecond: number;
  readonly ingestEventsPerSecond: number;
}

const timed = async (run: () => Promise<void>) => {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
};

export const measureThroughput = async (store: BenchStore, events: number, concurrency: number): Promise<Throughput> => {
  // The raw writes and the pipeline call the store through the same client.
  const doc = store.newDocuments();
  {
    const rawTable = await store.createTable('raw');
    const ingestTable = await store.createTable('ingest');
    const aggregator = createAggregator({ store: createReportStore({ client: doc, tableName: ingestTable }), publisher: { publish: async () => {} } });
    // Reports of busy working days, batched as the FIFO queue hands them out (busyDays).
    const batches = busyDays(events, 'throughput');
    const stream = batches.flat();
    // The warm-up's reports come before them, so that the measured ones are the regions' next.
    const warmUp = busyDays(Math.min(200, events), 'throughput-warm-up', '2013-12-02');
    // Each raw write stores a report as it arrived, as large as the pipeline's own items.
    const put = (e: BenchEvent) =>
      doc.call('PutItem', { TableName: rawTable, Item: { pk: `RAW#${e.source}`, sk: e.id, body: JSON.stringify(e) } }).then(() => undefined);
    const ingest = async (batch: readonly BenchEvent[]) => {
      const outcome = await aggregator.processMessages(batch.map(asMessage));
      if (outcome.failed.length > 0 || outcome.applied + outcome.stale !== batch.length)
        throw new Error(`an ingested batch came out as ${JSON.stringify(outcome)}`);
    };
    // Both paths once untimed, so that neither pays for loading and compiling the client.
    await inParallel(warmUp.flat(), concurrency, put);
    await inParallel(warmUp, concurrency, ingest);
    const rawSeconds = await timed(() => inParallel(stream, concurrency, put));
    const ingestSeconds = await timed(() => inParallel(batches, concurrency, ingest));
    await store.dropTable(rawTable);
    await store.dropTable(ingestTable);
    return { events, concurrency, rawStorePutsPerSecond: events / rawSeconds, ingestEventsPerSecond: events / ingestSeconds };
  }
};
