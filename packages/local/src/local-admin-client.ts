// A small client for the local endpoint's own operations (status, replay, dead letters), spoken in
// the same AWS JSON 1.1 protocol and signed like any SDK call, so the policy sees the access key.
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { ADMIN_KEY } from './bus-policy';
import { LOCAL_REGION } from './constants';

class LocalRuntimeUnreachable extends Error {
  override readonly name = 'LocalRuntimeUnreachable';
}

interface QueueStats {
  pending: number;
  inFlight: number;
  dead: number;
  delivered: number;
}
export interface RuntimeStatus {
  Bus: string;
  Archive: { Arn: string; Events: number };
  Counters: { accepted: number; failedEntries: number; denied: number };
  Queues: Record<string, QueueStats>;
}
export interface DeadLetterView {
  Target: string;
  MessageId: string;
  /** Its message group, on a FIFO queue. */
  MessageGroupId?: string;
  EventId: string;
  Source: string;
  DetailType: string;
  ReceiveCount: number;
  LastError: string;
  DeadAt: string;
}

export const localAdminClient = (eventsUrl: string) => {
  const call = async <T>(operation: string, body: Record<string, unknown> = {}): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(eventsUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `ModellregionenLocal.${operation}`,
          // Only the access key id is read locally; there is no secret to sign with.
          authorization: `AWS4-HMAC-SHA256 Credential=${ADMIN_KEY}/19700101/${LOCAL_REGION}/events/aws4_request`,
        },
        body: JSON.stringify(body),
      });
    } catch (err) {
      throw new LocalRuntimeUnreachable(
        `cannot reach the local EventBridge endpoint at ${eventsUrl} (${(err as Error).message}); is the local runtime running? Start it with: npm start`,
      );
    }
    const json = (await response.json()) as T & { __type?: string; message?: string };
    if (!response.ok) throw new Error(`${json.__type ?? response.status}: ${json.message ?? ''}`);
    return json;
  };
  return {
    status: () => call<RuntimeStatus>('Status'),
    deadLetters: () => call<{ DeadLetters: DeadLetterView[] }>('ListDeadLetters').then((r) => r.DeadLetters),
    redrive: (messageIds?: string[]) => call<{ Redriven: number }>('RedriveDeadLetters', messageIds ? { MessageIds: messageIds } : {}).then((r) => r.Redriven),
    eventBridge: () => new EventBridgeClient({ endpoint: eventsUrl, region: LOCAL_REGION, credentials: { accessKeyId: ADMIN_KEY, secretAccessKey: 'local' } }),
  };
};
