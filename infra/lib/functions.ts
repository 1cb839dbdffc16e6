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

/**
 * The limits every function's bundle is held to (infra/test/nag-and-synth.test.ts). The bytes are
 * the aim itself; the cold import is held to a multiple of a bare node's, with room for a test
 * run's noise, while `npm run bench` measures the aim (60 ms over a bare node) on its own.
 */
export const BUNDLE_LIMITS = {
  /** Of its `index.mjs` (minified; without the source map, which is not loaded with it). Now 169 to 242 KB; before, 845 to 938 KB. */
  bytes: 250 * 1024,
  /**
   * What a cold start spends loading it, as a multiple of what a bare `node -e ""` spends: the
   * CPU time of a fresh process importing it less the bare one's, over the bare one's (medians of
   * the same run). A multiple rather than milliseconds, because the machine's load scales both:
   * on two busy cores the bare process went from 57 to 86 ms and the imports grew alike, while the
   * ratio stayed put. Now 0.7 to 1.0 (40 to 57 ms over 56 ms); with the AWS SDK bundled it was 1.5
   * to 1.9, and 2.2 to 2.9 before the bundles were trimmed.
   */
  coldImportPerBareNode: 1.25,
} as const;
