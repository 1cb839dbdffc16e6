import { type EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';

/** Where outcome events (EventRejected) go: the bus on AWS and locally, a list in unit tests. */
export interface EventPublisher {
  /** Publishes all entries or throws; a partly failed call throws naming the failed entries. */
  publish(entries: readonly PutEventsRequestEntry[]): Promise<void>;
}

export class PublishError extends Error {
  override readonly name = 'PublishError';
  constructor(readonly failures: readonly { errorCode?: string; errorMessage?: string }[]) {
    super(`PutEvents failed for ${failures.length} entries: ${failures.map((f) => `${f.errorCode}: ${f.errorMessage}`).join('; ')}`);
  }
}

const MAX_ENTRIES_PER_CALL = 10;

export const eventBridgePublisher = (client: EventBridgeClient, eventBusName: string): EventPublisher => ({
  async publish(entries) {
    for (let i = 0; i < entries.length; i += MAX_ENTRIES_PER_CALL) {
      const chunk = entries.slice(i, i + MAX_ENTRIES_PER_CALL).map((e) => ({ ...e, EventBusName: eventBusName }));
      const result = await client.send(new PutEventsCommand({ Entries: chunk }));
      if ((result.FailedEntryCount ?? 0) > 0) {
        throw new PublishError(
          (result.Entries ?? [])
            .filter((e) => e.ErrorCode !== undefined)
            .map((e) => ({ errorCode: e.ErrorCode, errorMessage: e.ErrorMessage })),
        );
      }
    }
  },
});
