import type { EventBridgeEvent } from '@modellregionen/events';
import { AwsError } from '../aws-json';
import { entriesOf, type PutEventsResultEntry, toEvent } from '../put-events';
import type { EndpointContext, Operations } from './context';

/** PutEvents: the bus policy for the whole call, then each entry on its own (AWS's per-entry errors). */
export const putEventsOperation = ({ busName, region, account, policy, bus, log, arns, counters }: EndpointContext): Operations => ({
  'AWSEvents.PutEvents': async (principal, body) => {
    const entries = entriesOf(body);
    // The bus policy is a resource policy: one entry it does not allow denies the whole call.
    const denied = entries.find((e) => !policy.allows(principal, typeof e.Source === 'string' ? e.Source : ''));
    if (denied !== undefined) {
      counters.denied += 1;
      throw new AwsError(
        'AccessDeniedException',
        `User: arn:aws:iam::${account}:user/${principal} is not authorized to perform: events:PutEvents on resource: ${arns.bus(busName)} with source "${String(denied.Source)}" because no resource-based policy allows the events:PutEvents action`,
      );
    }
    const now = new Date();
    const results: PutEventsResultEntry[] = [];
    const accepted: EventBridgeEvent[] = [];
    for (const entry of entries) {
      const outcome = toEvent(entry, { account, region, now, knownBus: (n) => n === busName || n === 'default' });
      if ('error' in outcome) {
        results.push(outcome.error);
        continue;
      }
      results.push({ EventId: outcome.event.id });
      // The default bus exists, as on AWS, but has no rules: its events go nowhere.
      if (outcome.bus === busName) accepted.push(outcome.event);
      else log(`event ${outcome.event.id} was put on the default bus; the rules are on "${busName}"`);
    }
    await bus.publish(accepted);
    const failed = results.filter((r) => r.ErrorCode !== undefined).length;
    counters.accepted += accepted.length;
    counters.failedEntries += failed;
    return { FailedEntryCount: failed, Entries: results };
  },
});
