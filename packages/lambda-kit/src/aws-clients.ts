import { type AwsJsonClient, type ClientLocation, createAwsJsonClient, maxBackoffMs, SERVICES } from '@modellregionen/aws-json';

/**
 * Limits of one EventBridge or SQS call. Left unbounded, a stalled connection waits for minutes
 * (the operating system's TCP timeouts): a stalled bus would hold a report's POST past API Gateway's 30 s, and
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
 * The longest one call takes before it fails: every attempt timing out, plus the backoff between
 * attempts (at most 50 ms · 2^i for timeouts and network faults, 1 s · 2^i for throttling, whose
 * attempts fail fast).
 */
export const AWS_CALL_BUDGET_MS =
  AWS_CALL_LIMITS.maxAttempts * (AWS_CALL_LIMITS.connectionTimeoutMs + AWS_CALL_LIMITS.requestTimeoutMs) +
  Array.from({ length: AWS_CALL_LIMITS.maxAttempts - 1 }, (_, i) => maxBackoffMs(i + 1)).reduce((a, b) => a + b, 0);

/**
 * The EventBridge client of every function that publishes (the API's write path, the
 * aggregation's EventRejected notices). Endpoint, region and credentials come from `location`, or
 * from the environment (AWS_ENDPOINT_URL_EVENTBRIDGE in tests).
 */
export const createEventBridgeClient = (location: ClientLocation = {}): AwsJsonClient =>
  createAwsJsonClient({ ...location, service: SERVICES.eventbridge, limits: AWS_CALL_LIMITS });

/**
 * The SQS client the queue consumers back failed messages off with. Its endpoint is the region's
 * (or AWS_ENDPOINT_URL_SQS); the queue is named by its URL in each call.
 */
export const createSqsClient = (location: ClientLocation = {}): AwsJsonClient =>
  createAwsJsonClient({ ...location, service: SERVICES.sqs, limits: AWS_CALL_LIMITS });
