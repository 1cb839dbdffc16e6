import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { InboundMessage } from './aggregator';

/** Anything that takes a batch of messages and names the ones that failed. */
export interface BatchProcessor {
  processMessages(messages: readonly InboundMessage[]): Promise<{ readonly failed: readonly string[] }>;
}

/**
 * Adapts an SQS batch (EventBridge -> SQS -> Lambda) to the aggregator and answers with partial
 * batch failures, so that only the failed messages are delivered again.
 */
export const sqsBatchHandler =
  (aggregator: BatchProcessor) =>
  async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const outcome = await aggregator.processMessages(
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
