import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { failuresInGroupOrder } from './fifo-failures';
import type { BatchProcessor } from './inbound-message';

/**
 * Adapts an SQS batch (EventBridge -> SQS -> Lambda) to a batch processor and answers with
 * partial batch failures, so that only the failed messages are delivered again. From a FIFO
 * queue, a failed message takes the later messages of its group in the batch back with it, so
 * that the group stays in order.
 */
export const sqsBatchHandler =
  (processor: BatchProcessor) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const outcome = await processor.processMessages(
      event.Records.map((r) => {
        const sent = Number(r.attributes?.SentTimestamp);
        return {
          id: r.messageId,
          body: r.body,
          ...(Number.isFinite(sent) ? { sentAt: new Date(sent).toISOString() } : {}),
        };
      }),
    );
    const failed = failuresInGroupOrder(
      event.Records,
      new Set(outcome.failed),
      (r) => r.messageId,
      (r) => r.attributes?.MessageGroupId,
    );
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
