import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** What a function needs in its environment for its module to load (values are placeholders). */
const PROBE_ENV = {
  TABLE_NAME: 't',
  EVENT_BUS_NAME: 'b',
  POWERTOOLS_METRICS_NAMESPACE: 'm',
  USER_POOL_ID: 'eu-central-1_x',
  USER_POOL_CLIENT_ID: 'c',
  AWS_REGION: 'eu-central-1',
} as const;

/** Prints the CPU time the process has used so far (all its threads, user and system), in ms. */
const PRINT_CPU_MS = 'const u = process.resourceUsage(); console.log((u.userCPUTime + u.systemCPUTime) / 1000);';

// NODE_OPTIONS is the function's own, never the caller's (a test runner's or tsx's loader hooks).
const node = (args: string[], env: NodeJS.ProcessEnv, nodeOptions: string) =>
  spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...env, ...PROBE_ENV, NODE_OPTIONS: nodeOptions } });

/** A process that imports the bundle as the Lambda runtime does (ESM), then prints its CPU time. */
const importing = (file: string) => ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(file).href)}); ${PRINT_CPU_MS}`];

/**
 * Imports a bundle in a fresh Node process, as the Lambda runtime loads it (ESM), and reports what
 * its `handler` export is and how long the import took (wall time, in the process).
 */
export const probeImport = (file: string, env: NodeJS.ProcessEnv = process.env): { handler: string; importMs: number; stderr: string } => {
  const probe = node(
    [
      '--input-type=module',
      '-e',
      `const t=performance.now(); const m=await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(typeof m.handler, Math.round(performance.now()-t));`,
    ],
    env,
    '',
  );
  const [handler = '', ms = 'NaN'] = probe.stdout.trim().split(' ');
  return { handler, importMs: Number(ms), stderr: probe.stderr };
};

interface ColdImportOptions {
  /** Rounds; each value is the median over them (default 7). */
  readonly runs?: number;
  readonly env?: NodeJS.ProcessEnv;
}

interface ColdImports {
  /** A fresh `node -e ""`: what any function costs before its code loads. */
  readonly bareNodeMs: number;
  /** Each bundle in the order given: a fresh process that imports it and ends. */
  readonly coldImportMs: readonly number[];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const cpuMsOf = (what: string, child: ReturnType<typeof spawnSync>): number => {
  const ms = Number(String(child.stdout).trim().split('\n').pop());
  if (child.status !== 0 || !Number.isFinite(ms)) throw new Error(`${what} did not load: ${String(child.stderr)}`);
  return ms;
};

/**
 * The cold start of each bundle next to a bare Node process, measured in the same run: the median
 * over `runs` rounds, each a fresh `node -e ""` and, per bundle, a fresh process that imports it
 * (its module-level code included: SDK clients, schemas, the catalogue) and ends.
 *
 * The measure is the process's CPU time (all threads, user and system), not wall time: on a
 * machine shared with other work wall time also counts the waits for a core, and at 512 MB a
 * Lambda function has about a third of a vCPU, so the CPU a cold start spends is what it costs
 * there. `coldImportMs[i] - bareNodeMs` is what loading bundle i adds to a cold start.
 */
export const measureColdImports = (files: readonly string[], options: ColdImportOptions = {}): ColdImports => {
  const env = options.env ?? process.env;
  const bare: number[] = [];
  const perFile = files.map((): number[] => []);
  // Interleaved, so that whatever else the machine does falls on bare and bundles alike.
  for (let round = 0; round < (options.runs ?? 7); round++) {
    bare.push(cpuMsOf('node -e ""', node(['-e', PRINT_CPU_MS], env, '')));
    for (const [i, file] of files.entries()) perFile[i]!.push(cpuMsOf(file, node(importing(file), env, '')));
  }
  return { bareNodeMs: median(bare), coldImportMs: perFile.map(median) };
};
