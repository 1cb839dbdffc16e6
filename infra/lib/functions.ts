// The Lambda functions and how they are bundled, without CDK, so that `npm run bench` bundles
// exactly what the stack deploys.

/** Each function's handler file, from the repository root. */
export const FUNCTION_ENTRIES = {
  aggregate: 'functions/aggregate/handler.ts',
  apiRead: 'functions/api-read/handler.ts',
  apiWrite: 'functions/api-write/handler.ts',
  webhooks: 'functions/webhooks/handler.ts',
} as const;

/** esbuild settings of every function bundle (ESM, minified, everything bundled). */
export const BUNDLE_SETTINGS = {
  target: 'node22',
  mainFields: ['module', 'main'],
  // Some dependencies are CommonJS: give the ESM bundle a `require`.
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
} as const;
