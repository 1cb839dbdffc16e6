import { EventBridgeClient, type EventBridgeClientConfig } from '@aws-sdk/client-eventbridge';
import { SQSClient, type SQSClientConfig } from '@aws-sdk/client-sqs';

/**
 * Limits of one EventBridge or SQS call. Left to the SDK, a stalled connection waits for its
 * 5-minute socket timeout: a stalled bus would hold a report's POST past API Gateway's 30 s, and
 * a queue consumer past its function timeout (its messages then wait out the queue's visibility
 * timeout instead of their backoff). PutEvents and ChangeMessageVisibilityBatch answer in tens of
 * milliseconds; these are the store client's limits (`STORE_LIMITS`), for the same reasons.
 */
export const AWS_CALL_LIMITS = {
  /** To open a TCP (and TLS) connection. */
  connectionTimeoutMs: 1_000,
  /** For one attempt, from sending the request to the response headers, and of silence while reading the body. */
  requestTimeoutMs: 2_000,
  /** Attempts per call, the first included. */
  maxAttempts: 3,
} as const;

/**
 * The longest one call takes before it fails: every attempt timing out, plus the SDK's backoff
 * between attempts (at most 50 ms · 2^i for timeouts and network faults, 1 s · 2^i for
 * throttling, whose attempts fail fast).
 */
export const AWS_CALL_BUDGET_MS =
  AWS_CALL_LIMITS.maxAttempts * (AWS_CALL_LIMITS.connectionTimeoutMs + AWS_CALL_LIMITS.requestTimeoutMs) + (2 ** (AWS_CALL_LIMITS.maxAttempts - 1) - 1) * 1_000;

const bounded = {
  maxAttempts: AWS_CALL_LIMITS.maxAttempts,
  requestHandler: {
    connectionTimeout: AWS_CALL_LIMITS.connectionTimeoutMs,
    requestTimeout: AWS_CALL_LIMITS.requestTimeoutMs,
    // Without it the SDK only logs a warning when requestTimeout passes.
    throwOnRequestTimeout: true,
    socketTimeout: AWS_CALL_LIMITS.requestTimeoutMs,
  },
} as const;

type BoundedConfig<T> = Omit<T, 'requestHandler' | 'maxAttempts'>;

/**
 * The EventBridge client of every function that publishes (the API's write path, the
 * aggregation's EventRejected notices). Endpoint, region and credentials come from `options`, or
 * from the environment as usual (AWS_ENDPOINT_URL_EVENTBRIDGE in tests).
 */
export const createEventBridgeClient = (options: BoundedConfig<EventBridgeClientConfig> = {}): EventBridgeClient =>
  new EventBridgeClient({ ...options, ...bounded });

/**
 * The SQS client the queue consumers back failed messages off with. Its endpoint is the region's
 * (or AWS_ENDPOINT_URL_SQS), not the host of a queue URL.
 */
export const createSqsClient = (options: BoundedConfig<SQSClientConfig> = {}): SQSClient =>
  new SQSClient({ useQueueUrlAsEndpoint: false, ...options, ...bounded });
