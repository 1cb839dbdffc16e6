import { AwsConfigurationError, AwsServiceError, AwsTransportError } from '@modellregionen/aws-json';
import { describe, expect, it } from 'vitest';
import { isStoreUnavailable, STORE_CALL_BUDGET_MS, STORE_LIMITS } from '../src/dynamo-client';

describe('isStoreUnavailable', () => {
  it('is true for a store that cannot be reached, is too slow, throttles or fails on its side', () => {
    for (const err of [
      new AwsTransportError('NetworkError', '127.0.0.1:4567: connect ECONNREFUSED 127.0.0.1:4567', { code: 'ECONNREFUSED' }),
      new AwsTransportError('NetworkError', 'the answer of 127.0.0.1:4567 broke off'),
      new AwsTransportError('TimeoutError', '127.0.0.1:4567 did not answer within 2000 ms'),
      new AwsServiceError('ProvisionedThroughputExceededException', 'throughput exceeded', 400, 'r'),
      new AwsServiceError('ThrottlingException', 'Rate exceeded', 400, 'r'),
      new AwsServiceError('TooManyRequests', 'slow down', 429, 'r'),
      new AwsServiceError('InternalServerError', 'internal', 500, 'r'),
      new AwsServiceError('ServiceUnavailable', 'unavailable', 503, 'r'),
      new AwsServiceError('Http502', 'bad gateway', 502, undefined),
    ]) {
      expect(isStoreUnavailable(err), `${err.name} ${err.message}`).toBe(true);
    }
  });

  it('is false for faults that trying again would not mend, and for anything that is not an error of a call', () => {
    for (const err of [
      new AwsServiceError('ConditionalCheckFailedException', 'The conditional request failed', 400, 'r'),
      new AwsServiceError('ResourceNotFoundException', 'Requested resource not found', 400, 'r'),
      new AwsServiceError('ValidationException', 'Item size has exceeded the maximum allowed size', 400, 'r'),
      new AwsConfigurationError('no AWS region: set AWS_REGION or pass a region'),
      new TypeError('cannot read properties of undefined'),
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ]) {
      expect(isStoreUnavailable(err), err.name).toBe(false);
    }
    expect(isStoreUnavailable(undefined)).toBe(false);
    expect(isStoreUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('the limits of a store call', () => {
  it('give up on a call within 12 s: three attempts of 1 s to connect and 2 s to answer, and backoffs of at most 1 s and 2 s between them', () => {
    expect(STORE_LIMITS).toEqual({ connectionTimeoutMs: 1_000, requestTimeoutMs: 2_000, maxAttempts: 3 });
    expect(STORE_CALL_BUDGET_MS).toBe(3 * (1_000 + 2_000) + 1_000 + 2_000);
    expect(STORE_CALL_BUDGET_MS).toBeLessThanOrEqual(15_000);
  });
});
