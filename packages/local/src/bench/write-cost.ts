// The capacity the aggregation pipeline consumes for measured batches, as DynamoDB reports it
// (ReturnConsumedCapacity on every call of the store's client), one batch after another as one
// consumer of the queue takes them.
import { createAggregator } from '@modellregionen/aggregation';
import { CapacityMeter, createReportStore, meteredDocuments } from '@modellregionen/store';
import type { BenchStore } from './store';
import type { BenchEvent } from './workload/region-stream';
import { asMessage } from './workload/workloads';

export interface WriteCost {
  readonly reports: number;
  readonly writeUnits: number;
  readonly readUnits: number;
  /** Writes refused by their condition: DynamoDB bills them, but reports no capacity for them. */
  readonly failedConditionalWrites: number;
}

/** What the batches cost: all of their reports must be accepted (`new`), or all be redeliveries (`redelivered`). */
export const measureBatches = async (
  store: BenchStore,
  tableName: string,
  batches: readonly BenchEvent[][],
  expect: 'new' | 'redelivered',
): Promise<WriteCost> => {
  const meter = new CapacityMeter();
  const doc = meteredDocuments(store.newDocuments(), meter);
  const aggregator = createAggregator({ store: createReportStore({ client: doc, tableName }), publisher: { publish: async () => {} } });
  let reports = 0;
  for (const batch of batches) {
    const outcome = await aggregator.processMessages(batch.map(asMessage));
    const counted = expect === 'new' ? outcome.applied + outcome.stale : outcome.duplicates;
    if (outcome.failed.length > 0 || counted !== batch.length) {
      throw new Error(`a measured batch of ${batch.length} ${expect} reports came out as ${JSON.stringify(outcome)}`);
    }
    reports += batch.length;
  }
  return { reports, writeUnits: meter.writeUnits, readUnits: meter.readUnits, failedConditionalWrites: meter.failedConditionalWrites };
};
