import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsServiceError, AwsTransportError, isRetryable, isThrottling, maxBackoffMs } from '../src/index';
import { backoffMs } from '../src/retry';

const serviceError = (code: string, status: number) => new AwsServiceError(code, 'm', status, undefined);

describe('what is worth another attempt', () => {
  it('is a network fault, a timeout, throttling, or a fault on the service’s side', () => {
    for (const err of [
      new AwsTransportError('NetworkError', 'refused', { code: 'ECONNREFUSED' }),
      new AwsTransportError('TimeoutError', 'slow'),
      // The codes by which AWS services throttle (those the AWS SDK retries as throttling).
      ...[
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
      ].map((code) => serviceError(code, 400)),
      serviceError('Anything', 429),
      // Faults on the service's side, by code (whatever the status) or by a 5xx status.
      ...['InternalServerError', 'InternalFailure', 'ServiceUnavailable', 'TransactionInProgressException', 'RequestTimeout', 'RequestTimeoutException'].map(
        (code) => serviceError(code, 400),
      ),
      serviceError('Http500', 500),
      serviceError('Http502', 502),
    ]) {
      expect(isRetryable(err), err.name).toBe(true);
    }
  });

  it('is not a refusal, nor an error that no call raised', () => {
    for (const err of [
      serviceError('ConditionalCheckFailedException', 400),
      serviceError('ValidationException', 400),
      serviceError('AccessDeniedException', 400),
      serviceError('ResourceNotFoundException', 400),
      new Error('ECONNREFUSED'),
      undefined,
    ]) {
      expect(isRetryable(err)).toBe(false);
    }
    expect(isThrottling(serviceError('InternalServerError', 500))).toBe(false);
    expect(isThrottling(serviceError('SlowDown', 400))).toBe(true);
  });
});

describe('the backoff before the next attempt', () => {
  it('is drawn below a ceiling that doubles with each attempt: from 1 s for throttling, from 50 ms for other faults', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const throttled = backoffMs(attempt, serviceError('ThrottlingException', 400), () => r);
        const other = backoffMs(attempt, new AwsTransportError('TimeoutError', 'slow'), () => r);
        expect(throttled).toBe(Math.floor(r * 1_000 * 2 ** (attempt - 1)));
        expect(other).toBe(Math.floor(r * 50 * 2 ** (attempt - 1)));
        expect(throttled).toBeLessThan(maxBackoffMs(attempt) + 1);
      }),
    );
    expect([maxBackoffMs(1), maxBackoffMs(2)]).toEqual([1_000, 2_000]);
  });
});
