// One specification of the report store, run against both implementations: DynamoDB (on the
// embedded store) and memory. The in-memory store stands in for DynamoDB in the aggregator's unit
// tests, so it has to keep the same promises: conditional puts, the guarded writes of the time
// index, the queries that read it.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_POINT, type Point } from '@modellregionen/domain';
import { type RegionEvent, regionSource, validator } from '@modellregionen/events';
import { ConcurrentTimelineWrite, createInMemoryReportStore, createReportStore, type Rejection, type ReportStore } from '@modellregionen/store';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';

const NOW = new Date('2013-01-01T12:00:00.000Z');

let db: TestStore | undefined;
beforeAll(async () => {
  db = await startTestStore();
});
afterAll(async () => {
  await db?.stop();
});

const implementations: [string, () => Promise<ReportStore>][] = [
  ['DynamoDB', async () => createReportStore({ client: db!.documents, tableName: await db!.freshTable(), now: () => NOW })],
  ['memory', async () => createInMemoryReportStore({ now: () => NOW })],
];

const report = (input: { eventId: string; regionId?: string; revision?: number; reportedAt?: string; detail: Record<string, unknown> }): RegionEvent => {
  const regionId = input.regionId ?? 'wetzlar';
  const result = validator.validateEvent({
    version: '0',
    id: input.eventId,
    'detail-type': 'milestoneId' in input.detail ? 'MilestoneReported' : 'indicatorId' in input.detail ? 'IndicatorReported' : 'FindingPublished',
    source: regionSource(regionId),
    time: '2012-02-10T08:31:00Z',
    detail: {
      schemaVersion: 1,
      regionId,
      revision: input.revision ?? 1,
      reportedAt: input.reportedAt ?? '2012-02-10T09:30:00+01:00',
      reportedBy: 'Projektkoordination Integration',
      ...input.detail,
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};

const milestone = (eventId: string, options: { id?: string; revision?: number; reportedAt?: string; status?: string; regionId?: string } = {}) =>
  report({
    eventId,
    ...(options.regionId ? { regionId: options.regionId } : {}),
    ...(options.revision ? { revision: options.revision } : {}),
    ...(options.reportedAt ? { reportedAt: options.reportedAt } : {}),
    detail: { milestoneId: options.id ?? 'handlungskonzept', title: 'Handlungskonzept', status: options.status ?? 'in_progress', dueDate: '2012-06-30' },
  });

const indicator = (eventId: string, period: string, total: number) =>
  report({
    eventId,
    detail: { indicatorId: 'daycare-attendance-3-to-6', period, values: { total, withMigrationBackground: 84.7 }, source: 'Kita-Befragung' },
  });

const rejection = (eventId: string, receivedAt: string, body = '{"truncated": '): Rejection => ({
  regionId: 'wetzlar',
  eventId,
  source: 'modellregion.wetzlar',
  detailType: 'MilestoneReported',
  receivedAt,
  errors: [{ path: 'status', message: 'must be one of planned, in_progress, achieved, delayed, cancelled' }],
  body,
});

const ACCEPTED = '2012-02-10T08:31:00.000Z';

/** A point that tells itself apart by its findings count. */
const point = (findings: number): Point => ({ ...EMPTY_POINT, counts: { findings } });

describe.each(implementations)('the report store (%s)', (_name, open) => {
  describe('current state', () => {
    it('keeps the report that supersedes the others, and says what each write did', async () => {
      const store = await open();
      const second = milestone('e-2', { revision: 2, status: 'delayed' });
      const outcome = async (event: RegionEvent) => (await store.putCurrent(event, ACCEPTED)).outcome;
      expect(await outcome(second)).toBe('applied');
      expect(await outcome(second)).toBe('already-current');
      expect(await outcome(milestone('e-1', { revision: 1 }))).toBe('stale');
      // Among equal revisions the later instant wins (however its offset is written), then the greater event id.
      expect(await outcome(milestone('e-0', { revision: 2, reportedAt: '2012-02-10T10:30:00+02:00' }))).toBe('stale');
      expect(await outcome(milestone('e-3', { revision: 2, reportedAt: '2012-02-10T09:30:00+01:00' }))).toBe('applied');
      expect(await outcome(milestone('e-1', { revision: 2, reportedAt: '2012-02-10T09:31:00+01:00' }))).toBe('applied');
      expect(await outcome(milestone('e-4', { revision: 2, reportedAt: '2012-02-10T09:30:59+01:00' }))).toBe('stale');
      expect((await store.currentItems('wetzlar')).map((e) => e.eventId)).toEqual(['e-1']);
    });

    it('tells which report a write replaced, exactly as it was, and keeps when the bus accepted the current one', async () => {
      const store = await open();
      const first = milestone('e-1', { revision: 1 });
      const second = milestone('e-2', { revision: 2, status: 'delayed' });
      expect(await store.putCurrent(first, ACCEPTED)).toEqual({ outcome: 'applied', replaced: undefined });
      expect(await store.putCurrent(second, '2012-02-11T08:00:00.000Z')).toEqual({ outcome: 'applied', replaced: first });
      expect(await store.currentItems('wetzlar')).toEqual([{ ...second, acceptedAt: '2012-02-11T08:00:00.000Z' }]);
    });

    it('ends with the same current state whatever the order and repetition of the writes', async () => {
      const versions = [1, 2, 3, 4].map((revision) => milestone(`e-${revision}`, { revision }));
      await fc.assert(
        fc.asyncProperty(fc.shuffledSubarray([...versions, ...versions], { minLength: 8 }), async (writes) => {
          const store = await open();
          await Promise.all(writes.map((w) => store.putCurrent(w, ACCEPTED)));
          expect((await store.currentItems('wetzlar')).map((e) => e.eventId)).toEqual(['e-4']);
        }),
        { numRuns: 10 },
      );
    });

    it('gives back the report exactly as it was written, items in item-key order, by region and by prefix', async () => {
      const store = await open();
      const items = [
        indicator('i-2', '2011', 93.6),
        milestone('m-1', { id: 'sprachkurse' }),
        indicator('i-1', '2008', 91.4),
        milestone('k-1', { regionId: 'kassel' }),
      ];
      for (const item of items) await store.putCurrent(item, ACCEPTED);
      expect(await store.currentItems('wetzlar')).toEqual([items[2], items[0], items[1]].map((e) => ({ ...e, acceptedAt: ACCEPTED })));
      expect(await store.currentItemsByPrefix('wetzlar', 'indicator#daycare-attendance-3-to-6#')).toEqual([items[2], items[0]]);
      expect(await store.currentItemsByPrefix('wetzlar', 'finding#')).toEqual([]);
      expect(await store.currentItems('kassel')).toEqual([{ ...items[3], acceptedAt: ACCEPTED }]);
      expect(await store.currentItems('offenbach')).toEqual([]);
    });
  });

  describe('the time index', () => {
    it('keeps its bookkeeping under a version: a writer that read an older one does not land', async () => {
      const store = await open();
      expect(await store.timelineState('wetzlar')).toEqual({ pending: false, version: 0 });
      expect(await store.putTimelineState('wetzlar', { pending: true }, 0)).toBe(true);
      expect(await store.putTimelineState('wetzlar', { pending: false }, 0)).toBe(false);
      expect(await store.timelineState('wetzlar')).toEqual({ pending: true, version: 1 });
      expect(await store.putTimelineState('wetzlar', { pending: false }, 1)).toBe(true);
      expect(await store.timelineState('wetzlar')).toEqual({ pending: false, version: 2 });
      expect(await store.timelineState('kassel')).toEqual({ pending: false, version: 0 });
    });

    it('writes points only over the version read, and refuses the whole call naming what changed', async () => {
      const store = await open();
      await store.putTimelinePoints('wetzlar', [
        { key: '2012-02', point: point(1), version: 0 },
        { key: '2012-02-10', point: point(2), version: 0 },
      ]);
      expect(await store.timelinePoints('wetzlar', ['2012-02', '2012-02-10', '2012-02-11'])).toEqual(
        new Map([
          ['2012-02', { point: point(1), version: 1 }],
          ['2012-02-10', { point: point(2), version: 1 }],
        ]),
      );
      await expect(store.putTimelinePoints('wetzlar', [{ key: '2012-02-10', point: point(3), version: 0 }])).rejects.toThrow(ConcurrentTimelineWrite);
      await expect(store.putTimelinePoints('wetzlar', [{ key: '2012-02-11', point: point(3), version: 1 }])).rejects.toThrow(/2012-02-11/);
      await store.putTimelinePoints('wetzlar', [{ key: '2012-02-10', point: point(4), version: 1 }]);
      expect((await store.timelinePoints('wetzlar', ['2012-02-10'])).get('2012-02-10')).toEqual({ point: point(4), version: 2 });
    });

    it('names in its refusal the region and every point that changed, and the points that held land', async () => {
      const store = await open();
      await store.putTimelinePoints('wetzlar', [{ key: '2012-02-10', point: point(1), version: 0 }]);
      const refusal = await store
        .putTimelinePoints('wetzlar', [
          { key: '2012-02-10', point: point(2), version: 0 },
          { key: '2012-02-11', point: point(2), version: 3 },
          { key: '2012-02-12', point: point(2), version: 0 },
        ])
        .catch((err: unknown) => err);
      expect(refusal).toBeInstanceOf(ConcurrentTimelineWrite);
      expect(refusal).toMatchObject({
        name: 'ConcurrentTimelineWrite',
        message: 'the time index of wetzlar changed under this write (2012-02-10, 2012-02-11)',
      });
      expect(await store.timelinePoints('wetzlar', ['2012-02-10', '2012-02-11', '2012-02-12'])).toEqual(
        new Map([
          ['2012-02-10', { point: point(1), version: 1 }],
          ['2012-02-12', { point: point(2), version: 1 }],
        ]),
      );
    });

    it('reads as of a day the newest point at or before it and, for a day, its month’s base', async () => {
      const store = await open();
      const points: [string, number][] = [
        ['2012-01', 10],
        ['2012-01-05', 11],
        ['2012-01-31', 12],
        ['2012-03', 30],
        ['2012-03-01', 31],
        ['2012-03-15', 32],
        ['2012-03-31', 33],
      ];
      await store.putTimelinePoints(
        'wetzlar',
        points.map(([key, n]) => ({ key, point: point(n), version: 0 })),
      );
      const read = async (day?: string) => (await store.timelineUpTo('wetzlar', day)).map((p) => p.counts.findings);
      expect(await read('2012-03-15')).toEqual([32, 30]);
      expect(await read('2012-03-14')).toEqual([31, 30]);
      // Before the first day of a month with a base: that month's base alone.
      expect(await read('2012-03-00')).toEqual([30]);
      // A month without a base: the newest day before it, with its own month's base.
      expect(await read('2012-02-29')).toEqual([12, 10]);
      expect(await read('2012-01-04')).toEqual([10]);
      expect(await read('2011-12-31')).toEqual([]);
      expect(await read()).toEqual([33, 30]);
      expect(await store.timelineUpTo('wetzlar', '2012-03-15', { consistent: true })).toEqual([point(32), point(30)]);
      expect(await store.timelineUpTo('kassel')).toEqual([]);
    });

    it('gives the newest point at or before a key with its version, and every point of a month', async () => {
      const store = await open();
      await store.putTimelinePoints('wetzlar', [
        { key: '2012-01', point: point(1), version: 0 },
        { key: '2012-01-05', point: point(2), version: 0 },
        { key: '2012-01-20', point: point(3), version: 0 },
        { key: '2012-02', point: point(4), version: 0 },
      ]);
      expect(await store.newestPoint('wetzlar', '2012-01-99')).toEqual({ key: '2012-01-20', point: point(3), version: 1 });
      expect(await store.newestPoint('wetzlar', '2012-01-19')).toEqual({ key: '2012-01-05', point: point(2), version: 1 });
      expect(await store.newestPoint('wetzlar', '2012-02-99')).toEqual({ key: '2012-02', point: point(4), version: 1 });
      expect(await store.newestPoint('wetzlar', '2011-12-31')).toBeUndefined();
      expect([...(await store.monthPoints('wetzlar', '2012-01')).keys()]).toEqual(['2012-01', '2012-01-05', '2012-01-20']);
      expect(await store.monthPoints('wetzlar', '2012-03')).toEqual(new Map());
      expect(await store.monthsAfter('wetzlar', '2011-12')).toEqual(['2012-01', '2012-02']);
      expect(await store.monthsAfter('wetzlar', '2012-01')).toEqual(['2012-02']);
      expect(await store.monthsAfter('wetzlar', '2012-02')).toEqual([]);
    });

    it('reads two small items however many days a month has, and finds a base missing under days', async () => {
      const store = await open();
      const days = Array.from({ length: 31 }, (_, i) => `2012-01-${String(i + 1).padStart(2, '0')}`);
      await store.putTimelinePoints('wetzlar', [
        { key: '2011-12', point: point(1), version: 0 },
        { key: '2011-12-24', point: point(2), version: 0 },
        { key: '2012-01', point: point(3), version: 0 },
        ...days.map((key, i) => ({ key, point: point(10 + i), version: 0 })),
      ]);
      expect(await store.timelineUpTo('wetzlar', '2012-01-31')).toEqual([point(40), point(3)]);
      await store.putTimelinePoints('kassel', [{ key: '2012-01-05', point: point(1), version: 0 }]);
      await expect(store.timelineUpTo('kassel')).rejects.toThrow(/no base/);
    });

    it('replaces the whole index in a rebuild: other points go, versions rise above those a writer read', async () => {
      const store = await open();
      await store.putTimelinePoints('wetzlar', [
        { key: '2012-01', point: point(1), version: 0 },
        { key: '2012-01-05', point: point(2), version: 0 },
      ]);
      await store.putTimelinePoints('kassel', [{ key: '2012-01', point: point(7), version: 0 }]);
      await store.replaceTimeline(
        'wetzlar',
        new Map([
          ['2012-01', point(5)],
          ['2012-01-06', point(6)],
        ]),
      );
      expect(await store.timelinePoints('wetzlar', ['2012-01', '2012-01-05', '2012-01-06'])).toEqual(
        new Map([
          ['2012-01', { point: point(5), version: 2 }],
          ['2012-01-06', { point: point(6), version: 1 }],
        ]),
      );
      await expect(store.putTimelinePoints('wetzlar', [{ key: '2012-01', point: point(9), version: 1 }])).rejects.toThrow(ConcurrentTimelineWrite);
      expect(await store.timelineUpTo('kassel')).toEqual([point(7)]);
    });

    it('replaces nothing but the time index in a rebuild: the region’s other items stay', async () => {
      const store = await open();
      const event = milestone('e-1');
      await store.putCurrent(event, ACCEPTED);
      await store.putRevision(event, 'applied', ACCEPTED);
      await store.putTimelineState('wetzlar', { pending: true }, 0);
      await store.putRejection(rejection('r-1', '2012-02-10T08:31:00.000Z'));
      await store.putTimelinePoints('wetzlar', [{ key: '2012-01', point: point(1), version: 0 }]);
      await store.replaceTimeline('wetzlar', new Map([['2012-02', point(2)]]));
      expect(await store.currentItems('wetzlar')).toEqual([{ ...event, acceptedAt: ACCEPTED }]);
      expect((await store.revisions('wetzlar')).map((r) => r.eventId)).toEqual(['e-1']);
      expect(await store.timelineState('wetzlar')).toEqual({ pending: true, version: 1 });
      expect((await store.listRejections('wetzlar')).map((r) => r.eventId)).toEqual(['r-1']);
      expect(await store.timelineUpTo('wetzlar')).toEqual([point(2)]);
    });

    it('builds the index of a region that has nothing stored yet', async () => {
      const store = await open();
      await store.replaceTimeline('offenbach', new Map([['2012-01', point(1)]]));
      expect(await store.timelinePoints('offenbach', ['2012-01'])).toEqual(new Map([['2012-01', { point: point(1), version: 1 }]]));
      await store.replaceTimeline('giessen', new Map());
      expect(await store.timelineUpTo('giessen')).toEqual([]);
    });
  });

  describe('what a batch starts from', () => {
    it('is nothing for a new region: no time index, no audit record', async () => {
      const store = await open();
      expect(await store.batchContext('wetzlar', [milestone('e-1')])).toEqual({ state: { pending: false, version: 0 }, recorded: new Set() });
      expect(await store.batchContext('wetzlar', [])).toEqual({ state: { pending: false, version: 0 }, recorded: new Set() });
    });

    it('is the region’s time-index bookkeeping and which of the reports have an audit record, however many', async () => {
      const store = await open();
      const batch = Array.from({ length: 130 }, (_, i) => milestone(`e-${i}`, { id: `m-${i}` }));
      await store.putTimelineState('wetzlar', { pending: true }, 0);
      await store.putTimelineState('kassel', { pending: false }, 0);
      await store.putTimelineState('kassel', { pending: false }, 1);
      for (const i of [3, 125]) await store.putRevision(batch[i] as RegionEvent, 'applied', ACCEPTED);
      // Another region's record of a report with the same id and item is not this region's.
      await store.putRevision(milestone('e-7', { id: 'm-7', regionId: 'kassel' }), 'applied', ACCEPTED);
      expect(await store.batchContext('wetzlar', batch)).toEqual({ state: { pending: true, version: 1 }, recorded: new Set(['e-3', 'e-125']) });
      expect(await store.batchContext('kassel', [milestone('e-7', { id: 'm-7', regionId: 'kassel' })])).toEqual({
        state: { pending: false, version: 2 },
        recorded: new Set(['e-7']),
      });
    });
  });

  describe('which reports were recorded', () => {
    it('names those with an audit record, in any region, and no other, in one read however many', async () => {
      const store = await open();
      const asked = Array.from({ length: 130 }, (_, i) => milestone(`e-${i}`, { id: `m-${i}` }));
      const kassel = milestone('e-k', { id: 'm-k', regionId: 'kassel' });
      for (const i of [0, 101]) await store.putRevision(asked[i] as RegionEvent, 'applied', ACCEPTED);
      await store.putRevision(kassel, 'applied', ACCEPTED);
      // The same report id and item in another region is another report.
      expect(await store.recordedOf([...asked, kassel, milestone('e-k', { id: 'm-k' })])).toEqual(new Set(['e-0', 'e-101', 'e-k']));
      expect(await store.recordedOf([milestone('e-k', { id: 'm-k' })])).toEqual(new Set());
      expect(await store.recordedOf([])).toEqual(new Set());
    });
  });

  describe('audit records', () => {
    it('keeps the first record of a report', async () => {
      const store = await open();
      const event = milestone('e-1');
      await store.putRevision(event, 'applied', '2012-02-10T08:31:00.000Z');
      await store.putRevision(event, 'applied', '2013-01-01T00:00:00.000Z');
      expect(await store.revisions('wetzlar')).toEqual([{ ...event, acceptedAt: '2012-02-10T08:31:00.000Z', recordedAt: NOW.toISOString() }]);
      expect(await store.revisions('wetzlar', { consistent: true })).toEqual(await store.revisions('wetzlar'));
    });

    it('keeps every report, stale ones too, by item and revision; acceptance defaults to the time of recording', async () => {
      const store = await open();
      const [r2, r1, other] = [milestone('e-2', { revision: 2 }), milestone('e-1', { revision: 1 }), milestone('e-9', { id: 'sprachkurse' })];
      await store.putRevision(r2, 'applied');
      await store.putRevision(r1, 'stale');
      await store.putRevision(other, 'applied');
      expect((await store.revisions('wetzlar')).map((r) => [r.eventId, r.acceptedAt])).toEqual([
        ['e-1', NOW.toISOString()],
        ['e-2', NOW.toISOString()],
        ['e-9', NOW.toISOString()],
      ]);
      expect(await store.revisions('kassel')).toEqual([]);
    });
  });

  describe('audit records written in one go', () => {
    it('records every report given, however many, with when the bus accepted it, the time of recording and what its arrival did', async () => {
      const store = await open();
      const outcomes = ['applied', 'stale', 'already-current'] as const;
      const records = Array.from({ length: 30 }, (_, i) => ({
        event: milestone(`e-${i + 1}`, { revision: i + 1 }),
        outcome: outcomes[i % 3] ?? 'applied',
        acceptedAt: `2012-02-${String((i % 28) + 1).padStart(2, '0')}T08:31:00.000Z`,
      }));
      await store.putRevisions(records);
      await store.putRevisions([]);
      const history = await store.itemRevisions('wetzlar', 'milestone#handlungskonzept');
      expect(history).toEqual(
        records
          .map((r) => ({
            ...r.event,
            acceptedAt: r.acceptedAt,
            recordedAt: NOW.toISOString(),
            outcome: r.outcome === 'stale' ? 'superseded-on-arrival' : 'applied',
          }))
          .reverse(),
      );
    });
  });

  describe("an item's history", () => {
    it("gives one item's audit records with what each arrival did, highest revision first, and nothing of other items", async () => {
      const store = await open();
      const r1 = milestone('e-1', { revision: 1 });
      const r3 = milestone('e-3', { revision: 3, status: 'delayed' });
      const r2 = milestone('e-2', { revision: 2 });
      await store.putRevision(r1, 'applied', '2012-02-10T08:31:00.000Z');
      await store.putRevision(r3, 'applied', '2012-02-12T08:31:00.000Z');
      // Arrived after revision 3: superseded on arrival. A retried write that found itself current counts as applied.
      await store.putRevision(r2, 'stale', '2012-02-13T08:31:00.000Z');
      await store.putRevision(milestone('e-9', { id: 'handlungskonzept-2' }), 'applied');
      await store.putRevision(milestone('e-8', { regionId: 'kassel' }), 'applied');
      await store.putRevision(milestone('e-4', { revision: 4 }), 'already-current', '2012-02-14T08:31:00.000Z');

      const history = await store.itemRevisions('wetzlar', 'milestone#handlungskonzept');
      expect(history.map((r) => [r.eventId, r.detail.revision, r.outcome, r.acceptedAt])).toEqual([
        ['e-4', 4, 'applied', '2012-02-14T08:31:00.000Z'],
        ['e-3', 3, 'applied', '2012-02-12T08:31:00.000Z'],
        ['e-2', 2, 'superseded-on-arrival', '2012-02-13T08:31:00.000Z'],
        ['e-1', 1, 'applied', '2012-02-10T08:31:00.000Z'],
      ]);
      expect(history[1]).toEqual({ ...r3, acceptedAt: '2012-02-12T08:31:00.000Z', recordedAt: NOW.toISOString(), outcome: 'applied' });
      expect((await store.itemRevisions('wetzlar', 'milestone#handlungskonzept-2')).map((r) => r.eventId)).toEqual(['e-9']);
      expect((await store.itemRevisions('kassel', 'milestone#handlungskonzept')).map((r) => r.eventId)).toEqual(['e-8']);
    });

    it("keeps an indicator's periods apart, and has nothing for an item never reported", async () => {
      const store = await open();
      for (const [eventId, period] of [
        ['i-1', '2011'],
        ['i-2', '2011-Q1'],
        ['i-3', '2011-12'],
      ] as const) {
        await store.putRevision(indicator(eventId, period, 90), 'applied');
      }
      expect((await store.itemRevisions('wetzlar', 'indicator#daycare-attendance-3-to-6#2011')).map((r) => r.eventId)).toEqual(['i-1']);
      expect((await store.itemRevisions('wetzlar', 'indicator#daycare-attendance-3-to-6#2011-Q1')).map((r) => r.eventId)).toEqual(['i-2']);
      expect(await store.itemRevisions('wetzlar', 'milestone#nie-gemeldet')).toEqual([]);
      expect(await store.itemRevisions('offenbach', 'indicator#daycare-attendance-3-to-6#2011')).toEqual([]);
    });
  });

  describe('quarantine', () => {
    it('keeps the first record of a rejection, lists them newest first, up to a limit', async () => {
      const store = await open();
      const first = rejection('r-1', '2012-02-10T08:31:00.000Z');
      expect(await store.hasRejection(first)).toBe(false);
      await store.putRejection(first);
      await store.putRejection({ ...first, errors: [] });
      await store.putRejection(rejection('r-2', '2012-03-01T00:00:00.000Z'));
      await store.putRejection(rejection('r-0', '2011-12-31T23:59:59.000Z'));
      expect(await store.hasRejection(first)).toBe(true);
      expect((await store.listRejections('wetzlar')).map((r) => r.eventId)).toEqual(['r-2', 'r-1', 'r-0']);
      expect((await store.listRejections('wetzlar', 2)).map((r) => r.eventId)).toEqual(['r-2', 'r-1']);
      expect((await store.listRejections('wetzlar')).find((r) => r.eventId === 'r-1')).toEqual(first);
      expect(await store.listRejections('kassel')).toEqual([]);
    });

    it('orders rejections as DynamoDB orders keys, by their UTF-8 bytes (not by UTF-16 code units)', async () => {
      const store = await open();
      // U+FF5E is EF BD 9E in UTF-8 and FF5E in UTF-16; U+1F600 is F0 9F 98 80 in UTF-8 and D83D DE00 in UTF-16.
      await store.putRejection(rejection('r-\uFF5E', '2012-02-10T08:31:00.000Z'));
      await store.putRejection(rejection('r-\u{1F600}', '2012-02-10T08:31:00.000Z'));
      await store.putRejection(rejection('r-z', '2012-02-10T08:31:00.000Z'));
      expect((await store.listRejections('wetzlar')).map((r) => r.eventId)).toEqual(['r-\u{1F600}', 'r-\uFF5E', 'r-z']);
    });

    it('keeps the first 64 KiB of a rejected body', async () => {
      const store = await open();
      await store.putRejection(rejection('r-big', '2012-02-10T08:31:00.000Z', 'x'.repeat(100_000)));
      expect((await store.listRejections('wetzlar'))[0]?.body).toBe('x'.repeat(64 * 1024));
    });
  });

  describe('closed reviews', () => {
    it('freezes a review once: the first close stands', async () => {
      const store = await open();
      expect(await store.frozenReview('midterm')).toBeUndefined();
      const closed = { closedAt: '2012-03-01T00:00:00.000Z', closedBy: 'ministry', content: { regions: [1, 2.5] }, includedEventIds: ['e-1', 'e-2'] };
      expect(await store.freezeReview('midterm', closed)).toBe(true);
      expect(await store.freezeReview('midterm', { ...closed, closedBy: 'someone else' })).toBe(false);
      expect(await store.frozenReview('midterm')).toEqual(closed);
      const { includedEventIds: _, ...withoutIncluded } = closed;
      expect(await store.freezeReview('final', withoutIncluded)).toBe(true);
      expect(await store.frozenReview('final')).toEqual(withoutIncluded);
    });
  });
});
