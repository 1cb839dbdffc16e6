// Each function's entry bundled as the stack bundles it, and imported cold in a fresh process.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_SETTINGS } from '../../../../infra/lib/functions';
import { probeImport } from './import-probe';

export interface BundleFigures {
  readonly bytes: number;
  readonly coldImportMs: number;
}

export const measureBundles = async (entries: Readonly<Record<string, string>>, root: string): Promise<Record<string, BundleFigures>> => {
  const out = mkdtempSync(join(tmpdir(), 'bench-bundles-'));
  try {
    const figures: Record<string, BundleFigures> = {};
    for (const [name, entry] of Object.entries(entries)) {
      const file = join(out, name, 'index.mjs');
      await build({
        entryPoints: [join(root, entry)],
        outfile: file,
        bundle: true,
        minify: true,
        platform: 'node',
        target: BUNDLE_SETTINGS.target,
        format: 'esm',
        mainFields: [...BUNDLE_SETTINGS.mainFields],
        banner: { js: BUNDLE_SETTINGS.banner },
        logLevel: 'error',
      });
      const probe = probeImport(file);
      if (probe.handler !== 'function') throw new Error(`${name}: the bundle does not export a handler (${probe.stderr})`);
      figures[name] = { bytes: statSync(file).size, coldImportMs: probe.importMs };
    }
    return figures;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
};
