import type { ChangeMessageVisibilityBatchRequest } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { backoffSeconds, type RetrySchedule } from './retry-schedule';

/** The queue URL of an SQS queue ARN (`arn:aws:sqs:<region>:<account>:<name>`). */
export const queueUrlOf = (arn: string): string => {
  const [, partition, , region, account, name] = arn.split(':');
  const domain = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sqs.${region}.${domain}/${account}/${name}`;
};

/** The one SQS call the backoff makes (an SQS client, or a recorder in tests). */
interface VisibilityChanger {
  call(operation: 'ChangeMessageVisibilityBatch', input: ChangeMessageVisibilityBatchRequest): Promise<unknown>;
}

/**
 * SQS hands a failed message back once its visibility timeout runs out, always after the same
 * time: six function timeouts, far too late after a brief throttle and too eager in a long
 * outage. So the function hides each failed message for an exponentially growing time of its own.
 * This is safe against concurrent deliveries: the invocation is done with the message.
 *
 * When the handler throws (the whole batch failed), every message is backed off and the error
 * rethrown, so that the invocation still counts as an error.
 */
export const withExponentialBackoff =
  (sqs: VisibilityChanger, handler: (event: SQSEvent) => Promise<SQSBatchResponse>, schedule: RetrySchedule) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    let response: SQSBatchResponse;
    try {
      response = await handler(event);
    } catch (err) {
      await backOff(sqs, event.Records, schedule);
      throw err;
    }
    const failed = new Set(response.batchItemFailures.map((f) => f.itemIdentifier));
    await backOff(
      sqs,
      event.Records.filter((r) => failed.has(r.messageId)),
      schedule,
    );
    return response;
  };

const backOff = async (sqs: VisibilityChanger, records: readonly SQSRecord[], schedule: RetrySchedule): Promise<void> => {
  const byQueue = new Map<string, SQSRecord[]>();
  for (const r of records) byQueue.set(r.eventSourceARN, [...(byQueue.get(r.eventSourceARN) ?? []), r]);
  for (const [arn, list] of byQueue) {
    for (let i = 0; i < list.length; i += 10) {
      await sqs
        .call('ChangeMessageVisibilityBatch', {
          QueueUrl: queueUrlOf(arn),
          Entries: list.slice(i, i + 10).map((r, j) => ({
            // Entry ids must be unique in the call and at most 80 of [A-Za-z0-9_-].
            Id: `${i + j}`,
            ReceiptHandle: r.receiptHandle,
            VisibilityTimeout: backoffSeconds(schedule, Number(r.attributes.ApproximateReceiveCount)),
          })),
        })
        // The message is retried anyway, only after the queue's visibility timeout: a failure
        // here must not fail the batch.
        .catch(() => undefined);
    }
  }
};
