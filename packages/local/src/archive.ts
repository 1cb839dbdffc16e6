import type { EventBridgeEvent } from '@modellregionen/events';
import { Journal } from './journal';

/** An accepted event as the archive holds it. */
export interface ArchivedEvent {
  /** Where its record starts in the archive: the position queues keep. */
  readonly offset: number;
  /** When the bus accepted it, to the millisecond (the event's own `time` has whole seconds and may be set by the sender). */
  readonly acceptedAt: string;
  readonly event: EventBridgeEvent;
}

/** One line of `archive.jsonl`. Archives written before `acceptedAt` was kept hold the bare event. */
type ArchiveLine = { acceptedAt: string; event: EventBridgeEvent } | EventBridgeEvent;

const isBareEvent = (line: ArchiveLine): line is EventBridgeEvent => typeof (line as Record<string, unknown>)['detail-type'] === 'string';

const fromLine = (offset: number, line: ArchiveLine): ArchivedEvent =>
  isBareEvent(line) ? { offset, acceptedAt: line.time ?? new Date(0).toISOString(), event: line } : { offset, acceptedAt: line.acceptedAt, event: line.event };

/**
 * The bus archive and its write-ahead log: every accepted event, in order of acceptance, on disk
 * before the bus answers. The delivery queues are positions in it, so an event the bus
 * acknowledged is delivered even if the process dies right after (see `LocalBus`). Replaying it
 * rebuilds every view (SPEC section 5). It is read as a stream, never held in memory.
 */
export class Archive {
  private constructor(private readonly journal: Journal<ArchiveLine>) {}

  static async open(file: string | undefined): Promise<Archive> {
    return new Archive(await Journal.open<ArchiveLine>(file, { countLines: true }));
  }

  /** Appends events (stamped with the time of acceptance); resolves once they are durable. */
  async append(events: readonly EventBridgeEvent[], acceptedAt = new Date()): Promise<ArchivedEvent[]> {
    const stamp = acceptedAt.toISOString();
    const offsets = await this.journal.append(events.map((event) => ({ acceptedAt: stamp, event })));
    return events.map((event, i) => ({ offset: offsets[i]!, acceptedAt: stamp, event }));
  }

  /** Events in the archive. */
  get size(): number {
    return this.journal.size;
  }

  /** The offset the next event will get. */
  get end(): number {
    return this.journal.end;
  }

  /** Bytes of a torn last record cut off when the archive was opened (never acknowledged). */
  get cutBytes(): number {
    return this.journal.cutBytes;
  }

  /** Streams the archived events from `offset` on. */
  async *read(offset = 0): AsyncGenerator<ArchivedEvent> {
    for await (const { offset: at, record } of this.journal.read(offset)) yield fromLine(at, record);
  }

  /** Streams the archived events whose `time` lies in [from, to), as a replay selects them. */
  async *between(from = -Infinity, to = Infinity): AsyncGenerator<ArchivedEvent> {
    for await (const archived of this.read()) {
      const t = Date.parse(archived.event.time ?? '');
      if (t >= from && t < to) yield archived;
    }
  }

  /** Every archived event, in order (tests and small archives; `read` streams). */
  async events(): Promise<EventBridgeEvent[]> {
    const events: EventBridgeEvent[] = [];
    for await (const { event } of this.read()) events.push(event);
    return events;
  }

  close(): Promise<void> {
    return this.journal.close();
  }
}
