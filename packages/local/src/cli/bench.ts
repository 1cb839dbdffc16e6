// `npm run bench [-- --short | --region-sizes 100,1000 --history-sizes 1000,10000 --batches N
//   --throughput-events N --concurrency N --seed-processes N --no-bundles --out DIR]`
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FULL, SHORT } from '../bench/bench-options';
import { runBench } from '../bench/bench';
import { writeResults } from '../bench/report';

// The SDK's notice that its 2027 releases need Node 22 is true but says nothing about the figures.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const { values } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    'region-sizes': { type: 'string' },
    'history-sizes': { type: 'string' },
    batches: { type: 'string' },
    'throughput-events': { type: 'string' },
    concurrency: { type: 'string' },
    'seed-processes': { type: 'string', default: String(Math.max(1, Math.min(4, availableParallelism()))) },
    'no-bundles': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`npm run bench [-- options]: writes <out>/results.json and <out>/RESULTS.md

  --short                  the same figures at a tenth of the largest sizes (about two minutes)
  --region-sizes 100,1000  items in the measured region before the measured batches (default ${FULL.regionSizes.join(',')})
  --history-sizes 1000     reports of six regions before the reads (default ${FULL.historySizes.join(',')})
  --batches N              measured batches of ten per write figure (default ${FULL.measuredBatches})
  --throughput-events N    reports (and raw PutItem calls) for the throughput figures (default ${FULL.throughputEvents})
  --concurrency N          callers at once in the throughput figures (default ${FULL.concurrency})
  --seed-processes N       processes that seed the tables (default: cores, at most 4)
  --no-bundles             skip bundling the functions
  --out DIR                where to write the results (default bench)`);
  process.exit(0);
}

const whole = (v: string, name: string) => {
  const x = Number(v);
  if (!Number.isInteger(x) || x < 1) throw new Error(`--${name} must be a positive whole number, not ${v}`);
  return x;
};
const list = (v: string, name: string) => v.split(',').map((x) => whole(x.trim(), name));
const preset = values.short ? SHORT : FULL;

const results = await runBench({
  regionSizes: values['region-sizes'] === undefined ? preset.regionSizes : list(values['region-sizes'], 'region-sizes'),
  historySizes: values['history-sizes'] === undefined ? preset.historySizes : list(values['history-sizes'], 'history-sizes'),
  measuredBatches: values.batches === undefined ? preset.measuredBatches : whole(values.batches, 'batches'),
  throughputEvents: values['throughput-events'] === undefined ? preset.throughputEvents : whole(values['throughput-events'], 'throughput-events'),
  concurrency: values.concurrency === undefined ? preset.concurrency : whole(values.concurrency, 'concurrency'),
  seedProcesses: whole(values['seed-processes'], 'seed-processes'),
  bundles: !values['no-bundles'],
  log: (line) => console.log(line),
});
const out = resolve(values.out);
writeResults(out, results);
console.log(
  `\n${results.bars.map((b) => `${b.pass ? 'pass' : 'FAIL'}  ${b.bar}: ${b.value}`).join('\n')}\n\nwritten: ${out}/results.json, ${out}/RESULTS.md (${results.run.seconds} s)`,
);
