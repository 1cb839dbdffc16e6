/** What the groups need of a queued message: its id, its group, and when it may be delivered again. */
export interface GroupedMessage {
  readonly message: { readonly id: string; readonly groupId?: string };
  /** Epoch ms before which it is hidden (backing off after a failed delivery, as its visibility timeout). */
  readonly availableAt: number;
}

/** One group's messages in the order they were queued; delivered entries are dropped from the head. */
interface Line<M> {
  items: M[];
  head: number;
}

/**
 * The message groups of a FIFO queue, each a line of its messages in the order they were queued,
 * and which groups are locked. As SQS FIFO: a batch takes each group's messages from the head of
 * its line; a group is locked while a batch holding one of its messages is in flight, and while
 * one of its messages is hidden after a failed delivery, so its later messages wait behind it.
 *
 * Messages leave a line lazily: whatever `isQueued` no longer knows is skipped and dropped.
 */
export class MessageGroups<M extends GroupedMessage> {
  /** Lines by group, in the order the groups first came (so the oldest backlog goes first). */
  private readonly lines = new Map<string, Line<M>>();
  /** Groups that may not be delivered, with the number of holds on each. */
  private readonly locks = new Map<string, number>();

  constructor(
    /** Whether a message is still queued (the queue's own record, which acknowledgements update). */
    private readonly isQueued: (message: M) => boolean,
    /** The most messages a batch holds: a group's hidden messages all lie within that many of its head. */
    private readonly batchSize: number,
  ) {}

  /** Queues a message at the end of its group's line. */
  add(message: M): void {
    const group = groupOf(message);
    const line = this.lines.get(group) ?? { items: [], head: 0 };
    if (line.items.length === 0) this.lines.set(group, line);
    line.items.push(message);
  }

  /** Locks the groups of a batch once more (a batch in flight, a handler still running). */
  lock(groups: readonly string[]): void {
    for (const g of groups) this.locks.set(g, (this.locks.get(g) ?? 0) + 1);
  }

  unlock(groups: readonly string[]): void {
    for (const g of groups) {
      const n = (this.locks.get(g) ?? 0) - 1;
      if (n > 0) this.locks.set(g, n);
      else this.locks.delete(g);
    }
  }

  /**
   * Up to `slots` batches of up to `batchSize` messages each, from the groups that are neither
   * locked nor hold a hidden message; a group's messages go into one batch only, from the head of
   * its line. `nextAt` is when the first hidden message shows again.
   */
  pick(now: number, slots: number): { batches: M[][]; nextAt: number } {
    const batches: M[][] = [];
    let batch: M[] = [];
    let nextAt = Infinity;
    for (const [group, line] of this.lines) {
      const head = this.head(group, line, this.batchSize);
      if (head.length === 0 || this.locks.has(group)) continue;
      const hiddenUntil = Math.max(...head.map((m) => m.availableAt));
      if (hiddenUntil > now) {
        nextAt = Math.min(nextAt, hiddenUntil);
        continue;
      }
      if (batches.length === slots) continue;
      const take = this.head(group, line, this.batchSize - batch.length);
      batch.push(...take);
      if (batch.length === this.batchSize) {
        batches.push(batch);
        batch = [];
      }
    }
    if (batch.length > 0 && batches.length < slots) batches.push(batch);
    return { batches, nextAt };
  }

  /** The first `count` queued messages of a line, dropping what has left the queue from its head. */
  private head(group: string, line: Line<M>, count: number): M[] {
    while (line.head < line.items.length && !this.isQueued(line.items[line.head]!)) line.head += 1;
    if (line.head === line.items.length) {
      this.lines.delete(group);
      return [];
    }
    if (line.head > 1024 && line.head * 2 > line.items.length) {
      line.items = line.items.slice(line.head);
      line.head = 0;
    }
    const out: M[] = [];
    for (let i = line.head; i < line.items.length && out.length < count; i += 1) {
      const m = line.items[i]!;
      if (this.isQueued(m)) out.push(m);
    }
    return out;
  }
}

/** The group of a message; one without a group (never on a FIFO queue) is a group of its own. */
export const groupOf = (m: GroupedMessage): string => m.message.groupId ?? `\u0000${m.message.id}`;
