// `npm run bench [-- --events N --raw-writes N --concurrency N --no-bundles]`
import { parseArgs } from 'node:util';
import { FUNCTION_ENTRIES } from '../../../../infra/lib/functions';
import { runBench } from '../bench/bench';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '2000' },
    'raw-writes': { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
    'no-bundles': { type: 'boolean', default: false },
  },
});

const n = (v: string, name: string) => {
  const x = Number(v);
  if (!Number.isInteger(x) || x < 1) throw new Error(`--${name} must be a positive whole number`);
  return x;
};

const r = await runBench({
  events: n(values.events, 'events'),
  rawWrites: n(values['raw-writes'], 'raw-writes'),
  concurrency: n(values.concurrency, 'concurrency'),
  bundles: !values['no-bundles'],
  functionEntries: FUNCTION_ENTRIES,
});

const f = (x: number, d = 0) => x.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });
console.log(`
Throughput (embedded store, dynalite, this machine)
  raw store PutItem, 32 in flight      ${f(r.store.perSecond)} writes/s   (${f(r.store.writes)} in ${f(r.store.seconds, 2)} s)
  ingestion, batches of 10, ${values.concurrency} in flight  ${f(r.ingestion.perSecond)} events/s   (${f(r.ingestion.events)} in ${f(r.ingestion.seconds, 2)} s; ${f(r.ingestion.applied)} applied, ${f(r.ingestion.stale)} superseded)

DynamoDB capacity (ReturnConsumedCapacity)
  accepted report, alone in its batch  ${f(r.capacity.writeUnitsPerAcceptedEvent, 1)} WCU, ${f(r.capacity.readUnitsPerAcceptedEvent, 1)} RCU
  redelivered report                   ${f(r.capacity.writeUnitsPerDuplicate, 1)} WCU, ${f(r.capacity.readUnitsPerDuplicate, 1)} RCU
  competence-circle read               ${f(r.capacity.competenceCircleReadUnits.afterOneReport, 1)} RCU after one report, ${f(r.capacity.competenceCircleReadUnits.afterHistory, 1)} RCU after the history`);
if (r.bundles.length > 0 && r.bareNodeMs !== undefined) {
  const bare = r.bareNodeMs;
  console.log(`\nFunction bundles (esbuild, ESM, minified, AWS SDK included; cold import: CPU time of a fresh process, median)`);
  console.log(`  bare node -e ""                      ${f(bare)} ms`);
  for (const b of r.bundles) {
    const over = b.coldImportMs - bare;
    console.log(
      `  ${b.function.padEnd(12)} ${f(b.bytes / 1024).padStart(4)} KB   cold import ${f(b.coldImportMs)} ms (bare + ${f(over)} ms, ${f(over / bare, 2)} times bare)`,
    );
  }
}
