// The Lambda functions and how they are bundled, without CDK, so that `npm run bench` and the
// tests bundle exactly what the stack deploys.
import { fileURLToPath } from 'node:url';

/** Each function's handler file, from the repository root. */
export const FUNCTION_ENTRIES = {
  aggregate: 'functions/aggregate/handler.ts',
  apiRead: 'functions/api-read/handler.ts',
  apiWrite: 'functions/api-write/handler.ts',
  webhooks: 'functions/webhooks/handler.ts',
} as const;

const bundling = (file: string) => fileURLToPath(new URL(`./bundling/${file}`, import.meta.url));

/**
 * esbuild settings of every function bundle: ESM, minified, everything bundled (the AWS SDK too,
 * at the versions of the lock file), less the SDK code a Lambda function never runs. Why each
 * piece is left out, and what it saves: docs/bundles.md.
 */
export const BUNDLE_SETTINGS = {
  target: 'node24',
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS: give the ESM bundle a `require`.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  alias: {
    '@aws-sdk/credential-provider-node': bundling('env-credentials.ts'),
    '@smithy/core/event-streams': bundling('no-event-streams.ts'),
  },
} as const;

/** NODE_OPTIONS of every function: stack traces name the TypeScript sources (the bundles carry source maps). */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';
