// What `npm run bench` writes to bench/results.json, and the acceptance bars it is held to.
import type { BundleFigures } from './bundles';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly node: string;
  readonly platform: string;
  readonly date: string;
}

export interface Bar {
  readonly bar: string;
  /** The figure, and what it is held to. */
  readonly value: number;
  readonly limit: number;
  readonly comparison: '<=' | '<' | '>=';
  readonly pass: boolean;
}

/** Capacity units per report, or per read, keyed by region size or history size (as strings, as JSON keys are). */
export type BySize = Record<string, number>;

export interface BenchResults {
  /** Batches of ten new reports from one region of the first region size (the demo's scale): the scalar figures. */
  readonly wcuPerAcceptedEvent: number;
  readonly rcuPerAcceptedEvent: number;
  /** Batches of ten new reports from all six regions. */
  readonly wcuPerAcceptedEventMixed: number;
  readonly rcuPerAcceptedEventMixed: number;
  /** A measured batch delivered again. */
  readonly wcuPerDuplicate: number;
  readonly rcuPerDuplicate: number;
  readonly wcuPerAcceptedEventByRegionSize: BySize;
  readonly rcuPerAcceptedEventByRegionSize: BySize;
  /** `GET /v1/competence-circle`, by the history's size. */
  readonly rcuPerCompetenceCircleRead: BySize;
  /** `GET /v1/competence-circle?asOf=2012-02-29`, by the history's size. */
  readonly rcuPerAsOfRead: BySize;
  readonly ingestEventsPerSecond: number;
  readonly rawStorePutsPerSecond: number;
  readonly ingestRatio: number;
  /** The same batches through a Powertools-idempotent handler with read-modify-write of the item and the region's view. */
  readonly baselineWcuPerAcceptedEvent: number;
  readonly baselineRcuPerAcceptedEvent: number;
  readonly baselineWcuPerDuplicate: number;
  readonly bundles: Record<string, BundleFigures>;
  readonly bareNodeMs: number;
  readonly bars: Bar[];
  readonly machine: Machine;
  readonly run: {
    /** `full` when run with the sizes the bars are stated for. */
    readonly mode: 'full' | 'short' | 'custom';
    readonly regionSizes: readonly number[];
    readonly historySizes: readonly number[];
    readonly measuredReports: number;
    readonly asOf: string;
    readonly throughputEvents: number;
    readonly concurrency: number;
    /** Writes refused by their condition in the measured batches (billed by DynamoDB, not reported as capacity). */
    readonly failedConditionalWrites: { readonly perAcceptedEvent: number; readonly perAcceptedEventMixed: number; readonly baselinePerAcceptedEvent: number };
    readonly seeded: readonly { readonly workload: string; readonly events: number; readonly seconds: number }[];
    /** Wall-clock time of the run. */
    readonly seconds: number;
    /** Processor time of the run, its helper processes included: what it takes on an idle machine, spread over its cores. */
    readonly cpuSeconds: number;
    /** The machine's one-minute load average when the run started and when it ended (other work slows the run, and the throughput figures). */
    readonly loadAverage: { readonly atStart: number; readonly atEnd: number };
  };
}

export type Figures = Omit<BenchResults, 'bars'>;

const KIB = 1024;
const BUNDLE_LIMIT_BYTES = 250 * KIB;
/** What loading a bundle may add to a cold start: CPU time over a bare `node -e ""` of the same run. */
const COLD_IMPORT_LIMIT_MS = 60;
/** How much a cost may grow from the smallest to the largest size and still count as constant. */
const GROWTH_LIMIT = 1.1;

const ends = (bySize: BySize) => {
  const sizes = Object.keys(bySize).sort((a, b) => Number(a) - Number(b));
  return { small: sizes[0]!, large: sizes[sizes.length - 1]! };
};

const bar = (text: string, value: number, comparison: Bar['comparison'], limit: number): Bar => ({
  bar: text,
  value,
  limit,
  comparison,
  pass: comparison === '<=' ? value <= limit : comparison === '<' ? value < limit : value >= limit,
});

const growth = (name: string, unit: string, bySize: BySize): Bar => {
  const { small, large } = ends(bySize);
  return bar(`${name} at ${large} ${unit} at most ${GROWTH_LIMIT}x its value at ${small}`, bySize[large]!, '<=', GROWTH_LIMIT * bySize[small]!);
};

export const barsOf = (f: Figures): Bar[] => [
  growth('rcuPerCompetenceCircleRead', 'events', f.rcuPerCompetenceCircleRead),
  growth('rcuPerAsOfRead', 'events', f.rcuPerAsOfRead),
  growth('rcuPerAcceptedEvent', 'items', f.rcuPerAcceptedEventByRegionSize),
  growth('wcuPerAcceptedEvent', 'items', f.wcuPerAcceptedEventByRegionSize),
  bar('wcuPerAcceptedEvent at most 2.5', f.wcuPerAcceptedEvent, '<=', 2.5),
  bar('wcuPerAcceptedEventMixed at most 3', f.wcuPerAcceptedEventMixed, '<=', 3),
  bar('wcuPerAcceptedEvent below baselineWcuPerAcceptedEvent', f.wcuPerAcceptedEvent, '<', f.baselineWcuPerAcceptedEvent),
  bar('wcuPerAcceptedEventMixed below baselineWcuPerAcceptedEvent', f.wcuPerAcceptedEventMixed, '<', f.baselineWcuPerAcceptedEvent),
  ...Object.entries(f.bundles).map(([name, b]) => bar(`bundle ${name} at most 250 KB (bytes)`, b.bytes, '<=', BUNDLE_LIMIT_BYTES)),
  ...Object.entries(f.bundles).map(([name, b]) =>
    bar(
      `bundle ${name} cold import at most ${COLD_IMPORT_LIMIT_MS} ms above a bare node (ms)`,
      Math.round((b.coldImportMs - f.bareNodeMs) * 10) / 10,
      '<=',
      COLD_IMPORT_LIMIT_MS,
    ),
  ),
  bar('ingestRatio at least 0.5', f.ingestRatio, '>=', 0.5),
];
