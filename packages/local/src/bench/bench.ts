// `npm run bench`: the cost and speed figures of SPEC section 7, measured in one run on this
// machine against the embedded store, and the acceptance bars they are held to. It measures
// through the product's public interfaces only (the aggregator, the report store, the API's
// handler), never the table's item layout, so that it measures any write path the same way.
import { loadavg } from 'node:os';
import { AS_OF, type BenchOptions, FULL, SHORT } from './bench-options';
import { measureBaseline } from './baseline-cost';
import { type BundleFigures, measureBundles } from './bundles';
import { measureColdImports } from './import-probe';
import { cpuSecondsOfThisProcess } from './child-process';
import { thisMachine } from './machine';
import { startApiReads } from './read-cost';
import { type BenchResults, barsOf, type BySize, type Figures } from './results';
import { startSeeders } from './seeding';
import { startBenchStore } from './store';
import { measureThroughput } from './throughput';
import { MODEL_REGIONS } from './workload/templates';
import { MEASURED_REGION, measuredBatches, mixedBatches } from './workload/workloads';
import { measureBatches, type WriteCost } from './write-cost';

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
const units = (n: number) => round(n, 4);

const modeOf = (o: BenchOptions): BenchResults['run']['mode'] => {
  const same = (preset: typeof FULL | typeof SHORT) =>
    JSON.stringify([o.regionSizes, o.historySizes, o.measuredBatches, o.throughputEvents, o.concurrency]) ===
    JSON.stringify([preset.regionSizes, preset.historySizes, preset.measuredBatches, preset.throughputEvents, preset.concurrency]);
  return same(FULL) ? 'full' : same(SHORT) ? 'short' : 'custom';
};

export const runBench = async (options: BenchOptions): Promise<BenchResults> => {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const loadAtStart = loadavg()[0]!;
  const since = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;
  const seeded: { workload: string; events: number; seconds: number }[] = [];
  const store = await startBenchStore();
  const seeders = await startSeeders(options.seedProcesses);
  try {
    // 1. Throughput first, while the store is empty.
    let t = performance.now();
    const throughput = await measureThroughput(store, options.throughputEvents, options.concurrency);
    log(`throughput: ${throughput.rawStorePutsPerSecond.toFixed(0)} PutItem/s, ${throughput.ingestEventsPerSecond.toFixed(0)} reports/s (${since(t)})`);

    // 2. Writes: the same measured batches on regions of each size.
    const batches = measuredBatches(options.measuredBatches);
    const wcuBySize: BySize = {};
    const rcuBySize: BySize = {};
    let first: { accepted: WriteCost; mixed: WriteCost; duplicate: WriteCost } | undefined;
    for (const [i, size] of options.regionSizes.entries()) {
      t = performance.now();
      const table = await store.createTable(`region-${size}`);
      // The first size is the demo's scale: every region holds as much, for the mixed batches too.
      const seed = await seeders.seed(store.endpoint, table, { kind: 'regions', regionIds: i === 0 ? MODEL_REGIONS : [MEASURED_REGION], items: size });
      seeded.push({ workload: i === 0 ? `six regions of ${size} items` : `a region of ${size} items`, events: seed.events, seconds: round(seed.seconds, 1) });
      const accepted = await measureBatches(store, table, batches, 'new');
      wcuBySize[String(size)] = units(accepted.writeUnits / accepted.reports);
      rcuBySize[String(size)] = units(accepted.readUnits / accepted.reports);
      if (i === 0) {
        const duplicate = await measureBatches(store, table, batches.slice(0, 1), 'redelivered');
        const mixed = await measureBatches(store, table, mixedBatches(options.measuredBatches), 'new');
        first = { accepted, mixed, duplicate };
      }
      await store.dropTable(table);
      log(
        `region of ${size} items: ${wcuBySize[String(size)]} WCU, ${rcuBySize[String(size)]} RCU per report (seeded ${seed.events} reports in ${seed.seconds.toFixed(1)} s; ${since(t)})`,
      );
    }
    if (first === undefined) throw new Error('no region size to measure');

    t = performance.now();
    const baseline = await measureBaseline(store, options.regionSizes[0]!, batches);
    log(`baseline: ${(baseline.accepted.writeUnits / baseline.accepted.reports).toFixed(2)} WCU per report (${since(t)})`);

    // 3. Reads: the competence circle now and as of the mid-term review, on histories of each size.
    const reads = await startApiReads(store);
    const circle: BySize = {};
    const asOf: BySize = {};
    for (const size of options.historySizes) {
      t = performance.now();
      const table = await store.createTable(`history-${size}`);
      const seed = await seeders.seed(store.endpoint, table, { kind: 'history', events: size, name: `history-${size}` });
      seeded.push({ workload: `a history of ${size} reports`, events: seed.events, seconds: round(seed.seconds, 1) });
      circle[String(size)] = units(await reads.competenceCircle(table));
      asOf[String(size)] = units(await reads.competenceCircle(table, AS_OF));
      await store.dropTable(table);
      log(
        `history of ${size} reports: ${circle[String(size)]} RCU per competence-circle read, ${asOf[String(size)]} RCU as of ${AS_OF} (seeded in ${seed.seconds.toFixed(1)} s; ${since(t)})`,
      );
    }

    // 4. Bundles.
    t = performance.now();
    const measured = options.bundles ? measureBundles() : undefined;
    const bundles: Record<string, BundleFigures> = measured?.bundles ?? {};
    const bare = measured?.bareNodeMs ?? measureColdImports([]).bareNodeMs;
    if (options.bundles)
      log(
        `bundles: ${Object.entries(bundles)
          .map(([n, b]) => `${n} ${(b.bytes / 1024).toFixed(0)} KB ${b.coldImportMs} ms`)
          .join(', ')} (${since(t)})`,
      );

    const cpuSeconds = cpuSecondsOfThisProcess() + (await store.cpuSeconds()) + (await seeders.cpuSeconds());
    const per = (cost: WriteCost, value: number) => units(value / cost.reports);
    const figures: Figures = {
      wcuPerAcceptedEvent: per(first.accepted, first.accepted.writeUnits),
      rcuPerAcceptedEvent: per(first.accepted, first.accepted.readUnits),
      wcuPerAcceptedEventMixed: per(first.mixed, first.mixed.writeUnits),
      rcuPerAcceptedEventMixed: per(first.mixed, first.mixed.readUnits),
      wcuPerDuplicate: per(first.duplicate, first.duplicate.writeUnits),
      rcuPerDuplicate: per(first.duplicate, first.duplicate.readUnits),
      wcuPerAcceptedEventByRegionSize: wcuBySize,
      rcuPerAcceptedEventByRegionSize: rcuBySize,
      rcuPerCompetenceCircleRead: circle,
      rcuPerAsOfRead: asOf,
      ingestEventsPerSecond: round(throughput.ingestEventsPerSecond, 1),
      rawStorePutsPerSecond: round(throughput.rawStorePutsPerSecond, 1),
      ingestRatio: round(throughput.ingestEventsPerSecond / throughput.rawStorePutsPerSecond, 3),
      baselineWcuPerAcceptedEvent: per(baseline.accepted, baseline.accepted.writeUnits),
      baselineRcuPerAcceptedEvent: per(baseline.accepted, baseline.accepted.readUnits),
      baselineWcuPerDuplicate: per(baseline.duplicate, baseline.duplicate.writeUnits),
      bundles,
      bareNodeMs: bare,
      machine: thisMachine(),
      run: {
        mode: modeOf(options),
        regionSizes: options.regionSizes,
        historySizes: options.historySizes,
        measuredReports: first.accepted.reports,
        asOf: AS_OF,
        throughputEvents: options.throughputEvents,
        concurrency: options.concurrency,
        failedConditionalWrites: {
          perAcceptedEvent: per(first.accepted, first.accepted.failedConditionalWrites),
          perAcceptedEventMixed: per(first.mixed, first.mixed.failedConditionalWrites),
          baselinePerAcceptedEvent: per(baseline.accepted, baseline.accepted.failedConditionalWrites),
        },
        seeded,
        seconds: round((performance.now() - started) / 1000, 1),
        cpuSeconds: round(cpuSeconds, 1),
        loadAverage: { atStart: round(loadAtStart, 2), atEnd: round(loadavg()[0]!, 2) },
      },
    };
    return { ...figures, bars: barsOf(figures) };
  } finally {
    await seeders.stop();
    await store.stop();
  }
};
