import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeReplayCommand, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { deleteTable, ensureTable } from '@modellregionen/store';
import { localAdminClient } from './local-admin-client';

/**
 * Rebuilds every view from the bus archive: empties the table, then replays the whole archive
 * through the bus (StartReplay), which routes the events to the same targets again.
 */
export const replayArchive = async (input: {
  eventsUrl: string;
  dynamo: DynamoDBClient;
  tableName: string;
  onProgress?: (line: string) => void;
  pollMs?: number;
}): Promise<{ replayed: number }> => {
  const admin = localAdminClient(input.eventsUrl);
  const status = await admin.status();
  const busy = Object.entries(status.Queues).filter(([, q]) => q.pending + q.inFlight > 0);
  if (busy.length > 0) {
    throw new Error(`the queues are still delivering (${busy.map(([n, q]) => `${n}: ${q.pending} pending`).join(', ')}); replay when they are empty`);
  }
  input.onProgress?.(`emptying table ${input.tableName}`);
  await deleteTable(input.dynamo, input.tableName);
  await ensureTable(input.dynamo, input.tableName);

  const eventBridge = admin.eventBridge();
  try {
    const name = `rebuild-${Date.now()}`;
    await eventBridge.send(
      new StartReplayCommand({
        ReplayName: name,
        EventSourceArn: status.Archive.Arn,
        EventStartTime: new Date(0),
        EventEndTime: new Date(Date.now() + 60_000),
        Destination: { Arn: status.Archive.Arn.replace(/:archive\/.*$/, `:event-bus/${status.Bus}`) },
      }),
    );
    for (;;) {
      const replay = await eventBridge.send(new DescribeReplayCommand({ ReplayName: name }));
      if (replay.State === 'COMPLETED') return { replayed: status.Archive.Events };
      if (replay.State === 'FAILED') throw new Error(`replay failed: ${replay.StateReason ?? 'no reason given'}`);
      input.onProgress?.(`replaying ${status.Archive.Events} archived events ...`);
      await new Promise((resolve) => setTimeout(resolve, input.pollMs ?? 200));
    }
  } finally {
    eventBridge.destroy();
  }
};
