import { join } from 'node:path';
import { compilePattern } from '@modellregionen/event-patterns';
import { type EventBridgeEvent, type RuleDefinition, RULES, TARGET_QUEUES, TARGETS, type TargetName, UNATTRIBUTED_GROUP } from '@modellregionen/events';
import { Archive, type ArchivedEvent } from './archive';
import { type DeliveryOptions, DeliveryQueue, type QueueMessage, type TargetHandler } from './delivery-queue';

export interface LocalBusOptions {
  /** Where the archive and the queues' journals live; undefined keeps them in memory. */
  readonly dataDir?: string;
  readonly delivery?: DeliveryOptions;
  readonly log?: (line: string) => void;
  /** The rules it routes by: the bus's own (events/src/rules.ts) unless a test gives others. */
  readonly rules?: readonly RuleDefinition[];
}

export interface ReplayRequest {
  readonly name: string;
  /** Event times (epoch ms) selected: [from, to). */
  readonly from: number;
  readonly to: number;
  /** Rules to replay to (by name); every rule when absent, as StartReplay's `FilterArns`. */
  readonly rules?: readonly string[];
}

/** The id of the message that carries an archived event to a target: stable across restarts. */
const archiveMessageId = (offset: number): string => `a-${offset}`;

/** Rules ready to match, and the ones an event matches, in their order (only those named, when names are given). */
const compileRules = (rules: readonly RuleDefinition[]) => {
  const compiled = rules.map((rule) => ({ ...rule, matches: compilePattern(rule.eventPattern) }));
  return (event: EventBridgeEvent, ruleNames?: readonly string[]) =>
    compiled.filter((rule) => (ruleNames === undefined || ruleNames.includes(rule.name)) && rule.matches(event));
};

/**
 * The local bus: the archive is its write-ahead log and each target's queue a position in it.
 * `publish` resolves once the events are durable in the archive, and only then routes them to the
 * queues in memory; on open, everything archived after a queue's position that its journal does not
 * record as done is routed again. So an event the bus acknowledged is always delivered, whenever
 * the process dies, and a single fsync (shared by concurrent calls) acknowledges a PutEvents call.
 */
export class LocalBus {
  private constructor(
    readonly archive: Archive,
    readonly queues: ReadonlyMap<TargetName, DeliveryQueue>,
    private readonly matchingRules: ReturnType<typeof compileRules>,
  ) {}

  /** Opens the archive and the queues and recovers what is undelivered; delivery waits for `start`. */
  static async open(options: LocalBusOptions = {}): Promise<LocalBus> {
    const log = options.log ?? (() => {});
    const { dataDir } = options;
    const archive = await Archive.open(dataDir ? join(dataDir, 'archive.jsonl') : undefined);
    if (archive.cutBytes > 0) log(`archive: cut a torn last record of ${archive.cutBytes} bytes (written during a crash, never acknowledged)`);
    const matchingRules = compileRules(options.rules ?? RULES);
    // A message journaled before queues had groups gets the group its event is routed with now
    // (the unattributed group, should no rule match it any more).
    const groupFor = (target: TargetName, event: EventBridgeEvent): string =>
      matchingRules(event).find((rule) => rule.target === target)?.messageGroupId ?? UNATTRIBUTED_GROUP;
    const queues = new Map<TargetName, DeliveryQueue>();
    for (const target of TARGETS) {
      const file = dataDir ? join(dataDir, 'queues', `${target}.jsonl`) : undefined;
      const fifo = TARGET_QUEUES[target] === 'fifo' ? { groupOf: (event: EventBridgeEvent) => groupFor(target, event) } : undefined;
      const queue = await DeliveryQueue.open({ name: target, file, options: options.delivery ?? {}, ...(fifo ? { fifo } : {}) });
      queue.adoptLegacyJournal(archive.end);
      queues.set(target, queue);
    }
    const bus = new LocalBus(archive, queues, matchingRules);
    const recovered = await bus.recover();
    if (recovered > 0) log(`recovered ${recovered} undelivered messages from the archive`);
    return bus;
  }

  /** Routes again every archived event after the lowest queue position. */
  private async recover(): Promise<number> {
    const from = Math.min(...[...this.queues.values()].map((q) => q.position));
    let before = 0;
    for (const q of this.queues.values()) before += q.stats.pending;
    for await (const archived of this.archive.read(from)) {
      for (const [target, message] of this.route(archived)) {
        const queue = this.queues.get(target)!;
        if (archived.offset >= queue.position) queue.recover(message);
      }
    }
    let after = 0;
    for (const q of this.queues.values()) after += q.stats.pending;
    return after - before;
  }

  /** Starts delivery to the targets' handlers. */
  async start(handlers: Readonly<Record<TargetName, TargetHandler>>): Promise<void> {
    const end = this.archive.end;
    for (const [target, queue] of this.queues) await queue.start(handlers[target], end);
  }

  /**
   * The messages an archived event becomes: one per target that a rule matching it names, in the
   * message group of the first such rule. The aggregation's rules cannot overlap (each source has
   * one), but two rules to one target must never make two messages of one event.
   */
  private route(archived: ArchivedEvent, ruleNames?: readonly string[], replayName?: string): [TargetName, QueueMessage][] {
    const out = new Map<TargetName, QueueMessage>();
    for (const rule of this.matchingRules(archived.event, ruleNames)) {
      if (out.has(rule.target)) continue;
      const group = rule.messageGroupId === undefined ? {} : { groupId: rule.messageGroupId };
      out.set(
        rule.target,
        replayName === undefined
          ? { id: archiveMessageId(archived.offset), event: archived.event, sentAt: archived.acceptedAt, offset: archived.offset, ...group }
          : {
              id: `r-${replayName}-${archived.offset}`,
              event: { ...archived.event, 'replay-name': replayName },
              // The time the bus first accepted it, so what is rebuilt from a replay records the same.
              sentAt: archived.acceptedAt,
              ...group,
            },
      );
    }
    return [...out];
  }

  /** Archives the events (durably), then hands each to the queue of every rule it matches. */
  async publish(events: readonly EventBridgeEvent[]): Promise<void> {
    if (events.length === 0) return;
    const archived = await this.archive.append(events);
    const byTarget = new Map<TargetName, QueueMessage[]>();
    for (const a of archived) {
      for (const [target, message] of this.route(a)) byTarget.set(target, [...(byTarget.get(target) ?? []), message]);
    }
    for (const [target, messages] of byTarget) this.queues.get(target)!.push(messages);
  }

  /**
   * Sends the archived events of a time range to the rules again, marked with `replay-name`, and
   * resolves once the queues have taken them. Replayed events are not archived again.
   */
  async replay(request: ReplayRequest): Promise<number> {
    let count = 0;
    let byTarget = new Map<TargetName, QueueMessage[]>();
    const flush = async () => {
      for (const [target, messages] of byTarget) await this.queues.get(target)!.enqueue(messages);
      byTarget = new Map();
    };
    for await (const archived of this.archive.between(request.from, request.to)) {
      count += 1;
      for (const [target, message] of this.route(archived, request.rules, request.name)) {
        byTarget.set(target, [...(byTarget.get(target) ?? []), message]);
      }
      if (count % 100 === 0) await flush();
    }
    await flush();
    return count;
  }

  /** Resolves when every queue has delivered (or parked) everything it holds. */
  async settled(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.settled()));
  }

  stats() {
    return Object.fromEntries([...this.queues].map(([name, q]) => [name, q.stats]));
  }

  /** Stops delivering, waiting for the batches in flight; the archive still takes events. */
  async stopDelivery(): Promise<void> {
    for (const queue of this.queues.values()) await queue.stop();
  }

  /** Stops delivering and closes the archive. */
  async stop(): Promise<void> {
    await this.stopDelivery();
    await this.archive.close();
  }
}
