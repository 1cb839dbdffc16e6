import type { EventBridgeEvent } from '@modellregionen/events';
import { Journal } from './journal';

/**
 * The bus archive: every accepted event, in order of acceptance, on disk before the bus answers.
 * Replaying it into an empty store rebuilds every view (SPEC section 5).
 */
export class Archive {
  private constructor(
    private readonly journal: Journal<EventBridgeEvent>,
    private readonly events: EventBridgeEvent[],
  ) {}

  static async open(file: string | undefined): Promise<Archive> {
    const { journal, records } = await Journal.open<EventBridgeEvent>(file);
    return new Archive(journal, records);
  }

  async append(events: readonly EventBridgeEvent[]): Promise<void> {
    await this.journal.append(events);
    this.events.push(...events);
  }

  get size(): number {
    return this.events.length;
  }

  /** Archived events whose `time` lies in [from, to). */
  between(from = -Infinity, to = Infinity): EventBridgeEvent[] {
    return this.events.filter((e) => {
      const t = Date.parse(e.time ?? '');
      return t >= from && t < to;
    });
  }
}
