import { AwsServiceError, AwsTransportError } from './errors';

/** Error codes by which AWS services say "too many requests, slow down" (with status 400 or 429). */
const THROTTLING_CODES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestThrottledException',
  'RequestThrottled',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'LimitExceededException',
  'BandwidthLimitExceeded',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

/** Error codes of faults on the service's side that a later attempt may not meet. */
const TRANSIENT_CODES = new Set([
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'TransactionInProgressException',
  'RequestTimeout',
  'RequestTimeoutException',
]);

export const isThrottling = (err: unknown): boolean => err instanceof AwsServiceError && (THROTTLING_CODES.has(err.code) || err.statusCode === 429);

/**
 * Whether trying the same call again may succeed: a network fault or timeout, throttling, or a
 * fault on the service's side (5xx). Not a refused request (4xx): it would be refused again.
 */
export const isRetryable = (err: unknown): boolean =>
  err instanceof AwsTransportError || isThrottling(err) || (err instanceof AwsServiceError && (TRANSIENT_CODES.has(err.code) || err.statusCode >= 500));

/**
 * How long to wait before attempt `attempt + 1` (`attempt` counts from 1): full jitter over an
 * exponentially growing ceiling, from 1 s for throttling (the service asks for less traffic) and
 * from 50 ms for other faults (a dropped connection is usually mended at once).
 */
export const backoffMs = (attempt: number, err: unknown, random: () => number = Math.random): number =>
  Math.floor(random() * (isThrottling(err) ? 1_000 : 50) * 2 ** (attempt - 1));

/** The longest backoff before attempt `attempt + 1`: the ceiling `backoffMs` draws under. */
export const maxBackoffMs = (attempt: number): number => 1_000 * 2 ** (attempt - 1);
