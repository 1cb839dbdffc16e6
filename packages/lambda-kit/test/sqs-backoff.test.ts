import { describe, expect, it } from 'vitest';
import type { ChangeMessageVisibilityBatchRequest } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { backoffSeconds, queueUrlOf, type RetrySchedule, retrySpanSeconds, withExponentialBackoff } from '@modellregionen/lambda-kit';

const schedule: RetrySchedule = { baseSeconds: 10, maxSeconds: 300, maxReceiveCount: 7 };
const QUEUE = 'arn:aws:sqs:eu-central-1:123456789012:Aggregate';

const record = (messageId: string, receiveCount: number, queueArn = QUEUE): SQSRecord => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body: '{}',
  attributes: { ApproximateReceiveCount: String(receiveCount), SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0' },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: queueArn,
  awsRegion: 'eu-central-1',
});

/** Records every ChangeMessageVisibilityBatch call; can be told to fail them, as a throttled SQS would. */
const recorder = (fail = false) => {
  const calls: ChangeMessageVisibilityBatchRequest[] = [];
  return {
    calls,
    async call(_operation: 'ChangeMessageVisibilityBatch', input: ChangeMessageVisibilityBatchRequest) {
      calls.push(input);
      if (fail) throw new Error('ThrottlingException');
      return {};
    },
  };
};

const failing =
  (...ids: string[]) =>
  async (): Promise<SQSBatchResponse> => ({ batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })) });

describe('the backoff schedule', () => {
  it('doubles the delay with each delivery, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffSeconds(schedule, n))).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('never asks SQS for more than its 12-hour limit, and takes an unreadable count as the first delivery', () => {
    expect(backoffSeconds({ baseSeconds: 30, maxSeconds: 24 * 3600, maxReceiveCount: 30 }, 30)).toBe(12 * 3600);
    expect(backoffSeconds(schedule, Number.NaN)).toBe(10);
    expect(backoffSeconds(schedule, 0)).toBe(10);
  });

  it('spans the delays between the first delivery and the last', () => {
    // Deliveries 1 to 6 fail and wait 10 + 20 + 40 + 80 + 160 + 300 s; the 7th is the last.
    expect(retrySpanSeconds(schedule)).toBe(610);
    expect(retrySpanSeconds({ ...schedule, maxReceiveCount: 1 })).toBe(0);
  });

  it('finds the queue URL of an ARN', () => {
    expect(queueUrlOf('arn:aws:sqs:eu-central-1:123456789012:Webhooks')).toBe('https://sqs.eu-central-1.amazonaws.com/123456789012/Webhooks');
    expect(queueUrlOf('arn:aws-cn:sqs:cn-north-1:123456789012:Webhooks')).toBe('https://sqs.cn-north-1.amazonaws.com.cn/123456789012/Webhooks');
  });
});

describe('redelivery with exponential backoff on SQS', () => {
  it('hides each failed message for the delay its delivery count calls for, and leaves the others alone', async () => {
    const sqs = recorder();
    const event: SQSEvent = { Records: [record('a', 1), record('b', 3), record('c', 6)] };
    const response = await withExponentialBackoff(sqs, failing('b', 'c'), schedule)(event);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'b' }, { itemIdentifier: 'c' }] });
    expect(sqs.calls).toEqual([
      {
        QueueUrl: 'https://sqs.eu-central-1.amazonaws.com/123456789012/Aggregate',
        Entries: [
          { Id: '0', ReceiptHandle: 'rh-b', VisibilityTimeout: 40 },
          { Id: '1', ReceiptHandle: 'rh-c', VisibilityTimeout: 300 },
        ],
      },
    ]);
  });

  it('makes no call when nothing failed', async () => {
    const sqs = recorder();
    await withExponentialBackoff(sqs, failing(), schedule)({ Records: [record('a', 1)] });
    expect(sqs.calls).toEqual([]);
  });

  it('calls per queue, at most ten entries a call (the SQS limit)', async () => {
    const sqs = recorder();
    const ids = Array.from({ length: 12 }, (_, i) => `m${i}`);
    const other = 'arn:aws:sqs:eu-central-1:123456789012:Other';
    const event: SQSEvent = { Records: [...ids.map((id) => record(id, 1)), record('x', 2, other)] };
    await withExponentialBackoff(sqs, failing(...ids, 'x'), schedule)(event);
    expect(sqs.calls.map((c) => [c.QueueUrl, c.Entries?.length])).toEqual([
      ['https://sqs.eu-central-1.amazonaws.com/123456789012/Aggregate', 10],
      ['https://sqs.eu-central-1.amazonaws.com/123456789012/Aggregate', 2],
      ['https://sqs.eu-central-1.amazonaws.com/123456789012/Other', 1],
    ]);
    expect(sqs.calls[1]!.Entries!.map((e) => e.Id)).toEqual(['10', '11']);
  });

  it('backs off every message of a batch whose handler threw, and still fails the invocation', async () => {
    const sqs = recorder();
    const handler = async (): Promise<SQSBatchResponse> => {
      throw new Error('store unavailable');
    };
    await expect(withExponentialBackoff(sqs, handler, schedule)({ Records: [record('a', 1), record('b', 2)] })).rejects.toThrow('store unavailable');
    expect(sqs.calls[0]!.Entries).toEqual([
      { Id: '0', ReceiptHandle: 'rh-a', VisibilityTimeout: 10 },
      { Id: '1', ReceiptHandle: 'rh-b', VisibilityTimeout: 20 },
    ]);
  });

  it('still answers with the failed messages when SQS refuses the change (they come back after the queue timeout)', async () => {
    const sqs = recorder(true);
    const response = await withExponentialBackoff(sqs, failing('a'), schedule)({ Records: [record('a', 1)] });
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'a' }] });
    expect(sqs.calls).toHaveLength(1);
  });
});
