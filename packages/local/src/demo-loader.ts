import { PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { MINISTRY_ID, regionOfSource } from '@modellregionen/events';
import { createPrincipalClients } from './principal-clients';

export interface DemoResult {
  sent: number;
  failedEntries: number;
}

/**
 * Sends entries through the EventBridge endpoint as the regions would: each with the credentials
 * of the region its `Source` names (the bus policy allows nothing else), ten per call, in order.
 */
export const sendAsRegions = async (input: {
  eventsUrl: string;
  busName: string;
  entries: readonly Pick<PutEventsRequestEntry, 'Source' | 'DetailType' | 'Detail'>[];
  onProgress?: (sent: number, total: number, principal: string) => void;
}): Promise<DemoResult> => {
  const clients = createPrincipalClients(input.eventsUrl);
  const principalOf = (source: string | undefined) => {
    const region = regionOfSource(source ?? '');
    return region === undefined ? 'local-admin' : region === MINISTRY_ID ? MINISTRY_ID : region;
  };
  let sent = 0;
  let failedEntries = 0;
  try {
    let i = 0;
    while (i < input.entries.length) {
      const principal = principalOf(input.entries[i]!.Source);
      const chunk: PutEventsRequestEntry[] = [];
      while (i < input.entries.length && chunk.length < 10 && principalOf(input.entries[i]!.Source) === principal) {
        const { Source, DetailType, Detail } = input.entries[i]!;
        chunk.push({ Source, DetailType, Detail, EventBusName: input.busName });
        i += 1;
      }
      const result = await clients.clientFor(principal).send(new PutEventsCommand({ Entries: chunk }));
      failedEntries += result.FailedEntryCount ?? 0;
      sent += chunk.length;
      input.onProgress?.(sent, input.entries.length, principal);
    }
  } finally {
    clients.destroy();
  }
  return { sent, failedEntries };
};
