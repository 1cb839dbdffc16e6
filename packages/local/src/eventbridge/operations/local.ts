import { requireAdmin } from './admin';
import type { EndpointContext, Operations } from './context';

/** The local runtime's own operations: its status, and listing and redriving dead letters. */
export const localOperations = ({ busName, bus, arns, counters }: EndpointContext): Operations => ({
  'ModellregionenLocal.Status': () => ({
    Bus: busName,
    Archive: { Arn: arns.archive, Events: bus.archive.size },
    Counters: { ...counters },
    Queues: bus.stats(),
  }),
  'ModellregionenLocal.ListDeadLetters': (principal) => {
    requireAdmin(principal, 'manage dead-letter queues');
    return {
      DeadLetters: [...bus.queues].flatMap(([target, q]) =>
        q.deadLetters().map((d) => ({
          Target: target,
          MessageId: d.id,
          ...(d.groupId === undefined ? {} : { MessageGroupId: d.groupId }),
          EventId: d.event.id,
          Source: d.event.source,
          DetailType: d.event['detail-type'],
          ReceiveCount: d.receiveCount,
          LastError: d.lastError,
          DeadAt: d.deadAt,
        })),
      ),
    };
  },
  'ModellregionenLocal.RedriveDeadLetters': async (principal, body) => {
    requireAdmin(principal, 'manage dead-letter queues');
    const ids = Array.isArray(body.MessageIds) ? body.MessageIds.map(String) : undefined;
    let moved = 0;
    for (const q of bus.queues.values()) moved += await q.redrive(ids);
    return { Redriven: moved };
  },
});
