import { ChangeMessageVisibilityBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

/** The queue URL of an SQS queue ARN (`arn:aws:sqs:<region>:<account>:<name>`). */
export const queueUrlOf = (arn: string): string => {
  const [, partition, , region, account, name] = arn.split(':');
  const domain = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sqs.${region}.${domain}/${account}/${name}`;
};

/** Delay before the n-th redelivery: base * 2^(n-1) seconds, capped (SQS allows up to 12 hours). */
export const backoffSeconds = (receiveCount: number, baseSeconds = 30, maxSeconds = 6 * 3600): number =>
  Math.min(maxSeconds, baseSeconds * 2 ** Math.max(0, receiveCount - 1));

/**
 * SQS redelivers a failed message once its visibility timeout runs out, always after the same
 * time. For webhooks that is too eager when a subscriber is down for hours, so failed messages get
 * an exponentially growing visibility timeout before they are handed back.
 */
export const withExponentialBackoff =
  (sqs: SQSClient, handler: (event: SQSEvent) => Promise<SQSBatchResponse>, options: { baseSeconds?: number; maxSeconds?: number } = {}) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const response = await handler(event);
    const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
    const records = event.Records.filter((r) => failed.has(r.messageId));
    const byQueue = new Map<string, typeof records>();
    for (const r of records) byQueue.set(r.eventSourceARN, [...(byQueue.get(r.eventSourceARN) ?? []), r]);
    for (const [arn, list] of byQueue) {
      for (let i = 0; i < list.length; i += 10) {
        await sqs
          .send(
            new ChangeMessageVisibilityBatchCommand({
              QueueUrl: queueUrlOf(arn),
              Entries: list.slice(i, i + 10).map((r) => ({
                Id: r.messageId.replace(/[^\w-]/g, '_').slice(0, 80),
                ReceiptHandle: r.receiptHandle,
                VisibilityTimeout: backoffSeconds(Number(r.attributes.ApproximateReceiveCount), options.baseSeconds, options.maxSeconds),
              })),
            }),
          )
          // The message is retried anyway, only sooner: a failure here must not fail the batch.
          .catch(() => undefined);
      }
    }
    return response;
  };
