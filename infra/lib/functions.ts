// The Lambda functions, without CDK: what the stack deploys, `npm run bench` measures and the
// tests check (their bundles: bundling/lambda-bundles.ts).

/** Each function's handler file, from the repository root. */
export const FUNCTION_ENTRIES = {
  aggregate: 'functions/aggregate/handler.ts',
  apiRead: 'functions/api-read/handler.ts',
  apiWrite: 'functions/api-write/handler.ts',
  webhooks: 'functions/webhooks/handler.ts',
} as const;

export type FunctionName = keyof typeof FUNCTION_ENTRIES;

/**
 * Files a function reads next to its index.mjs, from the repository root: the read API's
 * prebuilt OpenAPI document (GET /v1/openapi.json is a read route).
 */
export const FUNCTION_FILES: Readonly<Partial<Record<FunctionName, readonly string[]>>> = {
  apiRead: ['packages/api/src/lambda/openapi.json'],
};

/** NODE_OPTIONS of every function: stack traces name the TypeScript sources (the bundles carry source maps). */
export const FUNCTION_NODE_OPTIONS = '--enable-source-maps';

/**
 * The limits every function's bundle is held to (infra/test/nag-and-synth.test.ts). They guard what
 * was reached, with room for the work still to come, not the aim of 250 KB and 60 ms, which the
 * bundles miss for the reasons docs/bundles.md measures.
 */
export const BUNDLE_LIMITS = {
  /** Of its `index.mjs` (minified; without the source map, which is not loaded with it). Now 366 to 430 KB; before, 873 to 962 KB. */
  bytes: 480 * 1024,
  /**
   * What a cold start spends loading it, as a multiple of what a bare `node -e ""` spends: the
   * CPU time of a fresh process importing it less the bare one's, over the bare one's (medians of
   * the same run). A multiple rather than milliseconds, because the machine's load scales both:
   * on two busy cores the bare process went from 57 to 86 ms and the imports grew alike, while the
   * ratio stayed put. Now 1.5 to 1.9 (84 to 103 ms over 57 ms); the bundles before were 2.2 to 2.9.
   */
  coldImportPerBareNode: 2.25,
} as const;
