import { randomUUID } from 'node:crypto';
import type { EventBridgeEvent } from '@modellregionen/events';
import { Journal } from './journal';

/** A target's answer for a batch: the ids of the messages that failed (partial batch failure). */
export type TargetHandler = (messages: readonly QueueMessage[]) => Promise<{ failed: readonly string[] }>;

export interface QueueMessage {
  readonly id: string;
  readonly event: EventBridgeEvent;
  /** When the message was enqueued (as SQS `SentTimestamp`). */
  readonly sentAt: string;
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
  /** Delay before the n-th redelivery: base * 2^(n-1), capped. */
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
}

type JournalRecord =
  | { op: 'enqueue'; message: QueueMessage }
  | { op: 'ack'; id: string }
  | { op: 'dead'; letter: DeadLetter }
  | { op: 'redrive'; id: string };

interface Pending {
  message: QueueMessage;
  receiveCount: number;
  availableAt: number;
  lastError?: string;
}

const DEFAULTS = { batchSize: 10, batchWindowMs: 20, maxReceiveCount: 5, backoffBaseMs: 200, backoffMaxMs: 30_000 };

/**
 * A target's queue, as EventBridge -> SQS -> Lambda behaves: at-least-once delivery in batches,
 * redelivery with exponential backoff of what failed, and after `maxReceiveCount` deliveries a
 * dead-letter queue from which messages can be redriven. Its journal keeps undelivered and dead
 * messages across restarts.
 */
export class DeliveryQueue {
  private readonly pending = new Map<string, Pending>();
  private readonly dead = new Map<string, DeadLetter>();
  private readonly inFlight = new Set<string>();
  private readonly options: Required<DeliveryOptions>;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private running = true;
  private active = 0;
  private idleWaiters: (() => void)[] = [];
  private delivered = 0;

  private constructor(
    readonly name: string,
    private readonly handler: TargetHandler,
    private readonly journal: Journal<JournalRecord>,
    options: DeliveryOptions,
  ) {
    this.options = { ...DEFAULTS, ...options };
    if (this.options.batchSize < 1 || this.options.batchSize > 10) throw new Error('batchSize must be 1 to 10');
  }

  static async open(input: {
    name: string;
    handler: TargetHandler;
    file: string | undefined;
    options?: DeliveryOptions;
  }): Promise<DeliveryQueue> {
    const { journal, records } = await Journal.open<JournalRecord>(input.file);
    const queue = new DeliveryQueue(input.name, input.handler, journal, input.options ?? {});
    for (const r of records) queue.replay(r);
    // Compacts the journal to what is still open, so it does not grow without end.
    await journal.rewrite([
      ...[...queue.pending.values()].map((p): JournalRecord => ({ op: 'enqueue', message: p.message })),
      ...[...queue.dead.values()].map((letter): JournalRecord => ({ op: 'dead', letter })),
    ]);
    queue.schedule(0);
    return queue;
  }

  private replay(r: JournalRecord): void {
    switch (r.op) {
      case 'enqueue':
        this.pending.set(r.message.id, { message: r.message, receiveCount: 0, availableAt: 0 });
        break;
      case 'ack':
        this.pending.delete(r.id);
        break;
      case 'dead':
        this.pending.delete(r.letter.id);
        this.dead.set(r.letter.id, r.letter);
        break;
      case 'redrive': {
        const letter = this.dead.get(r.id);
        this.dead.delete(r.id);
        if (letter) this.pending.set(r.id, { message: stripLetter(letter), receiveCount: 0, availableAt: 0 });
        break;
      }
    }
  }

  /** Enqueues events; resolves once they are durable in the queue's journal. */
  async enqueue(events: readonly EventBridgeEvent[]): Promise<void> {
    const sentAt = new Date().toISOString();
    const messages = events.map((event): QueueMessage => ({ id: randomUUID(), event, sentAt }));
    await this.journal.append(messages.map((message): JournalRecord => ({ op: 'enqueue', message })));
    for (const message of messages) this.pending.set(message.id, { message, receiveCount: 0, availableAt: 0 });
    this.schedule(this.options.batchWindowMs);
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
    for (const id of chosen) this.replay({ op: 'redrive', id });
    this.schedule(0);
    return chosen.length;
  }

  /** Resolves when nothing is waiting or in flight (every message delivered or dead). */
  settled(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops delivering; waits for the batches in flight. Undelivered messages stay in the journal. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    while (this.active > 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await this.journal.flush();
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
    this.timer = setTimeout(() => void this.pump(), Math.max(0, delayMs));
  }

  private async pump(): Promise<void> {
    this.timer = undefined;
    this.timerAt = Infinity;
    if (!this.running) return;
    const now = Date.now();
    const ready = [...this.pending.values()].filter((p) => p.availableAt <= now && !this.inFlight.has(p.message.id));
    // Deliver every ready batch; batches run concurrently, as Lambda scales out over SQS.
    for (let i = 0; i < ready.length; i += this.options.batchSize) {
      void this.deliver(ready.slice(i, i + this.options.batchSize));
    }
    const waiting = [...this.pending.values()].filter((p) => !this.inFlight.has(p.message.id) && p.availableAt > now);
    if (waiting.length > 0) this.schedule(Math.min(...waiting.map((p) => p.availableAt)) - now);
  }

  private async deliver(batch: Pending[]): Promise<void> {
    this.active += 1;
    for (const p of batch) {
      this.inFlight.add(p.message.id);
      p.receiveCount += 1;
    }
    let failed: Set<string>;
    let error = 'the target reported the message as failed';
    try {
      failed = new Set((await this.handler(batch.map((p) => p.message))).failed);
    } catch (err) {
      failed = new Set(batch.map((p) => p.message.id));
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    const records: JournalRecord[] = [];
    const deadNow: DeadLetter[] = [];
    for (const p of batch) {
      if (!failed.has(p.message.id)) {
        records.push({ op: 'ack', id: p.message.id });
        continue;
      }
      p.lastError = error;
      if (p.receiveCount >= this.options.maxReceiveCount) {
        const letter: DeadLetter = { ...p.message, receiveCount: p.receiveCount, lastError: error, deadAt: new Date().toISOString() };
        deadNow.push(letter);
        records.push({ op: 'dead', letter });
      } else {
        const delay = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (p.receiveCount - 1));
        p.availableAt = Date.now() + delay;
      }
    }
    try {
      await this.journal.append(records);
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
    const next = [...this.pending.values()].filter((p) => !this.inFlight.has(p.message.id));
    if (next.length > 0) this.schedule(Math.min(...next.map((p) => p.availableAt)) - Date.now());
  }
}

const stripLetter = ({ id, event, sentAt }: DeadLetter): QueueMessage => ({ id, event, sentAt });
