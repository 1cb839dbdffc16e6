// A seeding process: fills a table through the aggregation pipeline (the real aggregator and the
// DynamoDB report store) with its part of a seed plan, in large batches, several in flight. Not
// measured: it only makes the state the measured batches and reads meet.
import { createAggregator } from '@modellregionen/aggregation';
import { createReportStore } from '@modellregionen/store';
import { serveRequests } from './child-process';
import { inParallel } from './parallel';
import { storeDocuments } from './store';
import type { SeedTask, SeedPartOutcome } from './seeding';
import { asMessage, seedRegions, seedReports } from './workload/workloads';

const seedPart = async (task: SeedTask): Promise<SeedPartOutcome> => {
  const store = createReportStore({ client: storeDocuments(task.endpoint), tableName: task.tableName });
  const aggregator = createAggregator({ store, publisher: { publish: async () => {} }, concurrency: task.callsInFlight });
  // The regions are dealt to the processes, never a region's chunks: a region has one writer
  // (the queue's message group), and a second one would be refused by the time index.
  const regions = seedRegions(task.plan).filter((_, r) => r % task.parts === task.part);
  const perRegion = regions.map((regionId) => {
    const events = seedReports(task.plan, regionId);
    return Array.from({ length: Math.ceil(events.length / task.chunkSize) }, (_, i) => events.slice(i * task.chunkSize, (i + 1) * task.chunkSize));
  });
  // A chunk of each region in turn, so that the regions are seeded side by side (a region's
  // chunks wait for each other in the aggregator).
  const rounds = Math.max(0, ...perRegion.map((chunks) => chunks.length));
  const mine = Array.from({ length: rounds }, (_, i) => perRegion.flatMap((c) => (i < c.length ? [c[i]!] : []))).flat();
  let events = 0;
  let accepted = 0;
  await inParallel(mine, task.chunksInFlight, async (chunk) => {
    const outcome = await aggregator.processMessages(chunk.map(asMessage));
    if (outcome.failed.length > 0) throw new Error(`${outcome.failed.length} of ${chunk.length} reports failed while seeding`);
    events += chunk.length;
    accepted += outcome.applied + outcome.stale;
  });
  return { events, accepted };
};

serveRequests({ ready: true }, (message) => seedPart(message as SeedTask));
