import type { SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type InboundMessage, sqsBatchHandler } from '@modellregionen/lambda-kit';

const record = (messageId: string, attributes: Partial<SQSRecord['attributes']>): SQSRecord => ({
  messageId,
  receiptHandle: `rh-${messageId}`,
  body: `{"id":"${messageId}"}`,
  attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 'x', ApproximateFirstReceiveTimestamp: '0', ...attributes },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-central-1:111111111111:aggregate',
  awsRegion: 'eu-central-1',
});

describe('sqsBatchHandler', () => {
  it('hands over each message with when the queue received it, and answers with the failed ones only', async () => {
    const seen: InboundMessage[] = [];
    const handler = sqsBatchHandler({
      async processMessages(messages) {
        seen.push(...messages);
        return { failed: ['m-2'] };
      },
    });
    const response = await handler({
      Records: [record('m-1', { SentTimestamp: '1328862660000' }), record('m-2', { SentTimestamp: 'not a number' })],
    });
    expect(seen).toEqual([
      { id: 'm-1', body: '{"id":"m-1"}', sentAt: '2012-02-10T08:31:00.000Z' },
      { id: 'm-2', body: '{"id":"m-2"}' },
    ]);
    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-2' }] });
  });

  it('from a FIFO queue, hands back with a failed message the later messages of its group, and no message of another group', async () => {
    const handler = sqsBatchHandler({ processMessages: async () => ({ failed: ['k-2'] }) });
    const fifo = (id: string, group: string) => record(id, { MessageGroupId: group });
    const response = await handler({
      Records: [fifo('k-1', 'kassel'), fifo('w-1', 'wetzlar'), fifo('k-2', 'kassel'), fifo('w-2', 'wetzlar'), fifo('k-3', 'kassel')],
    });
    // k-3 may have been processed, but delivering it before k-2 would put kassel out of order.
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(['k-2', 'k-3']);
  });
});
