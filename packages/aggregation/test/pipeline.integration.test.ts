import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type RegionEvent, defaultCatalogue, validator } from '@modellregionen/events';
import { competenceCircleOf, reduceRegions } from '@modellregionen/domain';
import { createReportStore, type Documents, type ReportStore, UNATTRIBUTED_REGION } from '@modellregionen/store';
import { type Aggregator, createAggregator } from '@modellregionen/aggregation';
import { eventBridgePublisher } from '@modellregionen/lambda-kit';
import { readCompetenceCircle } from '@modellregionen/api';
import { AS_OF_DAYS, deliveredStream, type RawEvent } from '../../../test/support/arbitraries';
import { milestoneEvent } from '../../../test/support/raw-events';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';
import { startEventBridgeCapture } from '../../../test/support/eventbridge-capture';
import { asMessage, deliverUntilDone, inBatches } from '../../../test/support/delivery';
import { competenceCircleIn } from '../../../test/support/views';

const TODAY = '2026-11-22';

let db: TestStore;
let bus: Awaited<ReturnType<typeof startEventBridgeCapture>>;

beforeAll(async () => {
  db = await startTestStore();
  bus = await startEventBridgeCapture();
});
afterAll(async () => {
  await bus?.stop();
  await db?.stop();
});

const pipelineOn = (tableName: string, client = db.documents): { store: ReportStore; aggregator: Aggregator } => {
  const store = createReportStore({ client, tableName });
  return { store, aggregator: createAggregator({ store, publisher: eventBridgePublisher(bus.client, 'modellregionen') }) };
};

const scanAll = async (tableName: string) => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey }));
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));
};

const valid = (raw: RawEvent): RegionEvent => {
  const r = validator.validateEvent(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

describe('the aggregation pipeline against the embedded store', () => {
  let tableName: string;
  let store: ReportStore;
  let aggregator: Aggregator;
  beforeEach(async () => {
    tableName = await db.freshTable();
    ({ store, aggregator } = pipelineOn(tableName));
    bus.entries.length = 0;
  });

  it('applies a report to the region view', async () => {
    const outcome = await aggregator.processMessages([asMessage(milestoneEvent('e-1', 1, 'in_progress'))]);
    expect(outcome).toEqual({ failed: [], applied: 1, stale: 0, duplicates: 0, rejected: 0 });
    const view = await competenceCircleIn(store, '2012-07-01');
    const wetzlar = view.regions.find((r) => r.regionId === 'wetzlar')!;
    expect(wetzlar.milestones).toMatchObject({ total: 1, overdue: 1, byStatus: { in_progress: 1 } });
    expect(wetzlar.lastReportedAt).toBe('2012-02-10T09:30:00+01:00');
  });

  it('changes nothing at all when an event is delivered again', async () => {
    const event = milestoneEvent('e-1', 1, 'in_progress');
    await aggregator.processMessages([asMessage(event)]);
    const before = await scanAll(tableName);
    const again = await aggregator.processMessages([asMessage(event), asMessage(event)]);
    expect(again).toMatchObject({ failed: [], applied: 0, duplicates: 1 });
    expect(await scanAll(tableName)).toEqual(before);
  });

  it('changes no current state and not today’s view for a stale revision, but keeps it in the audit', async () => {
    await aggregator.processMessages([asMessage(milestoneEvent('e-2', 2, 'delayed'))]);
    const current = (items: Record<string, unknown>[]) => items.filter((i) => String(i.sk).startsWith('CUR#'));
    const before = await scanAll(tableName);
    const view = await competenceCircleIn(store, TODAY);
    const outcome = await aggregator.processMessages([asMessage(milestoneEvent('e-1', 1, 'in_progress'))]);
    expect(outcome).toMatchObject({ failed: [], applied: 0, stale: 1 });
    expect(current(await scanAll(tableName))).toEqual(current(before));
    expect(await competenceCircleIn(store, TODAY)).toEqual(view);
    expect((await store.revisions('wetzlar')).map((r) => r.eventId).sort()).toEqual(['e-1', 'e-2']);
    expect((await store.currentItems('wetzlar')).map((r) => r.detail.revision)).toEqual([2]);
  });

  it('quarantines an invalid report with its reasons and publishes EventRejected', async () => {
    const bad = milestoneEvent('e-bad', 1, 'achieved', { funding: [] });
    const before = await competenceCircleIn(store, TODAY);
    const outcome = await aggregator.processMessages([asMessage(bad)]);
    expect(outcome).toMatchObject({ failed: [], rejected: 1, applied: 0 });

    const [rejection] = await store.listRejections('wetzlar');
    expect(rejection).toMatchObject({
      eventId: 'e-bad',
      detailType: 'MilestoneReported',
      receivedAt: '2012-02-10T08:31:00.000Z',
      errors: [
        { path: 'funding', message: 'is not a known field' },
        { path: 'achievedDate', message: 'is required when status is achieved' },
      ],
    });
    expect(bus.entries).toHaveLength(1);
    expect(bus.entries[0]).toMatchObject({ Source: 'modellregionen.validation', DetailType: 'EventRejected', EventBusName: 'modellregionen' });
    expect(JSON.parse(bus.entries[0]!.Detail)).toEqual({
      schemaVersion: 1,
      originalEventId: 'e-bad',
      regionId: 'wetzlar',
      detailType: 'MilestoneReported',
      source: 'modellregion.wetzlar',
      receivedAt: '2012-02-10T08:31:00.000Z',
      errors: rejection!.errors,
    });
    expect(await competenceCircleIn(store, TODAY)).toEqual(before);

    // Delivered again: no second quarantine record, no second notice.
    await aggregator.processMessages([asMessage(bad)]);
    expect(await store.listRejections('wetzlar')).toHaveLength(1);
    expect(bus.entries).toHaveLength(1);
  });

  it('quarantines what is not even an event, under no region, without failing the batch', async () => {
    const outcome = await aggregator.processMessages([
      { id: 'm-1', body: '{"truncated": ', sentAt: '2012-01-01T00:00:00.000Z' },
      asMessage({ id: 'x', source: 'modellregion.frankfurt', 'detail-type': 'MilestoneReported', detail: {} }),
      asMessage(milestoneEvent('e-ok', 1, 'planned')),
    ]);
    expect(outcome).toMatchObject({ failed: [], rejected: 2, applied: 1 });
    const unattributed = await store.listRejections(UNATTRIBUTED_REGION);
    expect(unattributed.map((r) => r.errors[0]!.path).sort()).toEqual(['event', 'source']);
  });

  it('retries a rejection whose notice could not be published, and loses nothing', async () => {
    bus.failNextCalls(1);
    const message = asMessage(milestoneEvent('e-bad', 1, 'achieved'));
    expect((await aggregator.processMessages([message])).failed).toEqual([message.id]);
    expect(await store.listRejections('wetzlar')).toHaveLength(0);
    expect((await aggregator.processMessages([message])).failed).toEqual([]);
    expect(await store.listRejections('wetzlar')).toHaveLength(1);
    expect(bus.entries).toHaveLength(1);
  });
});

describe('convergence of the stored views (property, shuffled and duplicated streams)', () => {
  it('stores the same views as the pure reducer computes, whatever the order, batching and concurrency', async () => {
    await fc.assert(
      fc.asyncProperty(
        deliveredStream({ maxEvents: 30 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 4 }),
        async ({ events, delivered }, batchSizes, parallel) => {
          const tableName = await db.freshTable();
          const { store, aggregator } = pipelineOn(tableName);
          await deliverUntilDone(aggregator, inBatches(delivered.map(asMessage), batchSizes), { parallel });

          const expected = events.map(valid);
          for (const asOf of ['2012-02-29', TODAY]) {
            expect(await competenceCircleIn(store, asOf)).toEqual(competenceCircleOf(expected, { catalogue: defaultCatalogue, asOf }));
          }
          // As of a date, read from the stored month bases and days, equals a fold of the reports made by then.
          for (const asOf of AS_OF_DAYS) {
            expect(await readCompetenceCircle({ store, catalogue: defaultCatalogue, asOf, today: TODAY })).toEqual(
              competenceCircleOf(expected, { catalogue: defaultCatalogue, asOf, reportedUntil: asOf }),
            );
          }
          for (const [regionId, state] of reduceRegions(expected)) {
            const stored = await store.currentItems(regionId);
            expect(stored.map((e) => e.eventId).sort()).toEqual([...state.values()].map((e) => e.eventId).sort());
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('faults: store calls that fail before or after they reach the store', () => {
  it('ends in the same views once the failed messages are redelivered', async () => {
    await fc.assert(
      fc.asyncProperty(deliveredStream({ maxEvents: 25 }), fc.integer({ min: 1, max: 2 ** 31 }), async ({ events, delivered }, seed) => {
        const tableName = await db.freshTable();
        let state = seed;
        const random = () => {
          // mulberry32: a small seeded generator, so that a failing run can be replayed.
          state = (state + 0x6d2b79f5) | 0;
          let t = Math.imul(state ^ (state >>> 15), 1 | state);
          t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
          return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
        };
        let injected = 0;
        const flaky: Documents = {
          async call(operation, input) {
            const r = random();
            if (r < 0.08) {
              injected += 1;
              throw Object.assign(new Error('injected fault before the call'), { name: 'ServiceUnavailable' });
            }
            const result = await db.documents.call(operation, input);
            if (r > 0.94) {
              injected += 1;
              throw Object.assign(new Error('injected fault after the call (response lost)'), { name: 'TimeoutError' });
            }
            return result;
          },
        };
        const { aggregator } = pipelineOn(tableName, flaky);
        const { store } = pipelineOn(tableName);
        const { failures } = await deliverUntilDone(aggregator, inBatches(delivered.map(asMessage), [7]), { parallel: 2, maxRounds: 200 });
        if (injected > 0) expect(failures).toBeGreaterThan(0);
        expect(await competenceCircleIn(store, TODAY)).toEqual(competenceCircleOf(events.map(valid), { catalogue: defaultCatalogue, asOf: TODAY }));
      }),
      { numRuns: 30 },
    );
  });
});

describe('a second writer of the same region', () => {
  it('is refused by the guarded writes of the time index, and the retry of its reports converges', async () => {
    const tableName = await db.freshTable();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reached!: () => void;
    const atWrite = new Promise<void>((resolve) => (reached = resolve));
    const slowClient: Documents = {
      async call(operation, input) {
        if (operation === 'PutItem' && (input as { Item?: { type?: string } }).Item?.type === 'day-change') {
          reached();
          await gate; // A has read the day's point; it now waits while B writes the same day.
        }
        return db.documents.call(operation, input);
      },
    };
    const a = pipelineOn(tableName, slowClient);
    const b = pipelineOn(tableName);
    await b.aggregator.processMessages([asMessage(milestoneEvent('e-0', 1, 'planned'))]);

    const held = asMessage(milestoneEvent('e-1', 2, 'in_progress'));
    const slow = a.aggregator.processMessages([held]);
    await atWrite;
    const other = milestoneEvent('e-2', 1, 'cancelled');
    await b.aggregator.processMessages([asMessage({ ...other, detail: { ...other.detail, milestoneId: 'sprachkurse' } })]);
    release();
    expect((await slow).failed).toEqual([held.id]);
    expect((await b.aggregator.processMessages([held])).failed).toEqual([]);

    const wetzlar = (await competenceCircleIn(b.store, TODAY)).regions.find((r) => r.regionId === 'wetzlar')!;
    expect(wetzlar.milestones.byStatus).toMatchObject({ planned: 0, in_progress: 1, cancelled: 1 });
    expect((await b.store.revisions('wetzlar')).map((r) => r.eventId).sort()).toEqual(['e-0', 'e-1', 'e-2']);
  });
});
