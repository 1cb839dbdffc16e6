// `npm run dlq` lists the dead-letter queues of the running local runtime;
// `npm run dlq -- redrive [messageId ...]` moves all (or the named) messages back for delivery.
import { parseArgs } from 'node:util';
import { localAdminClient } from '../local-admin-client';
import { DEFAULT_PORTS, LOCAL_HOST } from '../constants';

const { values, positionals } = parseArgs({
  options: { 'events-url': { type: 'string', default: `http://${LOCAL_HOST}:${DEFAULT_PORTS.events}` } },
  allowPositionals: true,
});
const admin = localAdminClient(values['events-url']);

const run = async () => {
  const [command = 'list', ...ids] = positionals;
  if (command === 'list') {
    const letters = await admin.deadLetters();
    if (letters.length === 0) {
      console.log('the dead-letter queues are empty');
      return;
    }
    for (const d of letters) {
      const target = d.MessageGroupId === undefined ? d.Target : `${d.Target} (group ${d.MessageGroupId})`;
      console.log(`${d.MessageId}  ${target}  ${d.Source} ${d.DetailType} event ${d.EventId}  after ${d.ReceiveCount} deliveries: ${d.LastError}`);
    }
    console.log(`${letters.length} dead letters; redrive with: npm run dlq -- redrive [messageId ...]`);
  } else if (command === 'redrive') {
    const moved = await admin.redrive(ids.length > 0 ? ids : undefined);
    console.log(`redrove ${moved} messages`);
  } else {
    throw new Error(`unknown command "${command}": use list or redrive`);
  }
};

run().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
