import { spawnSync } from 'node:child_process';

/**
 * How long a fresh Node process takes to start and end with nothing to import: the part of a
 * cold import that no bundle can save. The median of `runs`, each timed from here (spawn to exit).
 */
export const bareNodeMs = (runs = 5): number => {
  const times = Array.from({ length: runs }, () => {
    const started = performance.now();
    const run = spawnSync(process.execPath, ['-e', '']);
    if (run.status !== 0) throw new Error(`node -e "" exited with ${run.status}`);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
};
