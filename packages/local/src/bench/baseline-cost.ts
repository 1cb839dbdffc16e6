// The baseline's cost: the same measured batches through the handler a team would otherwise
// write (bench/baseline), on a region of the same size built through that handler first.
import { CapacityMeter, meterCapacity } from '@modellregionen/store';
import { createBaselineHandler, createBaselineTables } from '../../../../bench/baseline/idempotent-handler';
import type { BenchStore } from './store';
import type { BenchEvent } from './workload/region-stream';
import { asMessage, MEASURED_REGION, regionOfSize } from './workload/workloads';
import type { WriteCost } from './write-cost';

export const measureBaseline = async (
  store: BenchStore,
  regionSize: number,
  batches: readonly BenchEvent[][],
): Promise<{ accepted: WriteCost; duplicate: WriteCost }> => {
  const setup = store.newClient();
  const tables = await createBaselineTables(setup, `bench-baseline-${Date.now()}`);
  const seed = regionOfSize(MEASURED_REGION, regionSize).map(asMessage);
  const seeding = createBaselineHandler(setup, tables);
  for (let i = 0; i < seed.length; i += 10) await seeding.processMessages(seed.slice(i, i + 10));
  setup.destroy();

  const meter = new CapacityMeter();
  const client = store.newClient();
  meterCapacity(client, meter);
  const handler = createBaselineHandler(client, tables);
  let reports = 0;
  for (const batch of batches) {
    const counts = await handler.processMessages(batch.map(asMessage));
    if (counts.applied + counts.stale !== batch.length) throw new Error(`the baseline did not accept a measured batch: ${JSON.stringify(counts)}`);
    reports += batch.length;
  }
  const accepted: WriteCost = { reports, writeUnits: meter.writeUnits, readUnits: meter.readUnits, failedConditionalWrites: meter.failedConditionalWrites };
  meter.reset();
  await handler.processMessages(batches[0]!.map(asMessage));
  const duplicate: WriteCost = {
    reports: batches[0]!.length,
    writeUnits: meter.writeUnits,
    readUnits: meter.readUnits,
    failedConditionalWrites: meter.failedConditionalWrites,
  };
  client.destroy();
  await store.dropTable(tables.state);
  await store.dropTable(tables.idempotency);
  return { accepted, duplicate };
};
