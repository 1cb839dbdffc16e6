// What the aggregation reads and writes per batch, and what it tells operators: the normal path
// touches only what the batch needs, whatever the region's history (docs/data-model.md,
// "Processing a report"); the recovery path is taken only when something is left half done, and
// says so.
import { describe, expect, it } from 'vitest';
import { defaultCatalogue, type RegionEvent, validator } from '@modellregionen/events';
import { competenceCircleOf } from '@modellregionen/domain';
import { createAggregator } from '@modellregionen/aggregation';
import type { StructuredLogger } from '@modellregionen/lambda-kit';

type LogAttributes = Record<string, unknown>;
import { readCompetenceCircle } from '@modellregionen/api';
import { createInMemoryReportStore, type ReportStore } from '@modellregionen/store';
import type { RawEvent } from '../../../test/support/arbitraries';
import { asMessage } from '../../../test/support/delivery';
import { milestoneEvent } from '../../../test/support/raw-events';

const TODAY = '2026-11-22';

const milestone = (id: string, options: { item?: string; revision?: number; status?: string; reportedAt?: string } = {}): RawEvent =>
  milestoneEvent(id, options.revision ?? 1, options.status ?? 'planned', {
    ...(options.item === undefined ? {} : { milestoneId: options.item }),
    ...(options.reportedAt === undefined ? {} : { reportedAt: options.reportedAt }),
    ...(options.status === 'achieved' ? { achievedDate: '2012-01-31' } : {}),
  });

const valid = (raw: RawEvent): RegionEvent => {
  const r = validator.validateEvent(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

/** The in-memory store, counting the calls of each operation. */
const counting = (store: ReportStore) => {
  const calls: string[] = [];
  const args: { operation: string; args: unknown[] }[] = [];
  const counted = Object.fromEntries(
    Object.entries(store).map(([operation, call]: [string, (...args: unknown[]) => Promise<unknown>]) => [
      operation,
      (...a: unknown[]) => {
        calls.push(operation);
        args.push({ operation, args: a });
        return call(...a);
      },
    ]),
  ) as unknown as ReportStore;
  return {
    store: counted,
    calls,
    args,
    reset: () => {
      calls.splice(0);
      args.splice(0);
    },
  };
};

const recordingLogger = () => {
  const lines: { level: 'info' | 'warn' | 'error'; message: string; attributes: LogAttributes }[] = [];
  const at =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, ...attributes: LogAttributes[]) =>
      lines.push({ level, message, attributes: Object.assign({}, ...attributes) });
  const logger: StructuredLogger = { info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
};

const setup = (wrap: (store: ReportStore) => ReportStore = (store) => store) => {
  const memory = createInMemoryReportStore({ now: () => new Date('2013-01-01T12:00:00Z') });
  const { store, calls, args, reset } = counting(wrap(memory));
  const { logger, lines } = recordingLogger();
  const aggregator = createAggregator({ store, publisher: { publish: async () => {} }, logger });
  const send = (...events: RawEvent[]) => aggregator.processMessages(events.map(asMessage));
  /** The view as of a day, read from the time index, next to the fold of every report made by then. */
  const asOf = async (day: string, reports: readonly RawEvent[]) => ({
    stored: await readCompetenceCircle({ store: memory, catalogue: defaultCatalogue, asOf: day, today: TODAY }),
    folded: competenceCircleOf(reports.map(valid), { catalogue: defaultCatalogue, asOf: day, reportedUntil: day }),
  });
  return { memory, calls, args, reset, lines, send, asOf };
};

const tally = (calls: readonly string[]) => Object.fromEntries([...new Set(calls)].sort().map((c) => [c, calls.filter((x) => x === c).length]));

describe('a batch on the normal path', () => {
  it('reads the batch context and the newest point, writes each report, the index once and the audit records once', async () => {
    const { calls, reset, send } = setup();
    await send(milestone('e-0', { item: 'steuerungs-ag' }));
    reset();
    const outcome = await send(milestone('e-1', { item: 'a' }), milestone('e-2', { item: 'b' }), milestone('e-3', { item: 'c', status: 'achieved' }));
    expect(outcome).toMatchObject({ failed: [], applied: 3, stale: 0 });
    expect(tally(calls)).toEqual({ batchContext: 1, newestPoint: 1, putCurrent: 3, putRevisions: 1, putTimelinePoints: 1 });
  });

  it("reads no audit records for a lone correction made on or after the region's newest day: only whether the report it replaces has its own, once for the batch", async () => {
    const { calls, args, reset, send, asOf } = setup();
    await send(milestone('e-1'));
    reset();
    const correction = milestone('e-2', { revision: 2, status: 'in_progress' });
    expect(await send(correction, milestone('e-3', { item: 'neu' }))).toMatchObject({ failed: [], applied: 2, stale: 0, duplicates: 0 });
    expect(tally(calls)).toEqual({ batchContext: 1, newestPoint: 1, putCurrent: 2, putRevisions: 1, putTimelinePoints: 1, recordedOf: 1 });
    const [asked = []] = (args.find((a) => a.operation === 'recordedOf')?.args ?? []) as [RegionEvent[]?];
    expect(asked.map((e) => e.eventId)).toEqual(['e-1']);
    const { stored, folded } = await asOf(TODAY, [milestone('e-1'), correction, milestone('e-3', { item: 'neu' })]);
    expect(stored).toEqual(folded);
  });

  it("reads a corrected item's audit records once, consistently and alongside its write, when the correction was made before the region's newest day, and a new item's never", async () => {
    const { calls, args, reset, send, asOf } = setup();
    await send(milestone('e-1'), milestone('e-0', { item: 'spaeter', reportedAt: '2012-02-14T10:00:00+01:00' }));
    reset();
    const correction = milestone('e-2', { revision: 2, status: 'in_progress', reportedAt: '2012-02-13T10:00:00+01:00' });
    await send(correction, milestone('e-3', { item: 'neu' }));
    expect(tally(calls)).toEqual({ batchContext: 1, itemRevisions: 1, newestPoint: 1, putCurrent: 2, putRevisions: 1, putTimelinePoints: 1, monthPoints: 1 });
    expect(args.find((a) => a.operation === 'itemRevisions')?.args).toEqual(['wetzlar', 'milestone#handlungskonzept', { consistent: true }]);
    // Asked for before the correction's own write, not after it.
    const put = args.findIndex((a) => a.operation === 'putCurrent' && (a.args[0] as RegionEvent).eventId === 'e-2');
    expect(calls.indexOf('itemRevisions')).toBeLessThan(put);
    const { stored, folded } = await asOf(TODAY, [
      milestone('e-1'),
      milestone('e-0', { item: 'spaeter', reportedAt: '2012-02-14T10:00:00+01:00' }),
      correction,
      milestone('e-3', { item: 'neu' }),
    ]);
    expect(stored).toEqual(folded);
  });

  it('counts a lone correction made before the days of two earlier reports of its item right on every day in between', async () => {
    const { send, asOf } = setup();
    const first = milestone('e-1', { reportedAt: '2012-02-20T10:00:00+01:00' });
    const second = milestone('e-2', { revision: 2, status: 'in_progress', reportedAt: '2012-02-25T10:00:00+01:00' });
    // The third revision, made earlier than both, wins from its own day on.
    const third = milestone('e-3', { revision: 3, status: 'delayed', reportedAt: '2012-02-10T10:00:00+01:00' });
    await send(first);
    await send(second);
    await send(third);
    for (const day of ['2012-02-09', '2012-02-10', '2012-02-19', '2012-02-20', '2012-02-24', '2012-02-25', TODAY]) {
      const { stored, folded } = await asOf(day, [first, second, third]);
      expect(stored, day).toEqual(folded);
    }
  });

  it('asks once per batch whether the reports that lone corrections replace were recorded', async () => {
    const { calls, args, reset, send } = setup();
    await send(milestone('e-1'), milestone('e-2', { item: 'zweiter' }));
    reset();
    await send(milestone('e-3', { revision: 2, status: 'delayed' }), milestone('e-4', { item: 'zweiter', revision: 2, status: 'achieved' }));
    expect(tally(calls)).toMatchObject({ recordedOf: 1 });
    expect(calls).not.toContain('itemRevisions');
    const asked = (args.find((a) => a.operation === 'recordedOf')?.args[0] ?? []) as RegionEvent[];
    expect(asked.map((e) => e.eventId).sort()).toEqual(['e-1', 'e-2']);
  });

  it('reads the audit records of an item with several new reports in the batch, whatever their days', async () => {
    const { calls, reset, send } = setup();
    await send(milestone('e-1'));
    reset();
    await send(milestone('e-2', { revision: 2, status: 'in_progress' }), milestone('e-3', { revision: 3, status: 'delayed' }));
    expect(tally(calls)).toMatchObject({ itemRevisions: 1 });
    expect(calls).not.toContain('recordedOf');
  });

  it('reads no audit records for a correction delivered again', async () => {
    const { calls, reset, send } = setup();
    await send(milestone('e-1'));
    await send(milestone('e-2', { revision: 2, status: 'in_progress' }));
    reset();
    expect(await send(milestone('e-2', { revision: 2, status: 'in_progress' }))).toMatchObject({ duplicates: 1 });
    expect(calls).not.toContain('itemRevisions');
  });

  it('applies the reports of one item in one batch in the order of their versions: none is superseded on arrival', async () => {
    const { memory, send } = setup();
    await send(milestone('e-0', { item: 'steuerungs-ag' }));
    expect(
      await send(milestone('e-3', { revision: 3, status: 'achieved' }), milestone('e-1'), milestone('e-2', { revision: 2, status: 'delayed' })),
    ).toMatchObject({
      applied: 3,
      stale: 0,
    });
    expect((await memory.currentItems('wetzlar')).map((r) => r.eventId).sort()).toEqual(['e-0', 'e-3']);
  });

  it('marks the index pending around its writes when a report is superseded on arrival, and not otherwise', async () => {
    const { memory, calls, reset, send } = setup();
    await send(milestone('e-2', { revision: 2, status: 'delayed' }));
    const { version } = await memory.timelineState('wetzlar');
    reset();
    expect(await send(milestone('e-1'))).toMatchObject({ applied: 0, stale: 1 });
    expect(calls.filter((c) => c === 'putTimelineState')).toHaveLength(2);
    // Each write of the bookkeeping raises its version: pending, then done.
    expect(await memory.timelineState('wetzlar')).toEqual({ pending: false, version: version + 2 });
  });

  it('sends nothing to the index for a report that changes nothing of it, a duplicate', async () => {
    const { calls, reset, send } = setup();
    await send(milestone('e-1'));
    reset();
    expect(await send(milestone('e-1'))).toMatchObject({ duplicates: 1 });
    expect(tally(calls)).toEqual({ batchContext: 1, newestPoint: 1, putRevisions: 1 });
  });
});

describe('the time index across months', () => {
  const reports = [
    milestone('e-1', { item: 'a', reportedAt: '2012-01-10T10:00:00+01:00' }),
    milestone('e-2', { item: 'b', reportedAt: '2012-02-10T10:00:00+01:00' }),
    milestone('e-3', { item: 'c', reportedAt: '2012-02-20T10:00:00+01:00' }),
    milestone('e-4', { item: 'd', reportedAt: '2012-04-02T10:00:00+02:00' }),
  ];
  const DAYS = ['2012-01-09', '2012-01-10', '2012-02-09', '2012-02-10', '2012-02-15', '2012-02-20', '2012-03-31', '2012-04-02', TODAY];

  it('starts a new month from the sum of everything before it', async () => {
    const { send, asOf } = setup();
    for (const r of reports) await send(r);
    for (const day of DAYS) {
      const { stored, folded } = await asOf(day, reports);
      expect(stored, day).toEqual(folded);
    }
  });

  it('adds a late report to every later day of its month and to the bases of the months after it', async () => {
    const { send, asOf, calls, reset } = setup();
    for (const r of reports) await send(r);
    reset();
    const late = [
      milestone('l-1', { item: 'e', reportedAt: '2012-02-05T10:00:00+01:00' }),
      milestone('l-2', { item: 'f', reportedAt: '2012-02-15T10:00:00+01:00' }),
    ];
    await send(...late);
    expect(calls).toContain('monthsAfter');
    expect(calls).toContain('monthPoints');
    for (const day of [...DAYS, '2012-02-05', '2012-02-04']) {
      const { stored, folded } = await asOf(day, [...reports, ...late]);
      expect(stored, day).toEqual(folded);
    }
  });

  it('takes a batch whose reports fall in several months, in any order, and a late one before stored days of its month', async () => {
    const { send, asOf } = setup();
    const stored = [
      milestone('s-1', { item: 'a', reportedAt: '2012-02-03T10:00:00+01:00' }),
      milestone('s-2', { item: 'b', reportedAt: '2012-02-10T10:00:00+01:00' }),
    ];
    for (const r of stored) await send(r);
    const batch = [
      milestone('b-1', { item: 'c', reportedAt: '2012-04-02T10:00:00+02:00' }),
      milestone('b-2', { item: 'd', reportedAt: '2012-02-15T10:00:00+01:00' }),
      milestone('b-3', { item: 'e', reportedAt: '2012-02-05T10:00:00+01:00' }),
      milestone('b-4', { item: 'f', reportedAt: '2012-01-20T10:00:00+01:00' }),
    ];
    await send(...batch);
    for (const day of ['2012-01-20', '2012-02-03', '2012-02-04', '2012-02-05', '2012-02-10', '2012-02-15', '2012-03-01', '2012-04-02', TODAY]) {
      const { stored: view, folded } = await asOf(day, [...stored, ...batch]);
      expect(view, day).toEqual(folded);
    }
  });

  it('reads no later months for a report of the newest month', async () => {
    const { send, calls, reset } = setup();
    for (const r of reports) await send(r);
    reset();
    await send(milestone('e-5', { item: 'g', reportedAt: '2012-04-03T10:00:00+02:00' }));
    expect(calls).not.toContain('monthsAfter');
    expect(calls).not.toContain('monthPoints');
    expect(calls).not.toContain('timelineUpTo');
  });
});

describe('the recovery path', () => {
  it("builds a new region's index from its reports, and says so as news", async () => {
    const { send, lines, memory } = setup();
    await send(milestone('e-1'));
    expect(lines.filter((l) => l.message === 'rebuilding the time index of a region')).toEqual([
      { level: 'info', message: 'rebuilding the time index of a region', attributes: { regionId: 'wetzlar', why: 'the region has no time index yet' } },
    ]);
    expect(await memory.timelineState('wetzlar')).toEqual({ pending: false, version: 2 });
  });

  it('rebuilds an index left pending, with a warning that says why', async () => {
    const { send, lines, memory, asOf } = setup();
    await send(milestone('e-1'));
    const { version } = await memory.timelineState('wetzlar');
    await memory.putTimelineState('wetzlar', { pending: true }, version);
    const next = milestone('e-2', { item: 'b' });
    await send(next);
    expect(lines.filter((l) => l.level === 'warn')).toEqual([
      {
        level: 'warn',
        message: 'rebuilding the time index of a region',
        attributes: { regionId: 'wetzlar', why: 'an earlier change of several items did not finish' },
      },
    ]);
    // Marked pending here (+1), then by the rebuild (+1), and done (+1).
    expect(await memory.timelineState('wetzlar')).toEqual({ pending: false, version: version + 3 });
    const { stored, folded } = await asOf(TODAY, [milestone('e-1'), next]);
    expect(stored).toEqual(folded);
  });

  it('rebuilds on the retry when the index writes of a batch with a report superseded on arrival stopped half done', async () => {
    let breakNext = false;
    // The index's points written one by one, as DynamoDB may, and the connection lost after the first.
    const halfDone = (store: ReportStore): ReportStore => ({
      ...store,
      putTimelinePoints: async (regionId, writes) => {
        if (!breakNext || writes.length < 2) return store.putTimelinePoints(regionId, writes);
        breakNext = false;
        await store.putTimelinePoints(regionId, writes.slice(0, 1));
        throw new Error('connection reset');
      },
    });
    const { send, asOf, lines } = setup(halfDone);
    const earlier = [milestone('e-2', { revision: 2, status: 'delayed' }), milestone('x-1', { item: 'sprachkurse', reportedAt: '2012-02-03T10:00:00+01:00' })];
    await send(...earlier);
    const batch = [milestone('e-1'), milestone('n-1', { item: 'fachforen', reportedAt: '2012-02-01T10:00:00+01:00' })];
    breakNext = true;
    expect((await send(...batch)).failed).toHaveLength(2);
    expect(await send(...batch)).toMatchObject({ failed: [], applied: 1, stale: 1 });
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.attributes.why)).toEqual(['an earlier change of several items did not finish']);
    for (const day of ['2012-02-01', '2012-02-03', '2012-02-10', TODAY]) {
      const { stored, folded } = await asOf(day, [...earlier, ...batch]);
      expect(stored, day).toEqual(folded);
    }
  });

  it('counts, in a rebuild, a report superseded on arrival as such and one recorded before as a duplicate', async () => {
    const { send, memory } = setup();
    await send(milestone('e-2', { revision: 2, status: 'delayed' }), milestone('x-1', { item: 'sprachkurse' }));
    const { version } = await memory.timelineState('wetzlar');
    await memory.putTimelineState('wetzlar', { pending: true }, version);
    expect(await send(milestone('e-1'), milestone('x-1', { item: 'sprachkurse' }))).toMatchObject({ failed: [], applied: 0, stale: 1, duplicates: 1 });
    expect((await memory.itemRevisions('wetzlar', 'milestone#handlungskonzept')).map((r) => [r.eventId, r.outcome])).toEqual([
      ['e-2', 'applied'],
      ['e-1', 'superseded-on-arrival'],
    ]);
  });

  // Made on the region's newest day, the correction asks only whether the report it replaces has
  // its audit record; made before, it reads the item's audit records. Either finds it missing.
  it.each(['2012-02-10T09:30:00+01:00', '2012-02-09T09:30:00+01:00'])(
    'replaces a current report that has no audit record by rebuilding, and records it when it comes again (correction made at %s)',
    async (reportedAt) => {
      const { send, lines, memory, asOf } = setup();
      await send(milestone('e-0', { item: 'steuerungs-ag' }));
      // An attempt that stopped between the current state's write and the audit record's.
      await memory.putCurrent(valid(milestone('e-1')), '2012-02-10T08:31:05.000Z');
      const correction = milestone('e-2', { revision: 2, status: 'achieved', reportedAt });
      expect(await send(correction)).toMatchObject({ failed: [], applied: 1 });
      expect(lines.filter((l) => l.level === 'warn').map((l) => l.attributes.why)).toEqual(['a report is current without its audit record']);
      expect(await send(milestone('e-1'))).toMatchObject({ failed: [], stale: 1 });
      expect((await memory.revisions('wetzlar')).map((r) => r.eventId).sort()).toEqual(['e-0', 'e-1', 'e-2']);
      const { stored, folded } = await asOf(TODAY, [milestone('e-0', { item: 'steuerungs-ag' }), milestone('e-1'), correction]);
      expect(stored).toEqual(folded);
    },
  );

  it('completes, in a rebuild, the audit record of a current report whose attempt stopped, keeping when the bus accepted it', async () => {
    const { send, memory, asOf } = setup();
    await send(milestone('e-0', { item: 'steuerungs-ag' }));
    const { version } = await memory.timelineState('wetzlar');
    // An attempt that wrote a current state and stopped, its index left pending.
    await memory.putCurrent(valid(milestone('e-1')), '2012-02-10T08:31:05.000Z');
    await memory.putTimelineState('wetzlar', { pending: true }, version);
    const other = milestone('e-2', { item: 'sprachkurse' });
    expect(await send(other)).toMatchObject({ failed: [], applied: 1 });
    const recorded = await memory.itemRevisions('wetzlar', 'milestone#handlungskonzept');
    expect(recorded.map((r) => [r.eventId, r.acceptedAt])).toEqual([['e-1', '2012-02-10T08:31:05.000Z']]);
    const { stored, folded } = await asOf(TODAY, [milestone('e-0', { item: 'steuerungs-ag' }), milestone('e-1'), other]);
    expect(stored).toEqual(folded);
  });

  it('finishes a report that is current without its audit record when it comes again', async () => {
    const { send, lines, memory } = setup();
    await send(milestone('e-0', { item: 'steuerungs-ag' }));
    await memory.putCurrent(valid(milestone('e-1')), '2012-02-10T08:31:05.000Z');
    expect(await send(milestone('e-1'))).toMatchObject({ failed: [], applied: 1, duplicates: 0 });
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.attributes.why)).toEqual(['a report is current without its audit record']);
    expect((await memory.revisions('wetzlar')).map((r) => r.eventId).sort()).toEqual(['e-0', 'e-1']);
  });
});

describe('what the aggregation tells operators', () => {
  it('sums up each batch', async () => {
    const { send, lines } = setup();
    await send(milestone('e-1'), milestone('e-1'));
    expect(lines.filter((l) => l.message === 'batch processed').map((l) => l.attributes)).toEqual([
      { messages: 2, applied: 1, stale: 0, duplicates: 0, rejected: 0, failed: 0 },
    ]);
  });

  it('names a rejected report, its region and its errors', async () => {
    const { send, lines } = setup();
    await send({ ...milestone('bad'), detail: { ...milestone('bad').detail, status: 'fertig' } });
    const warning = lines.find((l) => l.message === 'report rejected');
    expect(warning?.level).toBe('warn');
    expect(warning?.attributes).toMatchObject({ eventId: 'bad', regionId: 'wetzlar', errors: [expect.objectContaining({ path: 'status' })] });
  });

  it('names the region whose writes failed, and the error', async () => {
    const memory = createInMemoryReportStore();
    const { logger, lines } = recordingLogger();
    const failing: ReportStore = {
      ...memory,
      putCurrent: async () => {
        throw new Error('ProvisionedThroughputExceededException');
      },
    };
    const aggregator = createAggregator({ store: failing, publisher: { publish: async () => {} }, logger });
    await aggregator.processMessages([asMessage(milestone('e-1'))]);
    expect(lines.filter((l) => l.level === 'error')).toEqual([
      { level: 'error', message: 'aggregating a region failed', attributes: { regionId: 'wetzlar', error: 'Error: ProvisionedThroughputExceededException' } },
    ]);
  });
});
