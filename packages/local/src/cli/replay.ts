// `npm run replay`: rebuild every view from the bus archive of the running local runtime.
import { parseArgs } from 'node:util';
import { createDynamoClient, DEFAULT_TABLE_NAME } from '@modellregionen/store';
import { replayArchive } from '../replay';
import { DEFAULT_PORTS, LOCAL_HOST, LOCAL_REGION } from '../constants';

const { values } = parseArgs({
  options: {
    'events-url': { type: 'string', default: `http://${LOCAL_HOST}:${DEFAULT_PORTS.events}` },
    'store-url': { type: 'string', default: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? `http://${LOCAL_HOST}:${DEFAULT_PORTS.store}` },
    table: { type: 'string', default: DEFAULT_TABLE_NAME },
  },
});

const dynamo = createDynamoClient({
  endpoint: values['store-url'],
  region: LOCAL_REGION,
  credentials: { accessKeyId: 'local-admin', secretAccessKey: 'local' },
});
replayArchive({
  eventsUrl: values['events-url'],
  dynamo,
  tableName: values.table,
  onProgress: (line) => console.log(line),
})
  .then(({ replayed }) => console.log(`rebuilt the views from ${replayed} archived events`))
  .catch((err: unknown) => {
    console.error(`replay failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => dynamo.destroy());
