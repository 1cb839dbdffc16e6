// A seeding process: fills a table through the aggregation pipeline (the real aggregator and the
// DynamoDB report store) with its part of a seed plan, in large batches, several in flight. Not
// measured: it only makes the state the measured batches and reads meet.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAggregator } from '@modellregionen/aggregation';
import { createReportStore } from '@modellregionen/store';
import { serveRequests } from './child-process';
import { inParallel } from './parallel';
import { storeClient } from './store';
import type { SeedTask, SeedPartOutcome } from './seeding';
import { asMessage, seedRegions, seedReports } from './workload/workloads';

const seedPart = async (task: SeedTask): Promise<SeedPartOutcome> => {
  const client = storeClient(task.endpoint);
  try {
    const store = createReportStore({ client: DynamoDBDocumentClient.from(client), tableName: task.tableName });
    const aggregator = createAggregator({ store, publisher: { publish: async () => {} }, concurrency: task.callsInFlight });
    // The regions are dealt to the processes; a single region's chunks are.
    const regions = seedRegions(task.plan);
    const dealRegions = regions.length >= task.parts;
    const perRegion = regions
      .filter((_, r) => !dealRegions || r % task.parts === task.part)
      .map((regionId) => {
        const events = seedReports(task.plan, regionId);
        return Array.from({ length: Math.ceil(events.length / task.chunkSize) }, (_, i) => events.slice(i * task.chunkSize, (i + 1) * task.chunkSize));
      });
    // A chunk of each region in turn, so that the regions are seeded side by side.
    const rounds = Math.max(0, ...perRegion.map((chunks) => chunks.length));
    const chunks = Array.from({ length: rounds }, (_, i) => perRegion.flatMap((c) => (i < c.length ? [c[i]!] : []))).flat();
    const mine = dealRegions ? chunks : chunks.filter((_, i) => i % task.parts === task.part);
    let events = 0;
    let accepted = 0;
    await inParallel(mine, task.chunksInFlight, async (chunk) => {
      const outcome = await aggregator.processMessages(chunk.map(asMessage));
      if (outcome.failed.length > 0) throw new Error(`${outcome.failed.length} of ${chunk.length} reports failed while seeding`);
      events += chunk.length;
      accepted += outcome.applied + outcome.stale;
    });
    return { events, accepted };
  } finally {
    client.destroy();
  }
};

serveRequests({ ready: true }, (message) => seedPart(message as SeedTask));
