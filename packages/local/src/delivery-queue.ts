import { existsSync } from 'node:fs';
import type { EventBridgeEvent } from '@modellregionen/events';
import { failuresInGroupOrder } from '@modellregionen/lambda-kit';
import { Journal } from './journal';
import { groupOf, MessageGroups } from './message-groups';

/** A target's answer for a batch: the ids of the messages that failed (partial batch failure). */
export type TargetHandler = (messages: readonly QueueMessage[]) => Promise<{ failed: readonly string[] }>;

export interface QueueMessage {
  readonly id: string;
  readonly event: EventBridgeEvent;
  /** When the queue received it (SQS `SentTimestamp`): for events from the bus, when the bus accepted them. */
  readonly sentAt: string;
  /** Where its event lies in the bus archive, for messages the archive holds (not replays or redrives). */
  readonly offset?: number;
  /** Its message group on a FIFO queue: the `messageGroupId` of the rule that routed it. */
  readonly groupId?: string;
}

export interface DeadLetter extends QueueMessage {
  readonly receiveCount: number;
  readonly lastError: string;
  readonly deadAt: string;
}

export interface DeliveryOptions {
  /** Messages per delivery, as SQS batches for Lambda (at most 10). */
  readonly batchSize?: number;
  /** How long to gather a batch before delivering it. */
  readonly batchWindowMs?: number;
  /** Deliveries before a message is parked in the dead-letter queue (SQS maxReceiveCount). */
  readonly maxReceiveCount?: number;
  /** Delay before the n-th redelivery: base * 2^(n-1), capped (as a growing visibility timeout). */
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
  /** Batches delivered at once (as a Lambda function's concurrency on its queue). */
  readonly maxConcurrentBatches?: number;
  /** A delivery that has not answered by then counts as failed (as a function timeout). */
  readonly deliveryTimeoutMs?: number;
}

/**
 * The defaults ride out a store outage of five minutes: deliveries at 0, 1, 3, 7, 15, 31, 63 s and
 * then every minute, so the twelfth and last one comes about six minutes after the first.
 */
export const DEFAULT_DELIVERY: Required<DeliveryOptions> = {
  batchSize: 10,
  batchWindowMs: 20,
  maxReceiveCount: 12,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  maxConcurrentBatches: 4,
  deliveryTimeoutMs: 60_000,
};

/** The delay before delivery number `receiveCount + 1` of a message that failed `receiveCount` times. */
const backoffDelay = (options: Required<DeliveryOptions>, receiveCount: number): number =>
  Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** (receiveCount - 1));

/** How long after its first delivery a message that always fails is parked: the retry span. */
export const retrySpanMs = (options: Required<DeliveryOptions>): number => {
  let span = 0;
  for (let n = 1; n < options.maxReceiveCount; n += 1) span += backoffDelay(options, n);
  return span;
};

/**
 * What a queue's journal records. Messages from the archive are not copied into it: the queue is a
 * position in the archive plus the acknowledgements after it. Only messages the archive does not
 * hold in that form (replays, redriven dead letters) are journaled whole.
 */
type JournalRecord =
  /** Every archive message of this queue before `offset` was acknowledged or parked. */
  | { op: 'position'; offset: number }
  | { op: 'enqueue'; message: QueueMessage }
  | { op: 'ack'; id: string; offset?: number }
  | { op: 'dead'; letter: DeadLetter }
  | { op: 'redrive'; id: string };

interface Pending {
  message: QueueMessage;
  receiveCount: number;
  availableAt: number;
}

class DeliveryTimeout extends Error {
  override readonly name = 'DeliveryTimeout';
}

/** What makes a queue FIFO: the group of a message recorded without one (journals written before groups). */
export interface FifoOptions {
  readonly groupOf: (event: EventBridgeEvent) => string;
}

const HELD_BEHIND = 'held back: an earlier message of its message group failed in the same delivery';

/**
 * A target's queue, as EventBridge -> SQS -> Lambda behaves: at-least-once delivery in batches,
 * redelivery with capped exponential backoff of what failed, and after `maxReceiveCount` deliveries
 * a dead-letter queue from which messages can be redriven.
 *
 * A FIFO queue (`fifo`) delivers by message group, as SQS FIFO does to Lambda: a batch may hold
 * several groups, each with its messages in order from the head of its line; while a batch holding
 * a group's message is in flight, or a failed message of the group waits out its backoff, no
 * other message of that group is delivered. A failed message takes the later messages of its
 * group in the same batch back with it (as the Lambda handler reports them, lambda-kit's
 * `failuresInGroupOrder`), so a group is delivered in order until a message is dead-lettered.
 * A delivery that timed out keeps its groups locked until its handler has returned: on AWS the
 * function timeout ends the invocation before the visibility timeout lets the group go, and here
 * nothing can end a handler.
 *
 * Durability comes from the bus archive: `push` takes messages whose events the archive already
 * holds, and on open the bus hands back (`recover`) every archived message after the queue's
 * position that its journal does not record as acknowledged or parked.
 */
export class DeliveryQueue {
  private readonly pending = new Map<string, Pending>();
  private readonly dead = new Map<string, DeadLetter>();
  /** Acknowledged archive messages at or after `position` (read from the journal; kept until compaction). */
  private readonly acked = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  /** The message groups, on a FIFO queue. */
  private readonly groups: MessageGroups<Pending> | undefined;
  private readonly options: Required<DeliveryOptions>;
  private handler: TargetHandler | undefined;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private running = false;
  private stopped = false;
  private active = 0;
  private idleWaiters: (() => void)[] = [];
  private delivered = 0;
  private positionAt = 0;
  /** Whether the journal was written before queues were positions in the archive. */
  private legacy = false;

  private constructor(
    readonly name: string,
    private readonly journal: Journal<JournalRecord>,
    options: DeliveryOptions,
    private readonly fifo: FifoOptions | undefined,
  ) {
    this.options = { ...DEFAULT_DELIVERY, ...options };
    if (this.options.batchSize < 1 || this.options.batchSize > 10) throw new Error('batchSize must be 1 to 10');
    if (this.options.maxReceiveCount < 1) throw new Error('maxReceiveCount must be at least 1');
    this.groups = fifo ? new MessageGroups<Pending>((p) => this.pending.get(p.message.id) === p, this.options.batchSize) : undefined;
  }

  /**
   * Opens the queue from its journal. With a `handler` it starts delivering at once (a queue of its
   * own); the bus passes none, recovers the archive's messages into it and then calls `start`.
   */
  static async open(input: {
    name: string;
    file: string | undefined;
    handler?: TargetHandler;
    options?: DeliveryOptions;
    fifo?: FifoOptions;
  }): Promise<DeliveryQueue> {
    const existed = input.file !== undefined && existsSync(input.file);
    const queue = new DeliveryQueue(input.name, await Journal.open<JournalRecord>(input.file), input.options ?? {}, input.fifo);
    let positioned = false;
    for await (const { record } of queue.journal.read()) {
      positioned ||= record.op === 'position';
      queue.apply(record);
    }
    // Every start writes a position, so a journal that exists without one is of the older kind.
    queue.legacy = existed && !positioned;
    if (input.handler) await queue.start(input.handler, Infinity);
    return queue;
  }

  /** Every archive message of this queue before this offset was acknowledged or parked. */
  get position(): number {
    return this.positionAt;
  }

  /**
   * A journal written before queues were positions in the archive holds every undelivered
   * message itself (as `enqueue` records): nothing in the archive is owed to it, so its position
   * is the archive's end. Without this, the first start after an upgrade would deliver the whole
   * history again.
   */
  adoptLegacyJournal(archiveEnd: number): void {
    if (this.legacy) this.positionAt = archiveEnd;
  }

  private apply(r: JournalRecord): void {
    switch (r.op) {
      case 'position':
        this.positionAt = r.offset;
        break;
      case 'enqueue':
        this.queue(r.message);
        break;
      case 'ack':
        this.pending.delete(r.id);
        if (r.offset !== undefined && r.offset >= this.positionAt) this.acked.set(r.id, r.offset);
        break;
      case 'dead':
        this.pending.delete(r.letter.id);
        this.dead.set(r.letter.id, { ...r.letter, ...this.grouped(r.letter) });
        break;
      case 'redrive': {
        const letter = this.dead.get(r.id);
        this.dead.delete(r.id);
        // A redriven message is held by the journal from now on, whatever its offset; on a FIFO
        // queue it joins the end of its group's line, as SQS's redrive sends it anew.
        if (letter) this.queue(messageOf(letter));
        break;
      }
    }
  }

  /** Takes back an archived message found after the queue's position on open, unless it was done. */
  recover(message: QueueMessage): void {
    if (this.acked.has(message.id) || this.dead.has(message.id) || this.pending.has(message.id)) return;
    this.queue(message);
  }

  /** Puts a message at the end of the queue (of its group's line, on a FIFO queue). */
  private queue(message: QueueMessage): void {
    const p: Pending = { message: { ...message, ...this.grouped(message) }, receiveCount: 0, availableAt: 0 };
    this.pending.set(message.id, p);
    this.groups?.add(p);
  }

  /** The group of a message on a FIFO queue: its own, or the one its event is routed with (older journals). */
  private grouped(message: QueueMessage): { groupId?: string } {
    if (!this.fifo) return {};
    return { groupId: message.groupId ?? this.fifo.groupOf(message.event) };
  }

  /**
   * Starts delivering to `handler`. First compacts the journal to what is still open, so it does not
   * grow without end: the new position is the first archive message still pending, or `archiveEnd`
   * when none is (nothing after it has been routed to this queue yet).
   */
  async start(handler: TargetHandler, archiveEnd: number): Promise<void> {
    const fromArchive = [...this.pending.values()].flatMap((p) => (p.message.offset === undefined ? [] : [p.message.offset]));
    const position = Math.min(archiveEnd, ...fromArchive);
    const records: JournalRecord[] = [];
    if (Number.isFinite(position)) {
      records.push({ op: 'position', offset: position });
      for (const [id, offset] of this.acked) if (offset >= position) records.push({ op: 'ack', id, offset });
    }
    for (const p of this.pending.values()) if (p.message.offset === undefined) records.push({ op: 'enqueue', message: p.message });
    for (const letter of this.dead.values()) records.push({ op: 'dead', letter });
    await this.journal.rewrite(records);
    if (Number.isFinite(position)) this.positionAt = position;
    this.acked.clear();
    this.handler = handler;
    this.running = !this.stopped;
    this.schedule(0);
  }

  /** Takes messages whose events the archive already holds (no write of its own). */
  push(messages: readonly QueueMessage[]): void {
    for (const message of messages) this.queue(message);
    this.schedule(this.options.batchWindowMs);
  }

  /** Takes messages the archive does not hold (replays); resolves once they are in the queue's journal. */
  async enqueue(messages: readonly QueueMessage[]): Promise<void> {
    await this.journal.append(messages.map((message): JournalRecord => ({ op: 'enqueue', message })));
    this.push(messages);
  }

  get stats() {
    return { pending: this.pending.size, inFlight: this.inFlight.size, dead: this.dead.size, delivered: this.delivered };
  }

  deadLetters(): DeadLetter[] {
    return [...this.dead.values()];
  }

  /** Moves dead letters (all, or those with the given ids) back into the queue. */
  async redrive(ids?: readonly string[]): Promise<number> {
    const chosen = (ids ?? [...this.dead.keys()]).filter((id) => this.dead.has(id));
    await this.journal.append(chosen.map((id): JournalRecord => ({ op: 'redrive', id })));
    for (const id of chosen) this.apply({ op: 'redrive', id });
    this.schedule(0);
    return chosen.length;
  }

  /** Resolves when nothing is waiting or in flight (every message delivered or dead). */
  settled(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops delivering; waits for the batches in flight. Undelivered messages stay (archive and journal). */
  async stop(): Promise<void> {
    this.running = false;
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.active > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.journal.close();
  }

  private isIdle(): boolean {
    return this.pending.size === 0 && this.inFlight.size === 0;
  }

  /** Makes the queue look for ready messages in `delayMs`, unless it already will sooner. */
  private schedule(delayMs: number): void {
    if (!this.running) return;
    const at = Date.now() + Math.max(0, delayMs);
    if (this.timer !== undefined && this.timerAt <= at) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.pump(), Math.max(0, delayMs));
  }

  private pump(): void {
    this.timer = undefined;
    this.timerAt = Infinity;
    if (!this.running) return;
    const now = Date.now();
    const slots = this.options.maxConcurrentBatches - this.active;
    const { batches, nextAt } = this.groups ? this.groups.pick(now, slots) : this.pick(now, slots);
    for (const batch of batches) this.deliver(batch);
    // With every worker busy, the next pump comes when a batch finishes (afterDelivery).
    if (nextAt < Infinity && this.active < this.options.maxConcurrentBatches) this.schedule(nextAt - now);
  }

  /** Up to `slots` batches of a standard queue: any messages that are neither in flight nor hidden. */
  private pick(now: number, slots: number): { batches: Pending[][]; nextAt: number } {
    const batches: Pending[][] = [];
    let batch: Pending[] = [];
    let nextAt = Infinity;
    for (const p of this.pending.values()) {
      if (batches.length >= slots) break;
      if (this.inFlight.has(p.message.id)) continue;
      if (p.availableAt > now) {
        nextAt = Math.min(nextAt, p.availableAt);
        continue;
      }
      batch.push(p);
      if (batch.length === this.options.batchSize) {
        batches.push(batch);
        batch = [];
      }
    }
    if (batch.length > 0 && batches.length < slots) batches.push(batch);
    return { batches, nextAt };
  }

  private deliver(batch: Pending[]): void {
    this.active += 1;
    for (const p of batch) {
      this.inFlight.add(p.message.id);
      p.receiveCount += 1;
    }
    // A handler that throws at once rejects like one that fails later.
    const run = Promise.resolve().then(() => this.handler!(batch.map((p) => p.message)));
    const groups = this.groups ? [...new Set(batch.map(groupOf))] : [];
    if (this.groups) {
      const held = this.groups;
      // Held once until the batch is settled, and once until the handler has returned.
      held.lock([...groups, ...groups]);
      void run
        .catch(() => undefined)
        .then(() => {
          held.unlock(groups);
          this.schedule(0);
        });
    }
    void this.settle(batch, groups, this.answer(run));
  }

  /** The handler's answer, or every message failed if it throws or takes longer than the timeout. */
  private async answer(run: Promise<{ failed: readonly string[] }>): Promise<{ failed: Set<string> | 'all'; error: string }> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeliveryTimeout(`no answer within ${this.options.deliveryTimeoutMs} ms`)), this.options.deliveryTimeoutMs);
      });
      const result = await Promise.race([run, timeout]);
      return { failed: new Set(result.failed), error: 'the target reported the message as failed' };
    } catch (err) {
      return { failed: 'all', error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The messages of a batch that go back to the queue: those the handler named, or all of them;
   * on a FIFO queue with every later message of a failed one's group (held behind it).
   */
  private failedOf(batch: readonly Pending[], answer: { failed: Set<string> | 'all'; error: string }): Map<string, string> {
    const named = answer.failed === 'all' ? new Set(batch.map((p) => p.message.id)) : answer.failed;
    const ids = this.groups
      ? failuresInGroupOrder(
          batch,
          named,
          (p) => p.message.id,
          (p) => p.message.groupId,
        )
      : batch.map((p) => p.message.id).filter((id) => named.has(id));
    return new Map(ids.map((id) => [id, named.has(id) ? answer.error : HELD_BEHIND]));
  }

  private async settle(batch: Pending[], groups: readonly string[], answer: Promise<{ failed: Set<string> | 'all'; error: string }>): Promise<void> {
    const failed = this.failedOf(batch, await answer);
    const records: JournalRecord[] = [];
    const deadNow: DeadLetter[] = [];
    for (const p of batch) {
      const { id, offset } = p.message;
      const error = failed.get(id);
      if (error === undefined) {
        records.push(offset === undefined ? { op: 'ack', id } : { op: 'ack', id, offset });
        continue;
      }
      if (p.receiveCount >= this.options.maxReceiveCount) {
        const letter: DeadLetter = { ...messageOf(p.message), receiveCount: p.receiveCount, lastError: error, deadAt: new Date().toISOString() };
        deadNow.push(letter);
        records.push({ op: 'dead', letter });
      } else {
        p.availableAt = Date.now() + backoffDelay(this.options, p.receiveCount);
        // A standard queue puts it at the back, to stay roughly in order of availability; on a
        // FIFO queue it keeps its place at the head of its group's line.
        if (!this.groups) {
          this.pending.delete(id);
          this.pending.set(id, p);
        }
      }
    }
    try {
      await this.journal.append(records);
    } catch {
      // Not recorded: the messages stay pending and are delivered again (at least once).
      records.length = 0;
      deadNow.length = 0;
    } finally {
      for (const r of records) {
        if (r.op === 'ack') {
          this.pending.delete(r.id);
          this.delivered += 1;
        }
      }
      for (const letter of deadNow) {
        this.pending.delete(letter.id);
        this.dead.set(letter.id, letter);
      }
      for (const p of batch) this.inFlight.delete(p.message.id);
      this.groups?.unlock(groups);
      this.active -= 1;
      this.afterDelivery();
    }
  }

  private afterDelivery(): void {
    if (this.isIdle()) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
      return;
    }
    this.schedule(0);
  }
}

/** A message as redelivery sees it: no longer tied to the archive's position (but to its group). */
const messageOf = ({ id, event, sentAt, groupId }: QueueMessage): QueueMessage => ({ id, event, sentAt, ...(groupId === undefined ? {} : { groupId }) });
