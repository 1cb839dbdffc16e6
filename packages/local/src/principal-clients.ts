import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { LOCAL_REGION } from './constants';

/**
 * EventBridge clients for the local endpoint, one per principal, made on first use. The local bus
 * policy reads the access key id of the signature, so each principal signs with its own id.
 */
export const createPrincipalClients = (eventsUrl: string) => {
  const clients = new Map<string, EventBridgeClient>();
  return {
    clientFor(principal: string): EventBridgeClient {
      let client = clients.get(principal);
      if (client === undefined) {
        client = new EventBridgeClient({ endpoint: eventsUrl, region: LOCAL_REGION, credentials: { accessKeyId: principal, secretAccessKey: 'local' } });
        clients.set(principal, client);
      }
      return client;
    },
    destroy(): void {
      for (const c of clients.values()) c.destroy();
      clients.clear();
    },
  };
};
