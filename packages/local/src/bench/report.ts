// bench/RESULTS.md: the figures of a run, the acceptance bars with pass or fail, and how to
// measure again.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResults, BySize } from './results';

const n = (x: number, digits = 2) => x.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const kb = (bytes: number) => `${n(bytes / 1024, 1)} KB`;
const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const sizes = (bySize: BySize) => Object.keys(bySize).sort((a, b) => Number(a) - Number(b));

const COMMAND: Readonly<Record<BenchResults['run']['mode'], string>> = {
  full: 'npm run bench',
  short: 'npm run bench -- --short',
  custom: 'npm run bench -- <the options of this run>',
};

const renderReport = (r: BenchResults): string => {
  const { run, machine } = r;
  const bars = table(
    ['bar', 'figure', 'limit', 'result'],
    r.bars.map((b) => [b.bar, n(b.value, 4), `${b.comparison} ${n(b.limit, 4)}`, b.pass ? 'pass' : '**FAIL**']),
  );
  const bundles = Object.entries(r.bundles);
  return `# Bench results

Measured by \`${COMMAND[run.mode]}\` (${run.mode} run) on ${machine.date.slice(0, 10)}: ${machine.cpu},
${machine.cores} cores, Node ${machine.node}, ${machine.platform}. The run took ${n(run.seconds, 0)} s and
${n(run.cpuSeconds, 0)} s of processor time in all its processes, with a load average of
${n(run.loadAverage.atStart, 1)} when it started and ${n(run.loadAverage.atEnd, 1)} when it ended (other work on the
machine slows it, and lowers the throughput figures). The store is the
embedded one (dynalite, in memory, in a process of its own); capacity units are what it reports
with \`ReturnConsumedCapacity\` on every call, counted by \`CapacityMeter\` (\`packages/store\`).
The figures are in \`bench/results.json\`.

## Acceptance bars

${bars}

${r.bars.every((b) => b.pass) ? 'Every bar passes.' : `${r.bars.filter((b) => !b.pass).length} of ${r.bars.length} bars fail.`}

## Writes: capacity per accepted report

Batches of ten reports, one after another, through \`createAggregator(...).processMessages\` with
the DynamoDB report store. The reports follow the demo history's mix of milestones, projects
(with funding lines), indicator values and findings, new items and later reports of the same
items alike. They are the region's next reports after everything it holds, each batch one working
day's reports (a coordinator's session, an indicator table imported at once), one working day
after another, as the queue delivers them in ordinary operation; a report made before reports the
region already holds (a late one) takes a longer path (docs/data-model.md) and is not what these
figures measure. The plain keys (\`wcuPerAcceptedEvent\`, \`rcuPerAcceptedEvent\`, ...) are scalars:
the figures on a region of ${run.regionSizes[0]} items (the demo's regions hold 59 to 84), the same as
the first entry of the \`...ByRegionSize\` objects.

${table(
  ['workload', 'WCU per report', 'RCU per report'],
  [
    [
      `${run.measuredReports / 10} batches of 10 new reports from one region (\`wcuPerAcceptedEvent\`)`,
      n(r.wcuPerAcceptedEvent, 3),
      n(r.rcuPerAcceptedEvent, 3),
    ],
    [
      `${run.measuredReports / 10} batches of 10 new reports from six regions (\`wcuPerAcceptedEventMixed\`)`,
      n(r.wcuPerAcceptedEventMixed, 3),
      n(r.rcuPerAcceptedEventMixed, 3),
    ],
    ['a batch of 10 delivered again (`wcuPerDuplicate`)', n(r.wcuPerDuplicate, 3), n(r.rcuPerDuplicate, 3)],
    [
      `baseline: Powertools idempotency and read-modify-write (\`baselineWcuPerAcceptedEvent\`)`,
      n(r.baselineWcuPerAcceptedEvent, 3),
      n(r.baselineRcuPerAcceptedEvent, 3),
    ],
    ['baseline, the batch delivered again (`baselineWcuPerDuplicate`)', n(r.baselineWcuPerDuplicate, 3), ''],
  ],
)}

Writes refused by their condition are billed by DynamoDB but reported without capacity; per
accepted report there were ${n(run.failedConditionalWrites.perAcceptedEvent, 3)} (one region),
${n(run.failedConditionalWrites.perAcceptedEventMixed, 3)} (six regions) and
${n(run.failedConditionalWrites.baselinePerAcceptedEvent, 3)} (baseline).

### By the size of the region (\`wcuPerAcceptedEventByRegionSize\`, \`rcuPerAcceptedEventByRegionSize\`)

The same ${run.measuredReports} reports, on a region that held this many items before them:

${table(
  ['items in the region', 'WCU per report', 'RCU per report'],
  sizes(r.wcuPerAcceptedEventByRegionSize).map((s) => [s, n(r.wcuPerAcceptedEventByRegionSize[s]!, 3), n(r.rcuPerAcceptedEventByRegionSize[s]!, 3)]),
)}

## Reads: capacity per \`GET /v1/competence-circle\`

Through the API's handler (\`createApiHandler\`, the route table, a ministry token of the local
issuer), on a history of this many reports of the six model regions over the programme years:

${table(
  ['reports in the history', 'RCU, today (`rcuPerCompetenceCircleRead`)', `RCU, \`asOf=${run.asOf}\` (\`rcuPerAsOfRead\`)`],
  sizes(r.rcuPerCompetenceCircleRead).map((s) => [s, n(r.rcuPerCompetenceCircleRead[s]!, 3), n(r.rcuPerAsOfRead[s]!, 3)]),
)}

## Throughput

${n(run.throughputEvents, 0)} reports of a history, ${run.concurrency} callers at once against the same store:
the raw store's PutItem (one report per item) ${n(r.rawStorePutsPerSecond, 0)} per second; the
pipeline, in batches of ten, ${n(r.ingestEventsPerSecond, 0)} reports per second: a ratio of
${n(r.ingestRatio, 3)} (\`ingestRatio\`).

## Function bundles

${
  bundles.length === 0
    ? 'Not measured in this run (`--no-bundles`).'
    : table(
        ['function', 'bytes', 'cold import (ms of CPU)', 'above a bare node (ms)'],
        bundles.map(([name, b]) => [name, `${n(b.bytes, 0)} (${kb(b.bytes)})`, n(b.coldImportMs, 0), n(b.coldImportMs - r.bareNodeMs, 0)]),
      )
}

A bare \`node -e ""\` takes ${n(r.bareNodeMs, 0)} ms of CPU from start to exit (\`bareNodeMs\`); each figure is the median of
seven rounds, a fresh process each, bare and bundles taking turns (\`packages/local/src/bench/import-probe.ts\`).

## The workloads

- Generated from the demo history (\`packages/local/src/demo\`), deterministic (seeded PRNG):
  per report, the kind and whether it is a new item or a later report of one follow the demo's
  proportions; texts, funding lines and indicator levels come from the demo's reports of the
  same region. Milestones are due across the programme years, move on from planned to achieved,
  delayed or cancelled; projects gain funding lines; indicator values are reported per year,
  quarter and month once the period is over, from the 2008 baseline on, older back-series as a
  region grows; values and findings are corrected with higher revisions.
- Regions and histories are seeded through the same pipeline (large batches, several seeding
  processes), not measured. Seeded: ${run.seeded.map((s) => `${s.workload} (${n(s.events, 0)} reports, ${n(s.seconds, 1)} s)`).join('; ')}.
- The measured batches are the same reports on every region size (items and periods of their
  own), so the sizes differ only in what the region held before.
- Baseline (\`bench/baseline/\`): a handler made idempotent with
  \`@aws-lambda-powertools/idempotency\` (DynamoDB persistence layer, its own table on the same
  store) reads the report's item and writes it if the report supersedes it, then reads, updates
  and writes the region's view item; both writes under an optimistic lock, records one after
  another. Its region is built through the baseline itself to the same size first.

## How to reproduce

\`\`\`sh
npm install
npm run bench                 # the full run (this file, bench/results.json)
npm run bench -- --short      # the same figures at a tenth of the largest sizes
npm run bench -- --help       # sizes, batches, concurrency, output directory
\`\`\`
`;
};

/** Writes results.json and RESULTS.md into `dir`. */
export const writeResults = (dir: string, results: BenchResults): void => {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'RESULTS.md'), renderReport(results));
};
