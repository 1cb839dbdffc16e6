import { summarizeRegion } from '@modellregionen/domain';
import { type RegionEvent, type Validator, validator as defaultValidator } from '@modellregionen/events';
import { type EventPublisher, type InboundMessage, silentLogger, type StructuredLogger } from '@modellregionen/lambda-kit';
import type { CurrentWrite, ReportStore } from '@modellregionen/store';
import { mapSettledLimit } from './map-limit';
import { eventRejectedEntry, rejectionOf } from './rejection';

interface BatchOutcome {
  /** Ids of messages that were not fully processed and must be delivered again. */
  readonly failed: string[];
  /** Reports that became the current state of their item. */
  readonly applied: number;
  /** Reports superseded on arrival by a higher version (recorded in the audit only). */
  readonly stale: number;
  /** Redeliveries of reports processed before. */
  readonly duplicates: number;
  /** Reports quarantined with their reasons. */
  readonly rejected: number;
}

interface AggregatorOptions {
  readonly store: ReportStore;
  readonly publisher: EventPublisher;
  /** Validates the reports; its catalogue is the one the region views are summarised by. */
  readonly validator?: Validator;
  readonly logger?: StructuredLogger;
  /** Store calls in flight per region at once. */
  readonly concurrency?: number;
  readonly now?: () => Date;
}

type Classified =
  | { kind: 'valid'; messageIds: string[]; event: RegionEvent; sentAt?: string }
  | { kind: 'invalid'; messageIds: string[]; raw: unknown; body: string; errors: { path: string; message: string }[]; sentAt?: string };

/** Whether a delivered event comes from a replay of the archive (EventBridge marks it so). */
const isReplayed = (raw: unknown): boolean => typeof raw === 'object' && raw !== null && typeof (raw as Record<string, unknown>)['replay-name'] === 'string';

/**
 * The aggregation pipeline. Per report: skip it if its audit record exists (it was processed);
 * write it as its item's current state if it supersedes what is there; count the change and
 * recompute the region's view once per batch; write the audit record last. Every step is
 * idempotent, so a message that fails anywhere is simply delivered again.
 *
 * The view is recomputed here and only stored by the store. The change counter is read (counted)
 * before the current items: the store keeps a view only if no stored view saw more changes, so a
 * slow recomputation never overwrites a newer one (docs/data-model.md, "Why the views converge").
 */
export const createAggregator = (options: AggregatorOptions) => {
  const { store, publisher } = options;
  const validator = options.validator ?? defaultValidator;
  const logger = options.logger ?? silentLogger;
  const concurrency = options.concurrency ?? 8;
  const now = options.now ?? (() => new Date());

  const classify = (messages: readonly InboundMessage[]): Classified[] => {
    // The same event may arrive twice in one batch: process it once, answer for both messages.
    const byEventId = new Map<string, Classified>();
    const out: Classified[] = [];
    for (const message of messages) {
      let raw: unknown;
      try {
        raw = JSON.parse(message.body);
      } catch (err) {
        out.push({
          kind: 'invalid',
          messageIds: [message.id],
          raw: undefined,
          body: message.body,
          errors: [{ path: 'event', message: `is not JSON (${(err as Error).message})` }],
          ...(message.sentAt === undefined ? {} : { sentAt: message.sentAt }),
        });
        continue;
      }
      const result = validator.validateEvent(raw);
      const sentAt = message.sentAt === undefined ? {} : { sentAt: message.sentAt };
      const item: Classified = result.ok
        ? { kind: 'valid', messageIds: [message.id], event: result.value, ...sentAt }
        : { kind: 'invalid', messageIds: [message.id], raw, body: message.body, errors: result.errors, ...sentAt };
      const eventId = result.ok ? result.value.eventId : undefined;
      const seen = eventId === undefined ? undefined : byEventId.get(eventId);
      if (seen !== undefined) {
        seen.messageIds.push(message.id);
        continue;
      }
      if (eventId !== undefined) byEventId.set(eventId, item);
      out.push(item);
    }
    return out;
  };

  const quarantine = async (item: Extract<Classified, { kind: 'invalid' }>): Promise<'rejected' | 'duplicate'> => {
    const rejection = rejectionOf({
      raw: item.raw,
      body: item.body,
      messageId: item.messageIds[0]!,
      fallbackReceivedAt: item.sentAt ?? now().toISOString(),
      errors: item.errors,
      validator,
    });
    if (await store.hasRejection(rejection)) return 'duplicate';
    // Published before the quarantine record is written: a failure in between publishes twice
    // on the retry (consumers dedupe by originalEventId), but never loses the notice. A replayed
    // event's notice went out when it first arrived: a rebuild does not announce it again.
    if (!isReplayed(item.raw)) await publisher.publish([eventRejectedEntry(rejection)]);
    await store.putRejection(rejection);
    logger.warn('report rejected', { eventId: rejection.eventId, regionId: rejection.regionId, errors: rejection.errors });
    return 'rejected';
  };

  const aggregateRegion = async (regionId: string, items: readonly Extract<Classified, { kind: 'valid' }>[]) => {
    const events = items.map((i) => i.event);
    const acceptedAt = new Map(items.map((i) => [i.event, i.sentAt]));
    const failed = new Set<RegionEvent>();
    const outcomes = new Map<RegionEvent, CurrentWrite | 'duplicate'>();
    const writes = await mapSettledLimit(events, concurrency, async (event) => ((await store.hasRevision(event)) ? 'duplicate' : store.putCurrent(event)));
    writes.forEach((w, i) => {
      const event = events[i]!;
      if (w.status === 'fulfilled') outcomes.set(event, w.value);
      else {
        failed.add(event);
        logger.error('writing the current state failed', { eventId: event.eventId, error: String(w.reason) });
      }
    });

    const changed = [...outcomes].filter(([, o]) => o === 'applied' || o === 'already-current').map(([e]) => e);
    if (changed.length > 0) {
      try {
        const changes = await store.countChange(regionId);
        const summary = summarizeRegion(regionId, await store.currentItems(regionId), validator.catalogue);
        await store.putView(regionId, changes, summary);
      } catch (err) {
        // Without a fresh view these reports are not done: their audit records stay unwritten.
        logger.error('recomputing the view failed', { regionId, error: String(err) });
        for (const e of changed) failed.add(e);
      }
    }

    const toRecord = [...outcomes].filter(([e, o]) => o !== 'duplicate' && !failed.has(e)) as [RegionEvent, CurrentWrite][];
    const recorded = await mapSettledLimit(toRecord, concurrency, ([e, o]) => store.putRevision(e, o, acceptedAt.get(e)));
    recorded.forEach((r, i) => {
      if (r.status === 'rejected') failed.add(toRecord[i]![0]);
    });
    const count = (o: string) => [...outcomes].filter(([e, x]) => x === o && !failed.has(e)).length;
    return {
      failed,
      applied: count('applied') + count('already-current'),
      stale: count('stale'),
      duplicates: count('duplicate'),
    };
  };

  return {
    async processMessages(messages: readonly InboundMessage[]): Promise<BatchOutcome> {
      const items = classify(messages);
      const failed: string[] = [];
      let applied = 0;
      let stale = 0;
      let duplicates = 0;
      let rejected = 0;

      const byRegion = new Map<string, Extract<Classified, { kind: 'valid' }>[]>();
      const invalid: Extract<Classified, { kind: 'invalid' }>[] = [];
      for (const item of items) {
        if (item.kind === 'invalid') invalid.push(item);
        else byRegion.set(item.event.regionId, [...(byRegion.get(item.event.regionId) ?? []), item]);
      }

      const quarantined = await mapSettledLimit(invalid, concurrency, quarantine);
      quarantined.forEach((q, i) => {
        if (q.status === 'fulfilled') {
          if (q.value === 'rejected') rejected += 1;
          else duplicates += 1;
        } else {
          logger.error('quarantining failed', { error: String(q.reason) });
          failed.push(...invalid[i]!.messageIds);
        }
      });

      await Promise.all(
        [...byRegion].map(async ([regionId, regionItems]) => {
          const result = await aggregateRegion(regionId, regionItems);
          applied += result.applied;
          stale += result.stale;
          duplicates += result.duplicates;
          for (const item of regionItems) if (result.failed.has(item.event)) failed.push(...item.messageIds);
        }),
      );
      logger.info('batch processed', { messages: messages.length, applied, stale, duplicates, rejected, failed: failed.length });
      return { failed, applied, stale, duplicates, rejected };
    },
  };
};

export type Aggregator = ReturnType<typeof createAggregator>;
