// `npm run mutate [-- [--force] <package>... | --mutate <glob>...]`: mutation testing, one package at a time.
//
// Each package's mutants face that package's own tests (vitest.mutation.config.ts). A mutant in
// code that runs when a module loads (a zod schema, a table of codes) has no test of its own to
// run: it reruns every test that imports the module, and for the event contract that would be
// every test of every package. Per package it is the few hundred quick tests of the contract.
//
// The globs are stryker.config.json's `mutate`, grouped by package. Each package's report is kept
// as reports/mutation/<package>.{html,json}; the scores per file, per package and over all are
// printed and written to reports/mutation/summary.txt. `--mutate <glob>` (repeatable, globs of one
// package) runs some files and updates their results in the package's report.
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
  if (args.includes('--mutate')) {
    const globs = args.flatMap((a, i) => (args[i - 1] === '--mutate' ? [a] : []));
    const dirs = new Set(globs.map(packageDirOf));
    const dir = [...dirs][0];
    if (globs.length !== args.filter((a) => a === '--mutate').length || dirs.size !== 1 || dir === undefined || !packageDirs.includes(dir)) {
      throw new Error(`--mutate needs globs inside one of ${packageDirs.join(', ')}, all of one package`);
    }
    return [{ dir, globs: [...globs, ...everywhere] }];
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

const force = process.argv.includes('--force');
const runs = parseArgs(process.argv.slice(2).filter((a) => a !== '--force'));
const partial = process.argv.includes('--mutate');
const lines = [`${'file'.padEnd(56)}${['score %', 'killed', 'timeout', 'survived', 'no cov', 'ignored'].map((h) => h.padStart(9)).join('')}`];
let total: Counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
let failed = false;
const took = new Map<string, string>();
for (const { dir, globs } of runs) {
  const name = nameOf(dir);
  const started = Date.now();
  // Incremental: a mutant whose code and tests are as in the package's last run keeps its result.
  // `--force` runs every mutant again: Stryker keeps a survivor's result when tests were only
  // added, so a run after writing tests for survivors needs it.
  const incremental = ['--incremental', '--incrementalFile', join(REPORTS, `${name}.incremental.json`), ...(force ? ['--force'] : [])];
  const run = spawnSync('nice', ['-n', '10', join('node_modules', '.bin', 'stryker'), 'run', '--mutate', globs.join(','), ...incremental], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_TESTS: dir },
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (run.status !== 0 || !existsSync(join(REPORTS, 'mutation.json'))) {
    console.error(`mutation testing of ${dir} failed (exit ${run.status ?? run.signal})`);
    failed = true;
    continue;
  }
  const earlier = join(REPORTS, `${name}.json`);
  if (partial && existsSync(earlier)) {
    // A run of some files of a package updates their results in the package's report.
    const report = JSON.parse(readFileSync(join(REPORTS, 'mutation.json'), 'utf8')) as Report;
    const before = JSON.parse(readFileSync(earlier, 'utf8')) as Report;
    writeFileSync(earlier, JSON.stringify({ ...before, files: { ...before.files, ...report.files } }));
    renameSync(join(REPORTS, 'mutation.html'), join(REPORTS, `${name}.partial.html`));
  } else {
    for (const ext of ['json', 'html']) renameSync(join(REPORTS, `mutation.${ext}`), join(REPORTS, `${name}.${ext}`));
  }
  took.set(name, minutes);
}
// The summary covers every package's latest report, those of earlier runs too.
for (const name of packageDirs.map(nameOf)) {
  if (!existsSync(join(REPORTS, `${name}.json`))) continue;
  const report = JSON.parse(readFileSync(join(REPORTS, `${name}.json`), 'utf8')) as Report;
  let sum: Counts = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0 };
  for (const [file, { mutants }] of Object.entries(report.files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(row(`  ${file}`, counts(mutants)));
    sum = add(sum, counts(mutants));
  }
  lines.push(row(`${name} (${took.has(name) ? `${took.get(name)} min` : 'earlier run'})`, sum));
  total = add(total, sum);
}
lines.push(row('all', total));
const summary = `${lines.join('\n')}\n`;
mkdirSync(REPORTS, { recursive: true });
writeFileSync(join(REPORTS, 'summary.txt'), summary);
console.log(`\n${summary}`);
process.exitCode = failed ? 1 : 0;
