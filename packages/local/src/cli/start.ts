// `npm start [-- options]`: the whole backend on this machine, on 127.0.0.1 only.
import { parseArgs } from 'node:util';
import { sendAsRegions } from '../demo-loader';
import { PortInUseError } from '../listen';
import { readCompetenceCircle } from '@modellregionen/api';
import { berlinDateOf } from '@modellregionen/domain';
import { defaultCatalogue } from '@modellregionen/events';
import { DEFAULT_PORTS } from '../constants';
import { devIssuerKeyFile, startLocalRuntime } from '../runtime';
import { ensureWebBuilt } from '@modellregionen/web/build';

const HELP = `usage: npm start [-- options]

  --demo              load a demo history of the six model regions (2009 to 2013)
  --in-memory         keep nothing on disk (a throwaway run)
  --data-dir <dir>    where the store, the archive and the queues live (default .data)
  --api-port <n>      HTTP API (default ${DEFAULT_PORTS.api})
  --events-port <n>   EventBridge-compatible endpoint (default ${DEFAULT_PORTS.events})
  --store-port <n>    embedded DynamoDB-compatible store (default ${DEFAULT_PORTS.store})
  --no-web            serve the API only (the web app is built on start when its sources changed)

AWS_ENDPOINT_URL_DYNAMODB=<url> uses that DynamoDB (DynamoDB Local, LocalStack, moto) instead of
the embedded store.`;

const port = (value: string | undefined, name: string, fallback: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number (0 to 65535), got "${value}"`);
  return n;
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      demo: { type: 'boolean', default: false },
      'in-memory': { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'api-port': { type: 'string' },
      'events-port': { type: 'string' },
      'store-port': { type: 'string' },
      'no-web': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  // The web app is served from its build; a start after a change of its sources builds it again
  // (about a second), so the user never runs a build step. Without a build the API still starts.
  let webDir: string | undefined;
  if (!values['no-web']) {
    try {
      webDir = (await ensureWebBuilt({ log: (line) => console.log(line) })).distDir;
    } catch (err) {
      console.error(`the web app could not be built, serving the API only: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const runtime = await startLocalRuntime({
    ...(webDir ? { webDir } : {}),
    inMemory: values['in-memory'],
    // The issuer's key stays on disk even for in-memory runs, so `npm run token` can sign for them.
    devIssuerKeyFile: devIssuerKeyFile(values['data-dir']),
    ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}),
    ...(process.env.AWS_ENDPOINT_URL_DYNAMODB ? { dynamoEndpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB } : {}),
    ports: {
      api: port(values['api-port'], '--api-port', DEFAULT_PORTS.api),
      events: port(values['events-port'], '--events-port', DEFAULT_PORTS.events),
      store: port(values['store-port'], '--store-port', DEFAULT_PORTS.store),
    },
    log: (line) => console.error(`[local] ${line}`),
  });
  console.log(`Modellregionen Integration, local runtime${webDir ? `\n  Web app               ${runtime.urls.api}/   (Entwicklungsanmeldung: pick a role)` : ''}
  HTTP API              ${runtime.urls.api}/v1   (token: npm run token -- --role ministry)
  EventBridge endpoint  ${runtime.urls.events}   bus "${runtime.busName}", ${runtime.archive.size} archived events
  DynamoDB store        ${runtime.urls.store}   table "${runtime.tableName}"${runtime.dataDir ? `\n  data                  ${runtime.dataDir}` : '  (in memory)'}
Put events with the AWS CLI or SDK. The access key id is the principal: a region id (which may put
only its own Source), ministerium, or local-admin (any Source):
  AWS_ACCESS_KEY_ID=local-admin AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=eu-central-1 \\
    aws events put-events --endpoint-url ${runtime.urls.events} --entries file://events/examples/milestone-reported.json
Ctrl-C stops it; accepted events are kept and delivered after the next start.`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping (waiting for deliveries in flight) ...`);
    await runtime.stop();
    console.log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (values.demo && runtime.archive.size > 0) {
    console.log(
      `demo not loaded: the bus archive already holds ${runtime.archive.size} events. ` +
        'Use --in-memory or an empty --data-dir to load the demo into a fresh store.',
    );
  } else if (values.demo) {
    const { demoHistory } = await import('../demo/demo-history');
    const entries = demoHistory();
    const result = await sendAsRegions({
      eventsUrl: runtime.urls.events,
      busName: runtime.busName,
      entries,
      onProgress: (sent, total, principal) => process.stdout.write(`\rdemo: ${sent}/${total} events sent (${principal})          `),
    });
    process.stdout.write('\n');
    await runtime.settled();
    const view = await readCompetenceCircle({ store: runtime.store, catalogue: defaultCatalogue, asOf: undefined, today: berlinDateOf(Date.now()) });
    console.log(
      `demo loaded: ${result.sent} events sent, ${result.failedEntries} refused by the bus; ` +
        `${view.totals.milestones.total} milestones, ${view.totals.projects.total} projects, ` +
        `${view.totals.projects.fundingEur.toLocaleString('de-DE')} EUR funding in the competence circle`,
    );
  }
};

main().catch((err: unknown) => {
  if (err instanceof PortInUseError) console.error(`cannot start: ${err.message}`);
  else console.error(err instanceof Error ? `cannot start: ${err.message}` : err);
  process.exit(1);
});
