// `npm run mutate [-- <package>... | --mutate <glob>]`: mutation testing, one package at a time.
//
// Each package's mutants face that package's own tests (vitest.mutation.config.ts). A mutant in
// code that runs when a module loads (a zod schema, a table of codes) has no test of its own to
// run: it reruns every test that imports the module, and for the event contract that would be
// every test of every package. Per package it is the few hundred quick tests of the contract.
//
// The globs are stryker.config.json's `mutate`, grouped by package. Each package's report is kept
// as reports/mutation/<package>.{html,json}; the scores per file, per package and over all are
// printed and written to reports/mutation/summary.txt.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const REPORTS = join('reports', 'mutation');

interface MutantResult {
  readonly status: 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';
}
interface Report {
  readonly files: Record<string, { readonly mutants: readonly MutantResult[] }>;
}

/** The package directory a glob (or its negation) lies in: `events` or `packages/<name>`. */
const packageDirOf = (glob: string): string | undefined => /^!?(events|packages\/[^/]+)\//.exec(glob)?.[1];
const nameOf = (dir: string): string => dir.split('/').at(-1)!;

const configured = (JSON.parse(readFileSync('stryker.config.json', 'utf8')) as { mutate: string[] }).mutate;
const everywhere = configured.filter((g) => g.startsWith('!') && packageDirOf(g) === undefined);
const packageDirs = [...new Set(configured.flatMap((g) => packageDirOf(g) ?? []))];

const parseArgs = (args: readonly string[]): { dir: string; globs: string[] }[] => {
  const at = args.indexOf('--mutate');
  if (at >= 0) {
    const glob = args[at + 1];
    const dir = glob === undefined ? undefined : packageDirOf(glob);
    if (glob === undefined || dir === undefined || !packageDirs.includes(dir)) {
      throw new Error(`--mutate needs a glob inside one of ${packageDirs.join(', ')}`);
    }
    return [{ dir, globs: [glob, ...everywhere] }];
  }
  const wanted = args.length === 0 ? packageDirs : args.map((name) => packageDirs.find((dir) => nameOf(dir) === name) ?? name);
  const unknown = wanted.filter((dir) => !packageDirs.includes(dir));
  if (unknown.length > 0) throw new Error(`unknown package ${unknown.join(', ')}: one of ${packageDirs.map(nameOf).join(', ')}`);
  return wanted.map((dir) => ({ dir, globs: [...configured.filter((g) => packageDirOf(g) === dir), ...everywhere] }));
};

const counts = (mutants: readonly MutantResult[]) => {
  const n = (status: MutantResult['status']) => mutants.filter((m) => m.status === status).length;
  return { killed: n('Killed'), timeout: n('Timeout'), survived: n('Survived'), noCoverage: n('NoCoverage'), ignored: n('Ignored') };
};
type Counts = ReturnType<typeof counts>;
const add = (a: Counts, b: Counts): Counts => ({
  killed: a.killed + b.killed,
  timeout: a.timeout + b.timeout,
  survived: a.survived + b.survived,
  noCoverage: a.noCoverage + b.noCoverage,
  ignored: a.ignored + b.ignored,
});
/** Stryker's mutation score: caught (killed or timed out) of the mutants that ran or had no test. */
const score = (c: Counts): string => {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid === 0 ? 'n/a' : ((100 * (c.killed + c.timeout)) / valid).toFixed(2);
};
const row = (label: string, c: Counts) =>
  `${label.padEnd(56)}${[score(c), c.killed, c.timeout, c.survived, c.noCoverage, c.ignored].map((v) => String(v).padStart(9)).join('')}`;

const runs = parseArgs(process.argv.slice(2));
const lines = [`${'file'.padEnd(56)}${['score %', 'killed', 'timeout', 'survived', 'no cov', 'ignored'].map((h) => h.padStart(9)).join('')}`];
let total: Counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
let failed = false;
for (const { dir, globs } of runs) {
  const name = nameOf(dir);
  const started = Date.now();
  const run = spawnSync('nice', ['-n', '10', join('node_modules', '.bin', 'stryker'), 'run', '--mutate', globs.join(',')], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_TESTS: dir },
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (run.status !== 0 || !existsSync(join(REPORTS, 'mutation.json'))) {
    console.error(`mutation testing of ${dir} failed (exit ${run.status ?? run.signal})`);
    failed = true;
    continue;
  }
  for (const ext of ['json', 'html']) renameSync(join(REPORTS, `mutation.${ext}`), join(REPORTS, `${name}.${ext}`));
  const report = JSON.parse(readFileSync(join(REPORTS, `${name}.json`), 'utf8')) as Report;
  let sum: Counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(row(`  ${file}`, counts(mutants)));
    sum = add(sum, counts(mutants));
  }
  lines.push(row(`${name} (${minutes} min)`, sum));
  total = add(total, sum);
}
lines.push(row('all', total));
const summary = `${lines.join('\n')}\n`;
mkdirSync(REPORTS, { recursive: true });
writeFileSync(join(REPORTS, 'summary.txt'), summary);
console.log(`\n${summary}`);
process.exitCode = failed ? 1 : 0;
