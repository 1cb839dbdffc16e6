import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { isRetryable, maxBackoffMs } from '@modellregionen/aws-json';

/**
 * Limits of one store call. Left unbounded, a stalled connection waits for minutes (the operating
 * system's TCP timeouts), far past the API's 30 s (API Gateway) and the functions' 30 s (Lambda). A DynamoDB
 * request answers in milliseconds; two seconds is ample for a 1 MB query page, and three attempts
 * ride out a dropped connection or a short throttling burst.
 */
export const STORE_LIMITS = {
  /** To open a TCP (and TLS) connection. */
  connectionTimeoutMs: 1_000,
  /** For one attempt, from sending the request to the response headers, and of silence while reading the body. */
  requestTimeoutMs: 2_000,
  /** Attempts per call, the first included. */
  maxAttempts: 3,
} as const;

/**
 * The longest one store call takes before it fails: every attempt timing out, plus the backoff
 * between attempts (at most 50 ms · 2^i for timeouts and network faults, 1 s · 2^i for
 * throttling, whose attempts fail fast). A route fails on its first failed call, so this bounds
 * a request's wait for the store too.
 */
export const STORE_CALL_BUDGET_MS =
  STORE_LIMITS.maxAttempts * (STORE_LIMITS.connectionTimeoutMs + STORE_LIMITS.requestTimeoutMs) +
  Array.from({ length: STORE_LIMITS.maxAttempts - 1 }, (_, i) => maxBackoffMs(i + 1)).reduce((a, b) => a + b, 0);

export type DynamoClientOptions = Omit<DynamoDBClientConfig, 'requestHandler' | 'maxAttempts'>;

/**
 * An AWS SDK client of DynamoDB for what the stores do not do: creating, describing and emptying
 * tables (the local runtime, its commands and tests). Bounded like the stores' calls. Endpoint,
 * region and credentials come from `options`, or from the environment as usual.
 */
export const createDynamoClient = (options: DynamoClientOptions = {}): DynamoDBClient =>
  new DynamoDBClient({
    ...options,
    maxAttempts: STORE_LIMITS.maxAttempts,
    requestHandler: {
      connectionTimeout: STORE_LIMITS.connectionTimeoutMs,
      requestTimeout: STORE_LIMITS.requestTimeoutMs,
      // Without it the SDK only logs a warning when requestTimeout passes.
      throwOnRequestTimeout: true,
      socketTimeout: STORE_LIMITS.requestTimeoutMs,
    },
  });

/**
 * Whether a store call failed because the store is unreachable, stalled past the timeouts,
 * throttling or failing on its side: worth trying again later (a 503), unlike a bad request or
 * a missing table. The classification the calls' own retries go by.
 */
export const isStoreUnavailable = (err: unknown): boolean => isRetryable(err);
