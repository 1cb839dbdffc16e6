import type { PutEventsRequestEntry, PutEventsResponse } from '@aws-sdk/client-eventbridge';
import type { AwsJsonClient } from '@modellregionen/aws-json';

/** What publishing needs of an EventBridge client. */
type EventBridge = Pick<AwsJsonClient, 'call'>;

/** Where outcome events (EventRejected) go: the bus on AWS and locally, a list in unit tests. */
export interface EventPublisher {
  /** Publishes all entries or throws; a partly failed call throws naming the failed entries. */
  publish(entries: readonly PutEventsRequestEntry[]): Promise<void>;
}

interface PublishFailure {
  readonly errorCode?: string;
  readonly errorMessage?: string;
}

export class PublishError extends Error {
  override readonly name = 'PublishError';
  constructor(readonly failures: readonly PublishFailure[]) {
    super(`PutEvents failed for ${failures.length} entries: ${failures.map((f) => `${f.errorCode}: ${f.errorMessage}`).join('; ')}`);
  }
}

/** PutEvents takes at most ten entries per call. */
const MAX_ENTRIES_PER_CALL = 10;

/**
 * One PutEvents call; answers with the entries' event ids. An entry counts as published only
 * with an event id (PutEvents answers a failed entry with an error code and HTTP 200), so a
 * partly failed call, or one that answers for fewer entries than it was sent, throws.
 */
const putEntries = async (client: EventBridge, entries: PutEventsRequestEntry[]): Promise<string[]> => {
  const result = (await client.call('PutEvents', { Entries: entries })) as PutEventsResponse;
  const answers = entries.map((_, i) => result.Entries?.[i]);
  const failures = answers.flatMap((a): PublishFailure[] =>
    a?.EventId ? [] : [{ errorCode: a?.ErrorCode ?? 'NoEventId', errorMessage: a?.ErrorMessage ?? 'PutEvents gave the entry no event id' }],
  );
  if (failures.length > 0) throw new PublishError(failures);
  return answers.map((a) => a!.EventId!);
};

/** Publishes to `eventBusName` in calls of at most ten entries. */
export const eventBridgePublisher = (client: EventBridge, eventBusName: string): EventPublisher => ({
  async publish(entries) {
    for (let i = 0; i < entries.length; i += MAX_ENTRIES_PER_CALL) {
      await putEntries(
        client,
        entries.slice(i, i + MAX_ENTRIES_PER_CALL).map((e) => ({ ...e, EventBusName: eventBusName })),
      );
    }
  },
});

/** Puts one event on `eventBusName` and answers with its event id; throws when the bus does not take it. */
export const publishEvent = async (client: EventBridge, eventBusName: string, entry: PutEventsRequestEntry): Promise<string> => {
  const [eventId] = await putEntries(client, [{ ...entry, EventBusName: eventBusName }]);
  // putEntries answers with one id per entry sent, or throws.
  return eventId!;
};
