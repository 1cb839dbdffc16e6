import { join } from 'node:path';
import { type ApiHandler, createApiHandler, createTokenVerifier } from '@modellregionen/api';
import { createWebhookDispatcher } from '@modellregionen/webhooks';
import { createAggregator } from '@modellregionen/aggregation';
import { type Catalogue, createValidator, DEFAULT_BUS_NAME, defaultCatalogue, regionSource, type TargetName } from '@modellregionen/events';
import { createEventBridgeClient, eventBridgePublisher, publishEvent, type StructuredLogger } from '@modellregionen/lambda-kit';
import {
  createDynamoClient,
  createReportStore,
  createSubscriptionStore,
  DEFAULT_TABLE_NAME,
  dynamoDocuments,
  ensureTable,
  type ReportStore,
} from '@modellregionen/store';
import { createApiServer, JWKS_PATH } from './api-server';
import { LocalBus } from './bus';
import { ADMIN_KEY, createBusPolicy } from './bus-policy';
import type { DeliveryOptions, QueueMessage, TargetHandler } from './delivery-queue';
import { createEventBridgeEndpoint } from './eventbridge/server';
import { DEFAULT_PORTS, LOCAL_ACCOUNT, LOCAL_HOST, LOCAL_REGION } from './constants';
import { DEV_AUDIENCE, DEV_ISSUER, openDevIssuer } from './dev-issuer';
import { startEmbeddedStore } from './embedded-store';
import { localCallbacks } from './local-callbacks';
import { close, listen } from './listen';
import { createLocalRoutes } from './web/local-routes';

export interface LocalRuntimeOptions {
  /** Ports; 0 picks a free one (tests). */
  readonly ports?: { api?: number; events?: number; store?: number };
  /** Where the store, the archive and the queues keep their data. Ignored with `inMemory`. */
  readonly dataDir?: string;
  readonly inMemory?: boolean;
  /** An external DynamoDB endpoint instead of the embedded store (AWS_ENDPOINT_URL_DYNAMODB). */
  readonly dynamoEndpoint?: string;
  readonly tableName?: string;
  readonly busName?: string;
  readonly catalogue?: Catalogue;
  readonly delivery?: DeliveryOptions;
  /** Called before each delivery to a target; throwing fails the batch (fault injection). */
  readonly beforeDelivery?: (target: TargetName, messages: readonly QueueMessage[]) => void | Promise<void>;
  readonly log?: (line: string) => void;
  /** Key file of the local token issuer (default `<dataDir>/dev-issuer-key.json`; in memory with `inMemory`). */
  readonly devIssuerKeyFile?: string;
  /** How long one webhook delivery may take (default 10 s). */
  readonly webhookTimeoutMs?: number;
  /** Clock of the HTTP API (tests). */
  readonly now?: () => Date;
  /** The built web app (packages/web/dist), served on the API's origin; without it only the API answers. */
  readonly webDir?: string;
}

/** Where the local issuer keeps its key, so `npm run token` and the runtime agree. */
export const devIssuerKeyFile = (dataDir = '.data'): string => join(dataDir, 'dev-issuer-key.json');

const LOCAL_CREDENTIALS = { accessKeyId: ADMIN_KEY, secretAccessKey: 'local' };

/** Starts the store, the EventBridge-compatible endpoint and the HTTP API on 127.0.0.1. */
export const startLocalRuntime = async (options: LocalRuntimeOptions = {}) => {
  const log = options.log ?? (() => {});
  const catalogue = options.catalogue ?? defaultCatalogue;
  const dataDir = options.inMemory ? undefined : (options.dataDir ?? '.data');
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  const busName = options.busName ?? DEFAULT_BUS_NAME;
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((err) => log(`while stopping: ${String(err)}`));
  };

  try {
    // 1. The store: external, or dynalite on disk (or in memory).
    let storeEndpoint = options.dynamoEndpoint;
    let storePort: number | undefined;
    if (storeEndpoint === undefined) {
      const embedded = await startEmbeddedStore({ port: ports.store, ...(dataDir ? { path: join(dataDir, 'dynamodb') } : {}) });
      stops.push(embedded.stop);
      storePort = embedded.port;
      storeEndpoint = embedded.endpoint;
    }
    const dynamo = createDynamoClient({ endpoint: storeEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    stops.push(async () => dynamo.destroy());
    await ensureTable(dynamo, tableName);
    // The stores call the store as the functions do on AWS.
    const documents = dynamoDocuments({ endpoint: storeEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const store: ReportStore = createReportStore({ client: documents, tableName });
    const subscriptions = createSubscriptionStore({ client: documents, tableName });

    // 2. The bus: the archive (its write-ahead log) and the targets' queues, with whatever an
    // earlier run accepted and did not deliver recovered from it; then the endpoint.
    const bus = await LocalBus.open({ ...(dataDir ? { dataDir } : {}), ...(options.delivery ? { delivery: options.delivery } : {}), log });
    stops.push(() => bus.stop());
    const endpoint = createEventBridgeEndpoint({
      busName,
      region: LOCAL_REGION,
      account: LOCAL_ACCOUNT,
      catalogue,
      policy: createBusPolicy(catalogue),
      bus,
      log,
    });
    const eventsPort = await listen(endpoint.server, LOCAL_HOST, ports.events, 'EventBridge endpoint', '--events-port');
    const eventsUrl = `http://${LOCAL_HOST}:${eventsPort}`;

    // 3. The targets: the same aggregation pipeline the Lambda runs, publishing to this bus.
    // Stops run in reverse: the API, then the deliveries (waiting for those in flight, which may
    // still publish to the bus), then the endpoint, the clients, the archive and the store.
    const principals = new Map<string, ReturnType<typeof createEventBridgeClient>>();
    // The local bus policy reads the access key id of the signature: each principal signs with its own.
    const busClientFor = (principal: string) => {
      const client =
        principals.get(principal) ??
        createEventBridgeClient({ endpoint: eventsUrl, region: LOCAL_REGION, credentials: { accessKeyId: principal, secretAccessKey: 'local' } });
      principals.set(principal, client);
      return client;
    };
    stops.push(() => close(endpoint.server));
    const eventBridge = busClientFor(ADMIN_KEY);
    const logger: StructuredLogger = {
      info: () => {},
      warn: (message, ...attributes) => log(`${message} ${JSON.stringify(Object.assign({}, ...attributes))}`),
      error: (message, ...attributes) => log(`${message} ${JSON.stringify(Object.assign({}, ...attributes))}`),
    };
    const validator = createValidator(catalogue);
    const aggregator = createAggregator({ store, validator, publisher: eventBridgePublisher(eventBridge, busName), logger });
    const dispatcher = createWebhookDispatcher({
      store: subscriptions,
      validator,
      logger,
      ...(options.webhookTimeoutMs ? { timeoutMs: options.webhookTimeoutMs } : {}),
    });
    const asMessages = (messages: readonly QueueMessage[]) => messages.map((m) => ({ id: m.id, body: JSON.stringify(m.event), sentAt: m.sentAt }));
    const handlers: Record<TargetName, TargetHandler> = {
      aggregate: (messages) => aggregator.processMessages(asMessages(messages)),
      webhooks: (messages) => dispatcher.processMessages(asMessages(messages)),
    };
    const withHook =
      (target: TargetName): TargetHandler =>
      async (messages) => {
        await options.beforeDelivery?.(target, messages);
        return handlers[target](messages);
      };
    stops.push(() => bus.stopDelivery());
    await bus.start({ aggregate: withHook('aggregate'), webhooks: withHook('webhooks') });

    // 4. The HTTP API: the deployed handler, verifying tokens of the local issuer by its JWKS, and
    // publishing each region's reports with that region's key (so the bus policy checks them too).
    const issuer = await openDevIssuer(options.devIssuerKeyFile ?? (dataDir ? devIssuerKeyFile(dataDir) : undefined));
    // The server listens first, so that the verifier knows the port it fetches the key set from
    // (port 0 picks one); requests wait for the handler, which is ready at once.
    let apiHandler: ApiHandler | undefined;
    const api = createApiServer({
      health: async () => ({
        bus: busName,
        archivedEvents: bus.archive.size,
        queues: bus.stats(),
      }),
      jwks: issuer.jwks,
      api: (event, context) => apiHandler!(event, context),
      log,
      local: createLocalRoutes({ issuer, catalogue, ...(options.webDir ? { webDir: options.webDir } : {}) }),
    });
    const apiPort = await listen(api, LOCAL_HOST, ports.api, 'HTTP API', '--api-port');
    const apiUrl = `http://${LOCAL_HOST}:${apiPort}`;
    stops.push(() => close(api));
    apiHandler = createApiHandler({
      catalogue,
      validator,
      store,
      subscriptions,
      callbackPolicy: localCallbacks,
      verifier: createTokenVerifier({
        kind: 'jwks',
        issuer: DEV_ISSUER,
        audience: DEV_AUDIENCE,
        jwksUri: `${apiUrl}${JWKS_PATH}`,
        jwks: issuer.jwks,
      }),
      // The region's (or the ministry's) own key, so that the bus policy checks the source too.
      publishReport: ({ regionId, detailType, detail }) =>
        publishEvent(busClientFor(regionId), busName, { Source: regionSource(regionId), DetailType: detailType, Detail: JSON.stringify(detail) }),
      now: options.now ?? (() => new Date()),
      log: (message, error) => log(`api: ${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error ?? '')}`),
    });

    return {
      urls: { api: apiUrl, events: eventsUrl, store: storeEndpoint },
      issuer,
      ports: { api: apiPort, events: eventsPort, store: storePort },
      tableName,
      busName,
      dataDir,
      store,
      dynamo,
      archive: bus.archive,
      archiveArn: endpoint.archiveArn,
      ruleArn: endpoint.ruleArn,
      queues: bus.queues,
      counters: endpoint.counters,
      /** Resolves when every queue has delivered (or parked) everything it holds. */
      settled: () => bus.settled(),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
};
export type LocalRuntime = Awaited<ReturnType<typeof startLocalRuntime>>;
