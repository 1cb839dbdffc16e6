// The aggregator on the in-memory report store: the pipeline's rules, its idempotence and its
// convergence under shuffles, redeliveries and store failures, in milliseconds. The same pipeline
// against DynamoDB's own conditions (dynalite) is pipeline.integration.test.ts.
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { competenceCircleOf, reduceRegions } from '@modellregionen/domain';
import { type Catalogue, createValidator, defaultCatalogue, type RegionEvent, validator } from '@modellregionen/events';
import { createAggregator } from '@modellregionen/aggregation';
import type { EventPublisher } from '@modellregionen/lambda-kit';
import { readCompetenceCircle } from '@modellregionen/api';
import { createInMemoryReportStore, type ReportStore, UNATTRIBUTED_REGION } from '@modellregionen/store';
import { AS_OF_DAYS, deliveredStream, type RawEvent } from '../../../test/support/arbitraries';
import { milestoneEvent } from '../../../test/support/raw-events';
import { asMessage, deliverUntilDone, inBatches } from '../../../test/support/delivery';
import { competenceCircleIn } from '../../../test/support/views';

const TODAY = '2026-11-22';

/** Records what is published; can be told to fail the next calls, as a throttled bus would. */
const recordingPublisher = () => {
  const entries: PutEventsRequestEntry[] = [];
  let failures = 0;
  const publisher: EventPublisher = {
    async publish(batch) {
      if (failures > 0) {
        failures -= 1;
        throw new Error('PutEvents failed for 1 entries: ThrottlingException: Rate exceeded');
      }
      entries.push(...batch);
    },
  };
  return { publisher, entries, failNextCalls: (n: number) => (failures = n) };
};

type Operation = keyof ReportStore;

/**
 * The store with failures injected: `fault` decides per call whether it fails before it reaches
 * the store, or after (the write landed, the answer was lost), as a dropped connection does.
 */
const withFaults = (store: ReportStore, fault: (operation: Operation) => 'before' | 'after' | undefined): ReportStore =>
  Object.fromEntries(
    Object.entries(store).map(([operation, call]: [string, (...args: unknown[]) => Promise<unknown>]) => [
      operation,
      async (...args: unknown[]) => {
        const when = fault(operation as Operation);
        if (when === 'before') throw Object.assign(new Error(`injected: ${operation} failed`), { name: 'ServiceUnavailable' });
        const result = await call(...args);
        if (when === 'after') throw Object.assign(new Error(`injected: ${operation} answer lost`), { name: 'TimeoutError' });
        return result;
      },
    ]),
  ) as unknown as ReportStore;

const pipeline = (options: { store?: ReportStore; validator?: ReturnType<typeof createValidator> } = {}) => {
  const store = options.store ?? createInMemoryReportStore();
  const bus = recordingPublisher();
  const aggregator = createAggregator({ store, publisher: bus.publisher, ...(options.validator ? { validator: options.validator } : {}) });
  return { store, bus, aggregator };
};

const kasselEvent = (id: string): RawEvent => ({
  ...milestoneEvent(id, 1, 'planned'),
  source: 'modellregion.kassel',
  detail: { ...milestoneEvent(id, 1, 'planned').detail, regionId: 'kassel' },
});

const valid = (raw: RawEvent): RegionEvent => {
  const r = validator.validateEvent(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

/** Everything the store holds for a region, read through its interface. */
const stateOf = async (store: ReportStore, regionId = 'wetzlar') => ({
  current: await store.currentItems(regionId),
  revisions: await store.revisions(regionId),
  rejections: await store.listRejections(regionId),
  timeline: await store.timelineUpTo(regionId),
});

const wetzlarRow = async (store: ReportStore, asOf = TODAY) => (await competenceCircleIn(store, asOf)).regions.find((r) => r.regionId === 'wetzlar')!;

describe('the aggregator', () => {
  it('applies a report: its item’s current state, the region’s time index and its audit record', async () => {
    const { store, aggregator } = pipeline();
    const message = { ...asMessage(milestoneEvent('e-1', 1, 'in_progress')), sentAt: '2012-02-10T08:31:01.000Z' };
    expect(await aggregator.processMessages([message])).toEqual({ failed: [], applied: 1, stale: 0, duplicates: 0, rejected: 0 });
    expect((await wetzlarRow(store, '2012-07-01')).milestones).toMatchObject({ total: 1, overdue: 1, byStatus: { in_progress: 1 } });
    expect(await store.revisions('wetzlar')).toEqual([expect.objectContaining({ eventId: 'e-1', acceptedAt: '2012-02-10T08:31:01.000Z' })]);
  });

  it('changes nothing when a report is delivered again, and processes a report delivered twice in one batch once', async () => {
    const { store, aggregator } = pipeline();
    const event = milestoneEvent('e-1', 1, 'in_progress');
    const [first, second] = [asMessage(event), asMessage(event)];
    expect(await aggregator.processMessages([first, second])).toEqual({ failed: [], applied: 1, stale: 0, duplicates: 0, rejected: 0 });
    const before = await stateOf(store);
    expect(await aggregator.processMessages([asMessage(event)])).toEqual({ failed: [], applied: 0, stale: 0, duplicates: 1, rejected: 0 });
    expect(await stateOf(store)).toEqual(before);
  });

  it('keeps a stale revision out of the current state and today’s view, and in the audit', async () => {
    const { store, aggregator } = pipeline();
    await aggregator.processMessages([asMessage(milestoneEvent('e-2', 2, 'delayed'))]);
    const { current } = await stateOf(store);
    const view = await competenceCircleIn(store, TODAY);
    expect(await aggregator.processMessages([asMessage(milestoneEvent('e-1', 1, 'in_progress'))])).toMatchObject({ failed: [], applied: 0, stale: 1 });
    expect(await stateOf(store)).toMatchObject({ current });
    expect(await competenceCircleIn(store, TODAY)).toEqual(view);
    expect((await store.revisions('wetzlar')).map((r) => r.eventId)).toEqual(['e-1', 'e-2']);
  });

  it('summarises the region by the catalogue it validates with', async () => {
    const first = defaultCatalogue.indicators[0]!;
    const catalogue: Catalogue = { ...defaultCatalogue, indicators: [...defaultCatalogue.indicators, { ...first, id: 'new-indicator' }] };
    const { store, aggregator } = pipeline({ validator: createValidator(catalogue) });
    const report = {
      ...milestoneEvent('i-1', 1, ''),
      'detail-type': 'IndicatorReported',
      detail: {
        schemaVersion: 1,
        regionId: 'wetzlar',
        revision: 1,
        reportedAt: '2012-02-10T09:30:00+01:00',
        reportedBy: 'Projektkoordination Integration',
        indicatorId: 'new-indicator',
        period: '2011',
        values: { total: 12 },
        source: 'Kita-Befragung',
      },
    };
    expect(await aggregator.processMessages([asMessage(report)])).toMatchObject({ failed: [], applied: 1 });
    expect((await wetzlarRow(store)).indicators).toMatchObject({ latestPeriod: '2011', reported: 1 });
  });
});

describe('a region aggregated before the time index existed', () => {
  it('is built from its audit records with its next report, and kept by deltas after that', async () => {
    const { store, aggregator } = pipeline();
    // As an earlier version left it: current states and audit records, no time index.
    const earlier = [milestoneEvent('e-1', 1, 'planned'), kasselEvent('k-1')].map(valid);
    for (const e of earlier) await store.putCurrent(e, '2012-02-10T08:31:00.000Z');
    await store.putRevisions(earlier.map((event) => ({ event, outcome: 'applied' as const, acceptedAt: '2012-02-10T08:31:00.000Z' })));
    expect((await wetzlarRow(store)).milestones.total).toBe(0);

    await aggregator.processMessages([asMessage(milestoneEvent('e-2', 2, 'delayed'))]);
    expect((await wetzlarRow(store)).milestones.byStatus).toMatchObject({ planned: 0, delayed: 1 });
    expect(await store.timelineState('wetzlar')).toMatchObject({ pending: false, version: 2 });
    // Kassel has had no report since: it is built with its next one.
    expect(await store.timelineUpTo('kassel')).toEqual([]);
  });
});

describe('quarantine', () => {
  it('quarantines an invalid report with its reasons and publishes EventRejected, once however often it comes', async () => {
    const { store, bus, aggregator } = pipeline();
    const bad = milestoneEvent('e-bad', 1, 'achieved', { funding: [] });
    expect(await aggregator.processMessages([asMessage(bad)])).toEqual({ failed: [], applied: 0, stale: 0, duplicates: 0, rejected: 1 });
    const [rejection] = await store.listRejections('wetzlar');
    expect(rejection).toMatchObject({ eventId: 'e-bad', receivedAt: '2012-02-10T08:31:00.000Z', errors: [{ path: 'funding' }, { path: 'achievedDate' }] });
    expect(bus.entries).toEqual([{ Source: 'modellregionen.validation', DetailType: 'EventRejected', Detail: expect.any(String) }]);
    expect(JSON.parse(bus.entries[0]!.Detail!)).toEqual({
      schemaVersion: 1,
      originalEventId: 'e-bad',
      regionId: 'wetzlar',
      detailType: 'MilestoneReported',
      source: 'modellregion.wetzlar',
      receivedAt: '2012-02-10T08:31:00.000Z',
      errors: rejection!.errors,
    });
    expect(await store.timelineUpTo('wetzlar')).toEqual([]);

    expect(await aggregator.processMessages([asMessage(bad)])).toMatchObject({ rejected: 0, duplicates: 1 });
    expect(await store.listRejections('wetzlar')).toHaveLength(1);
    expect(bus.entries).toHaveLength(1);
  });

  it('does not announce again a rejection that a replay of the archive delivers', async () => {
    const { store, bus, aggregator } = pipeline();
    const replayed = { ...milestoneEvent('e-bad', 1, 'achieved'), 'replay-name': 'rebuild-2026' };
    expect(await aggregator.processMessages([asMessage(replayed)])).toMatchObject({ failed: [], rejected: 1 });
    expect(await store.listRejections('wetzlar')).toHaveLength(1);
    expect(bus.entries).toEqual([]);
  });

  it('quarantines what is not even an event under no region, dated by the queue, without failing the batch', async () => {
    const { store, aggregator } = pipeline();
    const outcome = await aggregator.processMessages([
      { id: 'm-1', body: '{"truncated": ', sentAt: '2012-01-01T00:00:00.000Z' },
      asMessage(milestoneEvent('e-ok', 1, 'planned')),
    ]);
    expect(outcome).toMatchObject({ failed: [], rejected: 1, applied: 1 });
    expect(await store.listRejections(UNATTRIBUTED_REGION)).toEqual([
      expect.objectContaining({
        eventId: 'm-1',
        receivedAt: '2012-01-01T00:00:00.000Z',
        body: '{"truncated": ',
        errors: [expect.objectContaining({ path: 'event' })],
      }),
    ]);
  });

  it('fails the message when the notice cannot be published, and quarantines it on the retry with one notice', async () => {
    const { store, bus, aggregator } = pipeline();
    bus.failNextCalls(1);
    const message = asMessage(milestoneEvent('e-bad', 1, 'achieved'));
    expect(await aggregator.processMessages([message])).toMatchObject({ failed: [message.id], rejected: 0 });
    expect(await store.listRejections('wetzlar')).toEqual([]);
    expect(await aggregator.processMessages([message])).toMatchObject({ failed: [], rejected: 1 });
    expect(bus.entries).toHaveLength(1);
  });
});

describe('store failures', () => {
  it('fails only the region whose write failed; the other regions of the batch are done', async () => {
    let fail = true;
    const memory = createInMemoryReportStore();
    const store = withFaults(memory, (op) => {
      if (op !== 'putCurrent' || !fail) return undefined;
      fail = false;
      return 'before';
    });
    const { aggregator } = pipeline({ store });
    const [a, b] = [asMessage(milestoneEvent('e-1', 1, 'planned')), asMessage(kasselEvent('k-1'))];
    const outcome = await aggregator.processMessages([a, b]);
    expect(outcome).toMatchObject({ failed: [a.id], applied: 1 });
    expect(await memory.revisions('wetzlar')).toEqual([]);
    expect(await memory.currentItems('kassel')).toHaveLength(1);
    expect(await aggregator.processMessages([a])).toMatchObject({ failed: [], applied: 1 });
  });

  it('leaves a region’s reports unrecorded while its time index cannot be written, and finishes them on the retry', async () => {
    let viewsFail = true;
    const memory = createInMemoryReportStore();
    const { aggregator } = pipeline({
      store: withFaults(memory, (op) => ((op === 'putTimelinePoints' || op === 'replaceTimeline') && viewsFail ? 'before' : undefined)),
    });
    const messages = [
      asMessage(milestoneEvent('e-1', 1, 'planned')),
      asMessage({ ...milestoneEvent('e-2', 1, 'planned'), detail: { ...milestoneEvent('e-2', 1, 'planned').detail, milestoneId: 'sprachkurse' } }),
    ];
    expect((await aggregator.processMessages(messages)).failed.sort()).toEqual(messages.map((m) => m.id).sort());
    expect(await memory.revisions('wetzlar')).toEqual([]);
    viewsFail = false;
    expect(await aggregator.processMessages(messages)).toEqual({ failed: [], applied: 2, stale: 0, duplicates: 0, rejected: 0 });
    expect((await wetzlarRow(memory)).milestones.total).toBe(2);
  });

  it('counts a report whose audit record could not be written as applied when it comes again', async () => {
    let fail = true;
    const memory = createInMemoryReportStore();
    const { aggregator } = pipeline({
      store: withFaults(memory, (op) => {
        if (op !== 'putRevisions' || !fail) return undefined;
        fail = false;
        return 'before';
      }),
    });
    const message = asMessage(milestoneEvent('e-1', 1, 'planned'));
    expect(await aggregator.processMessages([message])).toMatchObject({ failed: [message.id], applied: 0 });
    // Its current state was written: the retry finds it current without its audit record, rebuilds
    // the region's time index and records it.
    expect(await aggregator.processMessages([message])).toMatchObject({ failed: [], applied: 1, stale: 0, duplicates: 0 });
    expect(await aggregator.processMessages([message])).toMatchObject({ failed: [], applied: 0, duplicates: 1 });
  });
});

describe('convergence (property, in memory)', () => {
  it('stores the views the pure reducer computes, whatever the order, duplicates, batching, concurrency and store failures', async () => {
    await fc.assert(
      fc.asyncProperty(
        deliveredStream({ maxEvents: 30 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        fc.infiniteStream(fc.constantFrom<'before' | 'after' | undefined>('before', 'after', undefined, undefined, undefined, undefined, undefined, undefined)),
        async ({ events, delivered }, batchSizes, parallel, faults) => {
          const memory = createInMemoryReportStore();
          const { aggregator } = pipeline({ store: withFaults(memory, () => faults.next().value) });
          await deliverUntilDone(aggregator, inBatches(delivered.map(asMessage), batchSizes), { parallel, maxRounds: 500 });

          const expected = events.map(valid);
          for (const asOf of ['2012-02-29', TODAY]) {
            expect(await competenceCircleIn(memory, asOf)).toEqual(competenceCircleOf(expected, { catalogue: defaultCatalogue, asOf }));
          }
          // As of a date, read from month bases and days, equals a fold of the reports made by then.
          for (const asOf of AS_OF_DAYS) {
            expect(await readCompetenceCircle({ store: memory, catalogue: defaultCatalogue, asOf, today: TODAY })).toEqual(
              competenceCircleOf(expected, { catalogue: defaultCatalogue, asOf, reportedUntil: asOf }),
            );
          }
          for (const [regionId, state] of reduceRegions(expected)) {
            expect((await memory.currentItems(regionId)).map((e) => e.eventId).sort()).toEqual([...state.values()].map((e) => e.eventId).sort());
            expect((await memory.revisions(regionId)).length).toBe(expected.filter((e) => e.regionId === regionId).length);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  // One writer per region is what the queue promises. Should a second one run anyway (say, a
  // delivery outliving its visibility timeout), the guarded writes of the time index refuse the
  // slower one, its reports are delivered again, and the retry rebuilds the region.
  it.each(['batchContext', 'putCurrent', 'recordedOf', 'putTimelinePoints'] as const)(
    'refuses a second writer of a region (held at %s) and converges on its retry',
    async (step) => {
      const memory = createInMemoryReportStore();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let reached!: () => void;
      const atStep = new Promise<void>((resolve) => (reached = resolve));
      const slow: ReportStore = {
        ...memory,
        [step]: async (...args: unknown[]) => {
          reached();
          await gate;
          return (memory[step] as (...a: unknown[]) => Promise<unknown>)(...args);
        },
      };
      await pipeline({ store: memory }).aggregator.processMessages([asMessage(milestoneEvent('e-0', 1, 'planned'))]);
      const a = pipeline({ store: slow });
      const b = pipeline({ store: memory });
      const held = asMessage(milestoneEvent('e-1', 2, 'in_progress'));
      const slowBatch = a.aggregator.processMessages([held]);
      await atStep;
      await b.aggregator.processMessages([
        asMessage({ ...milestoneEvent('e-2', 1, 'cancelled'), detail: { ...milestoneEvent('e-2', 1, 'cancelled').detail, milestoneId: 'sprachkurse' } }),
      ]);
      release();
      await slowBatch;
      await deliverUntilDone(b.aggregator, [[held]], { parallel: 1, maxRounds: 5 });
      const expected = (await memory.revisions('wetzlar')).map((r) => r.eventId).sort();
      expect(expected).toEqual(['e-0', 'e-1', 'e-2']);
      expect((await wetzlarRow(memory)).milestones.byStatus).toMatchObject({ planned: 0, in_progress: 1, cancelled: 1 });
    },
  );
});
