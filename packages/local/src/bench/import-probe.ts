import { spawnSync } from 'node:child_process';

/** What a function needs in its environment for its module to load (values are placeholders). */
const PROBE_ENV = {
  TABLE_NAME: 't',
  EVENT_BUS_NAME: 'b',
  POWERTOOLS_METRICS_NAMESPACE: 'm',
  USER_POOL_ID: 'eu-central-1_x',
  USER_POOL_CLIENT_ID: 'c',
  AWS_REGION: 'eu-central-1',
} as const;

/**
 * Imports a bundle in a fresh Node process, as the Lambda runtime loads it (ESM), and reports what
 * its `handler` export is and how long the import took: the cold-start import time.
 */
export const probeImport = (file: string, env: NodeJS.ProcessEnv = process.env): { handler: string; importMs: number; stderr: string } => {
  const probe = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const t=performance.now(); const m=await import(${JSON.stringify(file)}); console.log(typeof m.handler, Math.round(performance.now()-t));`,
    ],
    { encoding: 'utf8', env: { ...env, ...PROBE_ENV } },
  );
  const [handler = '', ms = 'NaN'] = probe.stdout.trim().split(' ');
  return { handler, importMs: Number(ms), stderr: probe.stderr };
};
