// Seeds tables in helper processes, so that the seeding's clients (the SDK's work per call is
// most of a report's cost on this side) use every core the machine has.
import { type Helper, startHelper } from './child-process';
import type { SeedPlan } from './workload/workloads';

export interface SeedTask {
  readonly endpoint: string;
  readonly tableName: string;
  readonly plan: SeedPlan;
  /** This process's part of the plan's regions: every `parts`-th, from the `part`-th. */
  readonly part: number;
  readonly parts: number;
  /** Reports per call of the aggregator (one large SQS-like batch). */
  readonly chunkSize: number;
  readonly chunksInFlight: number;
  /** Store calls in flight per region (the aggregator's concurrency). */
  readonly callsInFlight: number;
}

export interface SeedPartOutcome {
  readonly events: number;
  readonly accepted: number;
}

export interface SeedOutcome extends SeedPartOutcome {
  readonly seconds: number;
}

/** Large chunks: a region's time index is written once per chunk. */
const CHUNK = { chunkSize: 4_000, chunksInFlight: 3, callsInFlight: 16 } as const;

export const startSeeders = async (processes: number) => {
  const helpers: Helper[] = (await Promise.all(Array.from({ length: processes }, () => startHelper<unknown>('./seed-process.ts')))).map((h) => h.helper);
  return {
    /** Seeds the table with the plan; every report must be accepted. */
    async seed(endpoint: string, tableName: string, plan: SeedPlan): Promise<SeedOutcome> {
      const started = performance.now();
      const parts = await Promise.all(
        helpers.map((helper, part) => helper.request<SeedPartOutcome>({ endpoint, tableName, plan, part, parts: helpers.length, ...CHUNK } satisfies SeedTask)),
      );
      const events = parts.reduce((n, p) => n + p.events, 0);
      const accepted = parts.reduce((n, p) => n + p.accepted, 0);
      if (accepted !== events) throw new Error(`seeding accepted ${accepted} of ${events} reports`);
      return { events, accepted, seconds: (performance.now() - started) / 1000 };
    },
    cpuSeconds: async () => (await Promise.all(helpers.map((h) => h.cpuSeconds()))).reduce((a, b) => a + b, 0),
    stop: () => Promise.all(helpers.map((h) => h.stop())).then(() => undefined),
  };
};
