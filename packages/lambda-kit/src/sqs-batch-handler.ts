import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { BatchProcessor } from './inbound-message';

/**
 * Adapts an SQS batch (EventBridge -> SQS -> Lambda) to a batch processor and answers with
 * partial batch failures, so that only the failed messages are delivered again.
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
    return { batchItemFailures: outcome.failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
