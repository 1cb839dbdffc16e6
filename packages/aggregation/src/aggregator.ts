import { type Validator, validator as defaultValidator } from '@modellregionen/events';
import { type EventPublisher, type InboundMessage, silentLogger, type StructuredLogger } from '@modellregionen/lambda-kit';
import type { ReportStore } from '@modellregionen/store';
import { mapSettledLimit } from './map-limit';
import { createRegionWriter, type Valid } from './region-writer';
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
  /** Store calls in flight per region at once (default 10: every item of an SQS batch at once). */
  readonly concurrency?: number;
  readonly now?: () => Date;
}

type Classified =
  | ({ kind: 'valid' } & Valid)
  | { kind: 'invalid'; messageIds: string[]; raw: unknown; body: string; errors: { path: string; message: string }[]; sentAt?: string };

/** Whether a delivered event comes from a replay of the archive (EventBridge marks it so). */
const isReplayed = (raw: unknown): boolean => typeof raw === 'object' && raw !== null && typeof (raw as Record<string, unknown>)['replay-name'] === 'string';

/**
 * The aggregation pipeline: validates a batch, quarantines what is invalid (with an
 * `EventRejected` notice), and hands each region's valid reports to the region's one writer
 * (region-writer.ts), which keeps its current state, time index and audit records. A region whose
 * reports fail is delivered again whole; every write is idempotent or rebuilt on the retry
 * (docs/data-model.md, "Processing a report").
 */
export const createAggregator = (options: AggregatorOptions) => {
  const { store, publisher } = options;
  const validator = options.validator ?? defaultValidator;
  const logger = options.logger ?? silentLogger;
  const concurrency = options.concurrency ?? 10;
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
        ? { kind: 'valid', messageIds: [message.id], event: result.value, acceptedAt: message.sentAt ?? now().toISOString() }
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

  const writer = createRegionWriter({ store, catalogue: validator.catalogue, logger, concurrency, now });

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
          try {
            const result = await writer.write(regionId, regionItems);
            applied += result.applied;
            stale += result.stale;
            duplicates += result.duplicates;
          } catch (err) {
            // The region's reports are delivered again; whatever was written is idempotent or rebuilt.
            logger.error('aggregating a region failed', { regionId, error: String(err) });
            for (const item of regionItems) failed.push(...item.messageIds);
          }
        }),
      );
      logger.info('batch processed', { messages: messages.length, applied, stale, duplicates, rejected, failed: failed.length });
      return { failed, applied, stale, duplicates, rejected };
    },
  };
};

export type Aggregator = ReturnType<typeof createAggregator>;
