import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeReplayCommand, StartReplayCommand } from '@aws-sdk/client-eventbridge';
import { AGGREGATION_RULES } from '@modellregionen/events';
import { clearDerivedItems } from '@modellregionen/store';
import { localAdminClient } from './local-admin-client';

/** The rules a rebuild replays to: those of the aggregation, each with its message group. Webhooks are not sent again. */
const REBUILD_RULES = AGGREGATION_RULES.map((r) => r.name);

/**
 * Rebuilds what is derived from events (current state, views, audit, quarantine) from the bus
 * archive: deletes those items, keeps the rest (subscriptions, closed reviews, webhook delivery
 * records), then replays the whole archive to the aggregation rules (StartReplay with FilterArns).
 * Replayed events keep the time the bus first accepted them, so the audit records the same
 * acceptance times, and their EventRejected notices are not published again: a rebuild appends
 * nothing to the archive.
 */
export const replayArchive = async (input: {
  eventsUrl: string;
  dynamo: DynamoDBClient;
  tableName: string;
  onProgress?: (line: string) => void;
  pollMs?: number;
}): Promise<{ replayed: number; cleared: number }> => {
  const admin = localAdminClient(input.eventsUrl);
  const status = await admin.status();
  const busy = Object.entries(status.Queues).filter(([, q]) => q.pending + q.inFlight > 0);
  if (busy.length > 0) {
    throw new Error(`the queues are still delivering (${busy.map(([n, q]) => `${n}: ${q.pending} pending`).join(', ')}); replay when they are empty`);
  }
  input.onProgress?.(`deleting the derived items of table ${input.tableName} (subscriptions and closed reviews stay)`);
  const cleared = await clearDerivedItems(input.dynamo, input.tableName);

  const eventBridge = admin.eventBridge();
  const arn = (kind: string, name: string) => status.Archive.Arn.replace(/:archive\/.*$/, `:${kind}/${name}`);
  try {
    const name = `rebuild-${Date.now()}`;
    await eventBridge.send(
      new StartReplayCommand({
        ReplayName: name,
        EventSourceArn: status.Archive.Arn,
        EventStartTime: new Date(0),
        EventEndTime: new Date(Date.now() + 60_000),
        Destination: { Arn: arn('event-bus', status.Bus), FilterArns: REBUILD_RULES.map((rule) => arn('rule', `${status.Bus}/${rule}`)) },
      }),
    );
    for (;;) {
      const replay = await eventBridge.send(new DescribeReplayCommand({ ReplayName: name }));
      if (replay.State === 'COMPLETED') return { replayed: status.Archive.Events, cleared };
      if (replay.State === 'FAILED') throw new Error(`replay failed: ${replay.StateReason ?? 'no reason given'}`);
      input.onProgress?.(`replaying ${status.Archive.Events} archived events ...`);
      await new Promise((resolve) => setTimeout(resolve, input.pollMs ?? 200));
    }
  } finally {
    eventBridge.destroy();
  }
};
