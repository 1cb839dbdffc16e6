// The functions' bundles, built with esbuild from the lock file's packages: by the stack (at synth),
// `npm run bench` and the tests alike, so that what is measured is what is deployed. Why they are
// built this way, and what they weigh: docs/bundles.md.
import { copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, buildSync } from 'esbuild';
import { FUNCTION_ENTRIES, FUNCTION_FILES, type FunctionName } from '../functions';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * AWS SDK code a Lambda function never runs, replaced: the default credential chain (Lambda puts
 * the role's credentials in the environment, its first link) and event-stream support (no
 * operation the functions call streams events).
 */
const SDK_STAND_INS = {
  '@aws-sdk/credential-provider-node': here('./env-credentials.ts'),
  '@smithy/core/event-streams': here('./no-event-streams.ts'),
};

/**
 * Left out: the OpenAPI generator. The functions serve the document built ahead of time
 * (packages/api/src/lambda/prebuilt-openapi.ts); the route loads the generator only without one.
 */
const LEFT_OUT = [join(ROOT, 'packages/api/src/openapi.ts')];

/** ESM, minified, the AWS SDK bundled too (at the lock file's versions, not the Lambda runtime's). */
const BUNDLE_OPTIONS: BuildOptions = {
  absWorkingDir: ROOT,
  bundle: true,
  minify: true,
  sourcemap: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS: give the ES module a `require`.
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  alias: SDK_STAND_INS,
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
