// Each function bundled exactly as the stack deploys it (infra/lib/bundling), and imported cold in
// fresh processes next to a bare `node -e ""` in the same rounds (import-probe.ts).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildLambdaBundles } from '../../../../infra/lib/bundling/lambda-bundles';
import { measureColdImports } from './import-probe';

export interface BundleFigures {
  readonly bytes: number;
  /** CPU time of a fresh process that imports the bundle, as the function starts. */
  readonly coldImportMs: number;
}

export const measureBundles = (): { bundles: Record<string, BundleFigures>; bareNodeMs: number } => {
  const out = mkdtempSync(join(tmpdir(), 'bench-bundles-'));
  try {
    const dirs = Object.entries(buildLambdaBundles(out));
    const files = dirs.map(([, dir]) => join(dir, 'index.mjs'));
    const cold = measureColdImports(files);
    const bundles: Record<string, BundleFigures> = {};
    dirs.forEach(([name], i) => {
      bundles[name] = { bytes: statSync(files[i]!).size, coldImportMs: cold.coldImportMs[i]! };
    });
    return { bundles, bareNodeMs: cold.bareNodeMs };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
};
