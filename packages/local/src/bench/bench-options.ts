export interface BenchOptions {
  /** Items the measured region holds before the measured batches, one table per size (the first size also measures the mixed batches). */
  readonly regionSizes: readonly number[];
  /** Reports of the six model regions a table holds before its reads are measured, one table per size. */
  readonly historySizes: readonly number[];
  /** Batches of ten per measured write figure. */
  readonly measuredBatches: number;
  /** Reports for the throughput figures (and as many raw PutItem calls). */
  readonly throughputEvents: number;
  /** Callers at once in the throughput figures: PutItem calls, or batches of ten. */
  readonly concurrency: number;
  /** Processes that seed the tables. */
  readonly seedProcesses: number;
  /** Bundle the functions as the stack does and time their cold import (fresh processes). */
  readonly bundles: boolean;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

/** The figures the acceptance bars are stated for: `npm run bench`. */
export const FULL = {
  regionSizes: [100, 1_000, 10_000],
  historySizes: [1_000, 10_000, 100_000],
  measuredBatches: 20,
  throughputEvents: 3_000,
  concurrency: 4,
} as const;

/** A quick look at the same figures, at a tenth of the largest sizes: `npm run bench -- --short`. */
export const SHORT = {
  regionSizes: [100, 1_000],
  historySizes: [1_000, 10_000],
  measuredBatches: 10,
  throughputEvents: 1_000,
  concurrency: 4,
} as const;

/** The date of the as-of reads: the mid-term review's cutoff. */
export const AS_OF = '2012-02-29';
