// What the DynamoDB report store sends, where the embedded store cannot tell: it is always
// strongly consistent, and it never leaves part of a batch unprocessed. The reads go to the real
// client through a recorder of each call; the batches go to a stand-in for the client that
// answers as DynamoDB may.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMPTY_POINT, type Point } from '@modellregionen/domain';
import type { RegionEvent } from '@modellregionen/events';
import { createReportStore, type DocumentOperations, type Documents, type ReportStore } from '@modellregionen/store';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';
import { milestoneReport } from './support/reports';

const ACCEPTED = '2012-02-10T08:31:00.000Z';
const point = (findings: number): Point => ({ ...EMPTY_POINT, counts: { findings } });

describe('the DynamoDB report store’s reads', () => {
  let db: TestStore;
  beforeAll(async () => {
    db = await startTestStore();
  });
  afterAll(async () => db?.stop());

  /** A store on a fresh table with a little of everything, and what its reads asked for. */
  const recordingStore = async () => {
    const reads: { command: string; consistent: boolean }[] = [];
    const client: Documents = {
      call(operation, args) {
        const input = args as { ConsistentRead?: boolean; RequestItems?: Record<string, { ConsistentRead?: boolean }> };
        if (operation === 'BatchGetItem') {
          for (const table of Object.values(input.RequestItems ?? {})) reads.push({ command: 'BatchGetItem', consistent: table.ConsistentRead === true });
        } else if (operation === 'GetItem' || operation === 'Query') {
          reads.push({ command: operation, consistent: input.ConsistentRead === true });
        }
        return db.documents.call(operation, args);
      },
    };
    const store = createReportStore({ client, tableName: await db.freshTable() });
    const current = milestoneReport('e-2', { revision: 2 });
    await store.putCurrent(current, ACCEPTED);
    await store.putRevision(current, 'applied', ACCEPTED);
    await store.putTimelinePoints('wetzlar', [
      { key: '2012-02', point: point(1), version: 0 },
      { key: '2012-02-10', point: point(2), version: 0 },
    ]);
    reads.length = 0;
    /** The reads `call` made, each with whether it asked for strong consistency. */
    const readsOf = async (call: (store: ReportStore) => Promise<unknown>) => {
      reads.length = 0;
      await call(store);
      return reads.splice(0);
    };
    return { readsOf };
  };

  const consistentCalls: [string, (store: ReportStore) => Promise<unknown>][] = [
    ['putCurrent, telling stale from already current', (s) => s.putCurrent(milestoneReport('e-1', { revision: 1 }), ACCEPTED)],
    ['currentItems', (s) => s.currentItems('wetzlar')],
    ['batchContext', (s) => s.batchContext('wetzlar', [milestoneReport('e-2', { revision: 2 })])],
    ['timelineState', (s) => s.timelineState('wetzlar')],
    ['timelinePoints', (s) => s.timelinePoints('wetzlar', ['2012-02', '2012-02-10'])],
    ['timelineUpTo, asked to be consistent', (s) => s.timelineUpTo('wetzlar', '2012-02-10', { consistent: true })],
    ['newestPoint', (s) => s.newestPoint('wetzlar', '2012-02-10')],
    ['monthsAfter', (s) => s.monthsAfter('wetzlar', '2012-01')],
    ['monthPoints', (s) => s.monthPoints('wetzlar', '2012-02')],
    ['replaceTimeline', (s) => s.replaceTimeline('wetzlar', new Map([['2012-02', point(3)]]))],
    ['revisions, asked to be consistent', (s) => s.revisions('wetzlar', { consistent: true })],
    ['itemRevisions, asked to be consistent', (s) => s.itemRevisions('wetzlar', 'milestone#handlungskonzept', { consistent: true })],
    ['hasRejection', (s) => s.hasRejection({ regionId: 'wetzlar', receivedAt: ACCEPTED, eventId: 'r-1' })],
    ['frozenReview', (s) => s.frozenReview('midterm')],
  ];

  it.each(consistentCalls)('reads strongly consistently in %s', async (_call, call) => {
    const { readsOf } = await recordingStore();
    const reads = await readsOf(call);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((r) => !r.consistent)).toEqual([]);
  });

  const eventualCalls: [string, (store: ReportStore) => Promise<unknown>][] = [
    ['currentItemsByPrefix', (s) => s.currentItemsByPrefix('wetzlar', 'milestone#')],
    ['timelineUpTo, not asked to be consistent', (s) => s.timelineUpTo('wetzlar', '2012-02-10')],
    ['revisions, not asked to be consistent', (s) => s.revisions('wetzlar')],
    ['itemRevisions, not asked to be consistent', (s) => s.itemRevisions('wetzlar', 'milestone#handlungskonzept')],
    ['listRejections', (s) => s.listRejections('wetzlar')],
  ];

  it.each(eventualCalls)('reads eventually consistently (half the price) in %s', async (_call, call) => {
    const { readsOf } = await recordingStore();
    const reads = await readsOf(call);
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((r) => r.consistent)).toEqual([]);
  });

  it('reads a day and its month’s base as of a day, both alike', async () => {
    const { readsOf } = await recordingStore();
    expect(await readsOf((s) => s.timelineUpTo('wetzlar', '2012-02-10', { consistent: true }))).toEqual([
      { command: 'Query', consistent: true },
      { command: 'GetItem', consistent: true },
    ]);
    expect(await readsOf((s) => s.timelineUpTo('wetzlar', '2012-02-10'))).toEqual([
      { command: 'Query', consistent: false },
      { command: 'GetItem', consistent: false },
    ]);
  });
});

const TABLE = 'modellregionen';
type WriteRequests = NonNullable<DocumentOperations['BatchWriteItem']['input']['RequestItems']>[string];
type Keys = Record<string, unknown>[];

/**
 * A stand-in for the client that answers batch writes and batch gets, leaving unprocessed what
 * `refuse` returns for each attempt (counted from 1 over the whole run), and records each batch's
 * size and when it was sent. It holds the items in `held`, by sort key.
 */
const batchStore = (options: { refuse?: (attempt: number, requests: unknown[]) => unknown[]; held?: Record<string, unknown>[] } = {}) => {
  const refuse = options.refuse ?? (() => []);
  const held = new Map((options.held ?? []).map((item) => [String(item.sk), item]));
  const batches: { size: number; atMs: number; consistent?: boolean }[] = [];
  const written: Record<string, unknown>[] = [];
  let attempt = 0;
  const call = async (operation: string, input: DocumentOperations['BatchGetItem' | 'BatchWriteItem']['input']) => {
    attempt += 1;
    if (operation === 'BatchGetItem') {
      const { Keys = [], ConsistentRead } = (input as DocumentOperations['BatchGetItem']['input']).RequestItems?.[TABLE] ?? {};
      batches.push({ size: Keys.length, atMs: Date.now(), consistent: ConsistentRead === true });
      const left = refuse(attempt, Keys) as Keys;
      const answered = Keys.filter((k) => !left.includes(k)).flatMap((k) => held.get(String(k.sk)) ?? []);
      // As DynamoDB may: no Responses when nothing was read, no UnprocessedKeys when nothing is left.
      return {
        ...(answered.length > 0 ? { Responses: { [TABLE]: answered } } : {}),
        ...(left.length > 0 ? { UnprocessedKeys: { [TABLE]: { Keys: left } } } : {}),
      };
    }
    const requests: WriteRequests = (input as DocumentOperations['BatchWriteItem']['input']).RequestItems?.[TABLE] ?? [];
    batches.push({ size: requests.length, atMs: Date.now() });
    const left = refuse(attempt, requests) as WriteRequests;
    for (const r of requests) if (!left.includes(r) && r.PutRequest?.Item) written.push(r.PutRequest.Item);
    return left.length > 0 ? { UnprocessedItems: { [TABLE]: left } } : {};
  };
  // Batches only: the calls these tests make send nothing else.
  const client = { call } as unknown as Documents;
  return { store: createReportStore({ client, tableName: TABLE }), batches, written };
};

/** Runs `call` with the pauses between attempts passed at once; what it came to (the error if it failed). */
const settled = async <T>(call: Promise<T>): Promise<T | unknown> => {
  const outcome = call.catch((err: unknown) => err);
  await vi.runAllTimersAsync();
  return outcome;
};

const records = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ event: milestoneReport(`e-${i}`, { id: `m-${i}` }), outcome: 'applied' as const, acceptedAt: ACCEPTED }));

describe('the DynamoDB report store’s batches, on a store that answers as DynamoDB may', () => {
  const START = Date.parse('2013-01-01T12:00:00.000Z');
  afterEach(() => {
    vi.useRealTimers();
  });
  const fakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'Date'], now: START });

  describe('audit records written in one go', () => {
    it('go in batches of at most 25, each record once, stamped with the time of the wall clock', async () => {
      fakeClock();
      const s = batchStore();
      await settled(s.store.putRevisions(records(60)));
      expect(s.batches.map((b) => b.size)).toEqual([25, 25, 10]);
      expect(s.written.map((item) => item.eventId)).toEqual(records(60).map((r) => r.event.eventId));
      expect(new Set(s.written.map((item) => item.recordedAt))).toEqual(new Set(['2013-01-01T12:00:00.000Z']));
    });

    it('send again what the store left unprocessed, after 100 ms, then 200 ms', async () => {
      fakeClock();
      const s = batchStore({ refuse: (attempt, requests) => (attempt <= 2 ? requests.slice(-2) : []) });
      await settled(s.store.putRevisions(records(5)));
      expect(s.batches.map((b) => [b.size, b.atMs - START])).toEqual([
        [5, 0],
        [2, 100],
        [2, 300],
      ]);
      expect(s.written).toHaveLength(5);
    });

    it('wait twice as long each time, at most a second, and are done when the 21st attempt is taken', async () => {
      fakeClock();
      const s = batchStore({ refuse: (attempt, requests) => (attempt < 21 ? requests : []) });
      await settled(s.store.putRevisions(records(3)));
      const waits = s.batches.slice(1).map((b, i) => b.atMs - (s.batches[i]?.atMs ?? 0));
      expect(waits).toEqual([100, 200, 400, 800, ...Array<number>(16).fill(1_000)]);
      expect(s.written).toHaveLength(3);
    });

    it('fail after 21 attempts when the store keeps refusing, naming what is left', async () => {
      fakeClock();
      const s = batchStore({ refuse: (_attempt, requests) => requests });
      expect(await settled(s.store.putRevisions(records(3)))).toEqual(new Error(`the store kept refusing 3 writes of ${TABLE}`));
      expect(s.batches).toHaveLength(21);
    });
  });

  describe('what a batch starts from, and stored points, read in one go', () => {
    const events = (n: number): RegionEvent[] => records(n).map((r) => r.event);
    /** The sort key of the audit record of report `e-<i>` (item milestone#m-<i>, revision 1). */
    const revisionSk = (i: number) => `REV#milestone#m-${i}#000001#e-${i}`;

    it('are read strongly consistently in batches of at most 100 keys, the bookkeeping with the audit records', async () => {
      fakeClock();
      const batch = events(150);
      const s = batchStore({
        held: [{ pk: 'REGION#wetzlar', sk: 'META#timeline', pending: true, v: 4 }, ...[0, 120].map((i) => ({ pk: 'REGION#wetzlar', sk: revisionSk(i) }))],
      });
      const context = await settled(s.store.batchContext('wetzlar', batch));
      expect(context).toEqual({ state: { pending: true, version: 4 }, recorded: new Set(['e-0', 'e-120']) });
      expect(s.batches.map((b) => [b.size, b.consistent])).toEqual([
        [100, true],
        [51, true],
      ]);
    });

    it('ask again for the keys the store left unprocessed, after 100 ms, then 200 ms, keeping what each answer held', async () => {
      fakeClock();
      const held = ['2012-02', '2012-02-10', '2012-02-11'].map((key, i) => ({
        pk: 'REGION#wetzlar',
        sk: `T#${key}`,
        point: JSON.stringify({ c: { n: i + 1 }, d: '', l: null, p: null, i: [] }),
        v: 1,
      }));
      // First nothing at all, then one key, then the rest.
      const s = batchStore({ held, refuse: (attempt, keys) => (attempt === 1 ? keys : attempt === 2 ? keys.slice(1) : []) });
      const points = await settled(s.store.timelinePoints('wetzlar', ['2012-02', '2012-02-10', '2012-02-11', '2012-02-12']));
      expect(points).toEqual(
        new Map([
          ['2012-02', { point: point(1), version: 1 }],
          ['2012-02-10', { point: point(2), version: 1 }],
          ['2012-02-11', { point: point(3), version: 1 }],
        ]),
      );
      expect(s.batches.map((b) => [b.size, b.atMs - START])).toEqual([
        [4, 0],
        [4, 100],
        [3, 300],
      ]);
    });

    it('fail after 21 attempts when the store keeps refusing, naming how many keys are left', async () => {
      fakeClock();
      const s = batchStore({ refuse: (_attempt, keys) => keys });
      expect(await settled(s.store.timelinePoints('wetzlar', ['2012-02', '2012-02-10']))).toEqual(
        new Error(`the store kept refusing to read 2 items of ${TABLE}`),
      );
      expect(s.batches).toHaveLength(21);
      expect(s.batches.at(-1)?.atMs).toBe(START + 100 + 200 + 400 + 800 + 16 * 1_000);
    });
  });
});
