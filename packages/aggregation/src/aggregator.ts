import {
  addPoints,
  applyTimelineChange,
  dayOf,
  EMPTY_POINT,
  itemKeyOf,
  itemTimelineChange,
  monthBases,
  type Point,
  sumPoints,
  timelinesOf,
  versionKey,
} from '@modellregionen/domain';
import { type RegionEvent, type Validator, validator as defaultValidator } from '@modellregionen/events';
import { type EventPublisher, type InboundMessage, silentLogger, type StructuredLogger } from '@modellregionen/lambda-kit';
import { ConcurrentTimelineWrite, type CurrentWrite, type PointWrite, type ReportStore, type StoredPoint } from '@modellregionen/store';
import { mapSettledLimit } from './map-limit';
import { eventRejectedEntry, rejectionOf } from './rejection';
import { changeBefore, lastDayKeyBefore, planTimelineWrite, type TimelinePlan } from './timeline-plan';

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
  | ({ kind: 'valid' } & Valid)
  | { kind: 'invalid'; messageIds: string[]; raw: unknown; body: string; errors: { path: string; message: string }[]; sentAt?: string };

/** A valid report of the batch, with the messages that carry it and when the bus accepted it. */
interface Valid {
  readonly event: RegionEvent;
  readonly messageIds: string[];
  readonly acceptedAt: string;
}

/** What processing a report did: written as current (`applied`), superseded on arrival, or done before. */
interface Processed {
  readonly report: Valid;
  readonly outcome: CurrentWrite | 'duplicate';
  /** How it changes the region's time index. */
  readonly change?: ReadonlyMap<string, Point>;
}

interface RegionOutcome {
  readonly applied: number;
  readonly stale: number;
  readonly duplicates: number;
}

const outcomeOf = (processed: readonly Processed[]): RegionOutcome => ({
  applied: processed.filter((p) => p.outcome === 'applied' || p.outcome === 'already-current').length,
  stale: processed.filter((p) => p.outcome === 'stale').length,
  duplicates: processed.filter((p) => p.outcome === 'duplicate').length,
});

const concurrentWriter = (regionId: string) => new ConcurrentTimelineWrite(`another writer changed the time index of ${regionId}`);

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

  /** Reports of one region go through one writer at a time in this process too (the queue promises it across processes). */
  const regionTurns = new Map<string, Promise<unknown>>();
  const inTurn = <T>(regionId: string, work: () => Promise<T>): Promise<T> => {
    const previous = regionTurns.get(regionId) ?? Promise.resolve();
    const turn = previous.then(work, work);
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    regionTurns.set(regionId, settled);
    void settled.then(() => {
      if (regionTurns.get(regionId) === settled) regionTurns.delete(regionId);
    });
    return turn;
  };

  const aggregateRegion = async (regionId: string, items: readonly Valid[]): Promise<RegionOutcome> => {
    const events = items.map((i) => i.event);
    const context = await store.batchContext(regionId, events, [...new Set(events.map(dayOf))]);
    const { state } = context;
    if (state.pending) return rebuild(regionId, items, state.months, state.version, 'an earlier change of several items did not finish');

    // Per item, each new report of the batch in turn. An item's counted reports (its audit
    // records) are read only when a report replaces or loses to another: a new item has none.
    const byItem = new Map<string, Valid[]>();
    for (const item of items) byItem.set(itemKeyOf(item.event), [...(byItem.get(itemKeyOf(item.event)) ?? []), item]);
    const perItem = await mapSettledLimit([...byItem], concurrency, async ([itemKey, reports]) => {
      let counted: RegionEvent[] | undefined;
      const done: Processed[] = [];
      for (const report of [...reports].sort((a, b) => (versionKey(a.event) < versionKey(b.event) ? -1 : 1))) {
        const { event } = report;
        if (context.recorded.has(event.eventId)) {
          done.push({ report, outcome: 'duplicate' });
          continue;
        }
        const put = await store.putCurrent(event, report.acceptedAt);
        // Its own state is current but it has no audit record: an attempt stopped between writes.
        if (put.outcome === 'already-current') return 'unsure' as const;
        if (put.outcome === 'applied' && put.replaced === undefined) counted ??= [];
        counted ??= await store.itemRevisions(regionId, itemKey, { consistent: true });
        // It replaced a report that has no audit record: that one's attempt stopped between writes.
        const replaced = put.outcome === 'applied' ? put.replaced : undefined;
        if (replaced !== undefined && !counted.some((c) => c.eventId === replaced.eventId)) return 'unsure' as const;
        done.push({ report, outcome: put.outcome, change: itemTimelineChange(counted, event, validator.catalogue) });
        counted.push(event);
      }
      return done;
    });
    const failure = perItem.find((r) => r.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
    const processed = perItem.flatMap((r) => (r.status === 'fulfilled' && r.value !== 'unsure' ? r.value : []));
    if (perItem.some((r) => r.status === 'fulfilled' && r.value === 'unsure')) {
      return rebuild(regionId, items, state.months, state.version, 'a report is current without its audit record');
    }

    const change = new Map<string, Point>();
    for (const p of processed) if (p.change !== undefined) applyTimelineChange(change, p.change);
    const plan = planTimelineWrite(state.months, change);
    const structural = plan.structural || processed.some((p) => p.outcome === 'stale');
    let version = state.version;
    if (structural) {
      if (!(await store.putTimelineState(regionId, { months: plan.months, pending: true }, version))) throw concurrentWriter(regionId);
      version += 1;
    }
    if (change.size > 0) await writeTimeline(regionId, change, plan, context.points);
    await recordAll(processed);
    if (structural && !(await store.putTimelineState(regionId, { months: plan.months, pending: false }, version))) throw concurrentWriter(regionId);
    return outcomeOf(processed);
  };

  /** Adds the batch's change to the stored points it touches: its days, and the bases of the months after them. */
  const writeTimeline = async (regionId: string, change: ReadonlyMap<string, Point>, plan: TimelinePlan, read: ReadonlyMap<string, StoredPoint>) => {
    // A new month's base is the sum of everything before it, read before this batch writes anything.
    const newBases = await Promise.all(
      plan.newMonths.map(async (month) => [month, sumPoints(await store.timelineUpTo(regionId, lastDayKeyBefore(month), { consistent: true }))] as const),
    );
    const unread = [...change.keys(), ...plan.updatedMonths].filter((k) => !read.has(k));
    const stored = unread.length === 0 ? read : new Map([...read, ...(await store.timelinePoints(regionId, unread))]);
    const writes: PointWrite[] = [];
    const grown = (key: string, by: Point): PointWrite => ({
      key,
      point: addPoints(stored.get(key)?.point ?? EMPTY_POINT, by),
      version: stored.get(key)?.version ?? 0,
    });
    for (const [day, p] of change) writes.push(grown(day, p));
    for (const [month, base] of newBases) writes.push({ key: month, point: addPoints(base, changeBefore(change, month)), version: 0 });
    for (const month of plan.updatedMonths) writes.push(grown(month, changeBefore(change, month)));
    await store.putTimelinePoints(regionId, writes);
  };

  /** The audit records, written last: a report with one is done, and its effects are in the time index. */
  const recordAll = async (processed: readonly Processed[]) => {
    const toRecord = processed.filter((p): p is Processed & { outcome: CurrentWrite } => p.outcome !== 'duplicate');
    await store.putRevisions(toRecord.map((p) => ({ event: p.report.event, outcome: p.outcome, acceptedAt: p.report.acceptedAt })));
  };

  /**
   * The recovery path, taken only after a crash or an error between two writes: the region's time
   * index computed again from all its reports (its audit records, current reports whose audit record
   * is missing, and this batch), then the audit records completed. It reads the region's whole
   * history; the normal path never does.
   */
  const rebuild = async (regionId: string, items: readonly Valid[], months: readonly string[], version: number, why: string): Promise<RegionOutcome> => {
    logger.warn('rebuilding the time index of a region', { regionId, why });
    if (!(await store.putTimelineState(regionId, { months, pending: true }, version))) throw concurrentWriter(regionId);
    const recorded = await store.revisions(regionId, { consistent: true });
    const recordedIds = new Set(recorded.map((r) => r.eventId));
    const orphans = (await store.currentItems(regionId)).filter((c) => !recordedIds.has(c.eventId));
    const fresh = items.filter((i) => !recordedIds.has(i.event.eventId));
    const timeline = timelinesOf([...recorded, ...orphans, ...fresh.map((i) => i.event)], validator.catalogue).get(regionId) ?? new Map<string, Point>();
    const bases = monthBases(timeline);
    await store.replaceTimeline(regionId, new Map([...timeline, ...bases]));
    const processed: Processed[] = items.filter((i) => recordedIds.has(i.event.eventId)).map((report) => ({ report, outcome: 'duplicate' }));
    for (const report of fresh) {
      const put = await store.putCurrent(report.event, report.acceptedAt);
      processed.push({ report, outcome: put.outcome === 'stale' ? 'stale' : 'applied' });
    }
    const freshIds = new Set(fresh.map((i) => i.event.eventId));
    const completed = orphans
      .filter((o) => !freshIds.has(o.eventId))
      .map((o): Processed => ({ report: { event: o, acceptedAt: o.acceptedAt ?? now().toISOString(), messageIds: [] }, outcome: 'applied' }));
    await recordAll([...processed, ...completed]);
    if (!(await store.putTimelineState(regionId, { months: [...bases.keys()], pending: false }, version + 1))) throw concurrentWriter(regionId);
    return outcomeOf(processed);
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
          try {
            const result = await inTurn(regionId, () => aggregateRegion(regionId, regionItems));
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
