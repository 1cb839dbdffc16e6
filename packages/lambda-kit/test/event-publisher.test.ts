import type { PutEventsRequest, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { eventBridgePublisher, PublishError, publishEvent } from '@modellregionen/lambda-kit';

/** A client that records each PutEvents call and answers each entry as `answer` says. */
const recordingClient = (answer: (index: number) => PutEventsResultEntry | undefined = (i) => ({ EventId: `id-${i}` })) => {
  const calls: PutEventsRequest[] = [];
  const client = {
    async call(operation: string, input: unknown) {
      expect(operation).toBe('PutEvents');
      const request = input as PutEventsRequest;
      const offset = calls.flatMap((c) => c.Entries ?? []).length;
      calls.push(request);
      const entries = (request.Entries ?? []).map((_, i) => answer(offset + i));
      return { FailedEntryCount: entries.filter((e) => e?.ErrorCode !== undefined).length, Entries: entries.filter((e) => e !== undefined) };
    },
  };
  return { calls, client };
};

const entry = (n: number) => ({ Source: 'modellregionen.validation', DetailType: 'EventRejected', Detail: JSON.stringify({ n }) });

describe('eventBridgePublisher', () => {
  it('publishes to its bus in calls of at most ten entries (the PutEvents limit), in order', async () => {
    const { calls, client } = recordingClient();
    await eventBridgePublisher(client, 'modellregionen').publish(Array.from({ length: 23 }, (_, i) => entry(i)));
    expect(calls.map((c) => c.Entries?.length)).toEqual([10, 10, 3]);
    expect(calls.flatMap((c) => c.Entries ?? []).map((e) => [e.EventBusName, JSON.parse(e.Detail ?? '').n])).toEqual(
      Array.from({ length: 23 }, (_, i) => ['modellregionen', i]),
    );
  });

  it('throws, naming the failed entries, when the bus refuses some of them (PutEvents still answers 200)', async () => {
    const { client } = recordingClient((i) => (i === 1 ? { ErrorCode: 'ThrottlingException', ErrorMessage: 'Rate exceeded' } : { EventId: `id-${i}` }));
    const failure = await eventBridgePublisher(client, 'modellregionen')
      .publish([entry(0), entry(1), entry(2)])
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(PublishError);
    expect((failure as PublishError).failures).toEqual([{ errorCode: 'ThrottlingException', errorMessage: 'Rate exceeded' }]);
    expect((failure as PublishError).message).toBe('PutEvents failed for 1 entries: ThrottlingException: Rate exceeded');
  });
});

describe('publishEvent', () => {
  it('puts one event on the bus and answers with the id the bus gave it', async () => {
    const { calls, client } = recordingClient(() => ({ EventId: 'e-42' }));
    expect(await publishEvent(client, 'modellregionen', entry(1))).toBe('e-42');
    expect(calls).toEqual([{ Entries: [{ ...entry(1), EventBusName: 'modellregionen' }] }]);
  });

  it('throws when the bus refuses the entry or answers without an event id', async () => {
    const refused = recordingClient(() => ({ ErrorCode: 'AccessDeniedException', ErrorMessage: 'not allowed' }));
    await expect(publishEvent(refused.client, 'modellregionen', entry(1))).rejects.toThrow('AccessDeniedException: not allowed');
    const silent = recordingClient(() => undefined);
    await expect(publishEvent(silent.client, 'modellregionen', entry(1))).rejects.toThrow(PublishError);
  });
});
