// The functions' bundles, built with esbuild from the lock file's packages: by the stack (at synth),
// `npm run bench` and the tests alike, so that what is measured is what is deployed. Why they are
// built this way, and what they weigh: docs/bundles.md.
import { copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, buildSync } from 'esbuild';
import { FUNCTION_ENTRIES, FUNCTION_FILES, type FunctionName } from '../functions';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Left out: the OpenAPI generator. The functions serve the document built ahead of time
 * (packages/api/src/lambda/prebuilt-openapi.ts); the route loads the generator only without one.
 */
const LEFT_OUT = [join(ROOT, 'packages/api/src/openapi.ts')];

/**
 * ESM, minified, everything bundled (the lock file's versions). The source map goes with it, without
 * the sources' text: enough to map a stack trace's positions (docs/operations.md), at a third of the size.
 */
const BUNDLE_OPTIONS: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS: give the ES module a `require`.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  external: LEFT_OUT,
  tsconfig: join(ROOT, 'tsconfig.json'),
  logLevel: 'error',
};

/**
 * Builds every function into `outDir`/<name>/: its index.mjs with the source map, and the files
 * it reads (FUNCTION_FILES). Returns each function's directory, the asset the stack deploys.
 */
export const buildLambdaBundles = (outDir: string): Readonly<Record<FunctionName, string>> => {
  const bundles = {} as Record<FunctionName, string>;
  for (const [name, entry] of Object.entries(FUNCTION_ENTRIES) as [FunctionName, string][]) {
    const dir = join(outDir, name);
    buildSync({ ...BUNDLE_OPTIONS, entryPoints: [entry], outfile: join(dir, 'index.mjs') });
    for (const file of FUNCTION_FILES[name] ?? []) copyFileSync(join(ROOT, file), join(dir, basename(file)));
    bundles[name] = dir;
  }
  return bundles;
};
