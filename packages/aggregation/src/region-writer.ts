import {
  addPoints,
  applyTimelineChange,
  dayOf,
  EMPTY_POINT,
  itemKeyOf,
  itemTimelineChange,
  monthOf,
  type Point,
  storedPointsOf,
  sumPoints,
  timelinesOf,
  versionKey,
} from '@modellregionen/domain';
import type { Catalogue, RegionEvent } from '@modellregionen/events';
import type { StructuredLogger } from '@modellregionen/lambda-kit';
import { ConcurrentTimelineWrite, type CurrentWrite, type PointWrite, type ReportStore, type StoredPoint } from '@modellregionen/store';
import { mapSettledLimit } from './map-limit';
import { changeBefore, lastDayKeyBefore, sinceBaseWrites, type TimelinePlan } from './timeline-plan';

/** A valid report of a batch, with the messages that carry it and when the bus accepted it. */
export interface Valid {
  readonly event: RegionEvent;
  readonly messageIds: string[];
  readonly acceptedAt: string;
}

/** What processing a report did: written as current (`applied`), superseded on arrival, or done before. */
interface Processed {
  readonly report: Valid;
  // A report found current already is not processed here: its region is rebuilt.
  readonly outcome: Exclude<CurrentWrite, 'already-current'> | 'duplicate';
  /** How it changes the region's time index. */
  readonly change?: ReadonlyMap<string, Point>;
}

/** A correction of the short path, its change known once the report it replaced is known to be recorded. */
interface Replacing {
  readonly report: Valid;
  readonly replaced: RegionEvent;
}

interface RegionOutcome {
  readonly applied: number;
  readonly stale: number;
  readonly duplicates: number;
}

const outcomeOf = (processed: readonly Processed[]): RegionOutcome => ({
  applied: processed.filter((p) => p.outcome === 'applied').length,
  stale: processed.filter((p) => p.outcome === 'stale').length,
  duplicates: processed.filter((p) => p.outcome === 'duplicate').length,
});

/** A batch's reports by item, each item's in the order of their versions. */
const byItem = (reports: readonly Valid[]): Map<string, Valid[]> => {
  const out = new Map<string, Valid[]>();
  for (const report of reports) {
    const key = itemKeyOf(report.event);
    const list = out.get(key) ?? [];
    list.push(report);
    out.set(key, list);
  }
  // Stryker disable next-line EqualityOperator: the batch's reports are distinct (redeliveries merged), and their versions differ
  for (const list of out.values()) list.sort((a, b) => (versionKey(a.event) < versionKey(b.event) ? -1 : 1));
  return out;
};

const concurrentWriter = (regionId: string) => new ConcurrentTimelineWrite(`another writer changed the time index of ${regionId}`);

interface RegionWriterOptions {
  readonly store: ReportStore;
  /** The catalogue the reports were validated by: its indicators count for completeness. */
  readonly catalogue: Pick<Catalogue, 'indicators'>;
  readonly logger: StructuredLogger;
  /** Store calls in flight per region at once. */
  readonly concurrency: number;
  readonly now: () => Date;
}

/**
 * The one writer of each region: per batch of a region's reports, the current states, the
 * change of the region's time index and the audit records, last (docs/data-model.md, "Processing
 * a report"). The normal path reads nothing but what the batch touches; the recovery path, taken
 * after a crash or an error between two writes, rebuilds the region's time index.
 */
export const createRegionWriter = (options: RegionWriterOptions) => {
  const { store, catalogue, logger, concurrency, now } = options;

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
    // The index's newest point is read at once with the rest: only this writer changes the index.
    const [context, newest] = await Promise.all([store.batchContext(regionId, events), store.newestPoint(regionId, '~')]);
    const { state } = context;
    if (state.pending) return rebuild(regionId, items, state.version, 'an earlier change of several items did not finish');
    // No bookkeeping yet: a new region, or one whose reports were aggregated before the time index
    // existed. Built from its audit records (none for a new region) once, then kept by deltas.
    if (state.version === 0) return rebuild(regionId, items, state.version, 'the region has no time index yet');

    // Per item, each new report of the batch in turn. An item's counted reports (its audit
    // records) are read only when a report replaces or loses to another, and it may have changed
    // days before its own: a new item has none, and a lone correction made on or after the
    // region's newest day of the index changes only its own day, by the difference to the report
    // it replaces (itemTimelineChange of that one alone gives the same), once that one is known
    // to be recorded (one read for the batch's corrections of this kind, below).
    const replacing: Replacing[] = [];
    const perItem = await mapSettledLimit([...byItem(items)], concurrency, async ([itemKey, reports]) => {
      let counted: RegionEvent[] | undefined;
      // Stryker disable next-line MethodExpression: counting a redelivered report too only sends the item down the longer path, to the same change
      const fresh = reports.filter((r) => !context.recorded.has(r.event.eventId));
      // Every counted report of the region marked its day in the index, so none is later than its newest key.
      // Stryker disable next-line ConditionalExpression: a region with bookkeeping has points (every report marks its day); none only without reports
      const inOrder = fresh.length === 1 && newest !== undefined && dayOf(fresh[0]!.event) >= newest.key;
      // A report of revision 2 or more corrects an item that most likely has reports: its audit
      // records are read alongside the current state's write rather than after it.
      const early = !inOrder && fresh.some((r) => r.event.detail.revision > 1) ? store.itemRevisions(regionId, itemKey, { consistent: true }) : undefined;
      // Read or not, a failure of the early read is the item's failure, not an unhandled one.
      early?.catch(() => undefined);
      const done: Processed[] = [];
      for (const report of reports) {
        const { event } = report;
        if (context.recorded.has(event.eventId)) {
          done.push({ report, outcome: 'duplicate' });
          continue;
        }
        const put = await store.putCurrent(event, report.acceptedAt);
        // Its own state is current but it has no audit record: an attempt stopped between writes.
        if (put.outcome === 'already-current') return 'unsure' as const;
        if (put.outcome === 'applied' && put.replaced === undefined) counted ??= [];
        // Stryker disable next-line ConditionalExpression: only an applied report replaced one; the other outcomes carry none
        const replaced = put.outcome === 'applied' ? put.replaced : undefined;
        // The item's one new report (`inOrder`), so nothing was counted for it before.
        if (inOrder && replaced !== undefined) {
          replacing.push({ report, replaced });
          continue;
        }
        counted ??= await (early ?? store.itemRevisions(regionId, itemKey, { consistent: true }));
        // It replaced a report that has no audit record: that one's attempt stopped between writes.
        if (replaced !== undefined && !counted.some((c) => c.eventId === replaced.eventId)) return 'unsure' as const;
        done.push({ report, outcome: put.outcome, change: itemTimelineChange(counted, event, catalogue) });
        counted.push(event);
      }
      return done;
    });
    const failure = perItem.find((r) => r.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
    const unsure = () => rebuild(regionId, items, state.version, 'a report is current without its audit record');
    // Stryker disable next-line ConditionalExpression: the rejected ones have left above
    if (perItem.some((r) => r.status === 'fulfilled' && r.value === 'unsure')) return unsure();
    // It replaced a report that has no audit record: that one's attempt stopped between writes.
    const recorded = replacing.length === 0 ? new Set<string>() : await store.recordedOf(replacing.map((r) => r.replaced));
    if (replacing.some((r) => !recorded.has(r.replaced.eventId))) return unsure();
    const processed = [
      // Stryker disable next-line all: every item is fulfilled and sure here (the two cases above have left), so the test always holds
      ...perItem.flatMap((r) => (r.status === 'fulfilled' && r.value !== 'unsure' ? r.value : [])),
      ...replacing.map(({ report, replaced }): Processed => ({ report, outcome: 'applied', change: itemTimelineChange([replaced], report.event, catalogue) })),
    ];

    const change = new Map<string, Point>();
    for (const p of processed) if (p.change !== undefined) applyTimelineChange(change, p.change);
    const plan = await readTimeline(regionId, change, newest);
    // A report superseded on arrival leaves no trace in the current state until its audit record
    // is written: should the writes of the time index stop half done, only `pending` tells.
    const pending = processed.some((p) => p.outcome === 'stale');
    if (pending && !(await store.putTimelineState(regionId, { pending: true }, state.version))) throw concurrentWriter(regionId);
    if (change.size > 0) await writeTimeline(regionId, change, plan);
    await recordAll(processed);
    if (pending && !(await store.putTimelineState(regionId, { pending: false }, state.version + 1))) throw concurrentWriter(regionId);
    return outcomeOf(processed);
  };

  /**
   * What a change adds to, read from the index itself: per month of the change, the stored days
   * that grow (normally just the month's newest day, at or before the change's first; all its days
   * after a late report), the months that get their first point now, and the bases of the months
   * after the change's first month (none unless a report is late).
   */
  const readTimeline = async (
    regionId: string,
    change: ReadonlyMap<string, Point>,
    newest: (StoredPoint & { readonly key: string }) | undefined,
  ): Promise<TimelinePlan> => {
    const months = [...new Set([...change.keys()].map(monthOf))].sort();
    // Stryker disable next-line ConditionalExpression: a region with bookkeeping has points (every report marks its day); none only without reports
    const latest = newest === undefined ? undefined : monthOf(newest.key);
    const days = new Map<string, StoredPoint>();
    const newMonths: string[] = [];
    for (const month of months) {
      const inMonth = latest === undefined || month > latest ? undefined : month === latest ? newest : await store.newestPoint(regionId, `${month}-99`);
      if (inMonth === undefined || monthOf(inMonth.key) !== month) {
        newMonths.push(month);
        continue;
      }
      const first = [...change.keys()].filter((d) => monthOf(d) === month).sort()[0]!;
      if (inMonth.key.length === 7) continue; // the month's base and no day yet
      if (inMonth.key <= first) days.set(inMonth.key, inMonth);
      else for (const [key, p] of await store.monthPoints(regionId, month)) if (key.length === 10) days.set(key, p);
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator: without a latest or a first month, `latest > months[0]` is false anyway
    const updatedMonths = latest !== undefined && months[0] !== undefined && latest > months[0] ? await store.monthsAfter(regionId, months[0]) : [];
    return { days, newMonths, updatedMonths };
  };

  /** Adds the batch's change to the stored points it touches: its months' days, and the bases of the months after them. */
  const writeTimeline = async (regionId: string, change: ReadonlyMap<string, Point>, plan: TimelinePlan) => {
    // A new month's base is the sum of everything before it, read before this batch writes anything.
    const newBases = await Promise.all(
      plan.newMonths.map(async (month) => [month, sumPoints(await store.timelineUpTo(regionId, lastDayKeyBefore(month), { consistent: true }))] as const),
    );
    const bases = plan.updatedMonths.length === 0 ? new Map<string, StoredPoint>() : await store.timelinePoints(regionId, plan.updatedMonths);
    const writes: PointWrite[] = [...sinceBaseWrites(change, plan.days)];
    for (const [month, base] of newBases) writes.push({ key: month, point: addPoints(base, changeBefore(change, month)), version: 0 });
    for (const month of plan.updatedMonths) {
      writes.push({
        key: month,
        point: addPoints(bases.get(month)?.point ?? EMPTY_POINT, changeBefore(change, month)),
        version: bases.get(month)?.version ?? 0,
      });
    }
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
  const rebuild = async (regionId: string, items: readonly Valid[], version: number, why: string): Promise<RegionOutcome> => {
    // A region's first batch comes this way as a matter of course; anything else is worth a look.
    if (version === 0) logger.info('rebuilding the time index of a region', { regionId, why });
    else logger.warn('rebuilding the time index of a region', { regionId, why });
    if (!(await store.putTimelineState(regionId, { pending: true }, version))) throw concurrentWriter(regionId);
    const recorded = await store.revisions(regionId, { consistent: true });
    const recordedIds = new Set(recorded.map((r) => r.eventId));
    const orphans = (await store.currentItems(regionId)).filter((c) => !recordedIds.has(c.eventId));
    const fresh = items.filter((i) => !recordedIds.has(i.event.eventId));
    const timeline = timelinesOf([...recorded, ...orphans, ...fresh.map((i) => i.event)], catalogue).get(regionId) ?? new Map<string, Point>();
    const points = storedPointsOf(timeline);
    await store.replaceTimeline(regionId, points);
    const processed: Processed[] = items.filter((i) => recordedIds.has(i.event.eventId)).map((report) => ({ report, outcome: 'duplicate' }));
    // The current states: items side by side, each item's reports in their order.
    const written = await mapSettledLimit([...byItem(fresh).values()], concurrency, async (reports) => {
      const out: Processed[] = [];
      for (const report of reports) {
        const put = await store.putCurrent(report.event, report.acceptedAt);
        out.push({ report, outcome: put.outcome === 'stale' ? 'stale' : 'applied' });
      }
      return out;
    });
    for (const w of written) {
      if (w.status === 'rejected') throw w.reason;
      processed.push(...w.value);
    }
    const freshIds = new Set(fresh.map((i) => i.event.eventId));
    const completed = orphans
      .filter((o) => !freshIds.has(o.eventId))
      .map((o): Processed => ({ report: { event: o, acceptedAt: o.acceptedAt ?? now().toISOString(), messageIds: [] }, outcome: 'applied' }));
    await recordAll([...processed, ...completed]);
    if (!(await store.putTimelineState(regionId, { pending: false }, version + 1))) throw concurrentWriter(regionId);
    return outcomeOf(processed);
  };

  return {
    /** Processes one region's reports; throws when they must be delivered again. */
    write: (regionId: string, items: readonly Valid[]): Promise<RegionOutcome> => inTurn(regionId, () => aggregateRegion(regionId, items)),
  };
};
