// The items the report store writes, as they lie in the table (docs/data-model.md): their keys
// and attributes are a contract with the items already stored, and with every reader of the table.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMPTY_POINT, versionKey } from '@modellregionen/domain';
import { createInMemoryReportStore, createReportStore, type Rejection, UNATTRIBUTED_REGION } from '@modellregionen/store';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';
import { milestoneReport } from './support/reports';

const NOW = new Date('2013-01-01T12:00:00.000Z');
const ACCEPTED = '2012-02-10T08:31:00.000Z';

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
});
afterAll(async () => db?.stop());

const fresh = async () => {
  const tableName = await db.freshTable();
  const items = async () =>
    ((await db.doc.send(new ScanCommand({ TableName: tableName }))).Items ?? []).sort((a, b) => String(a.sk).localeCompare(String(b.sk)));
  return { tableName, store: createReportStore({ client: db.documents, tableName, now: () => NOW }), items };
};

const rejection = (body: string): Rejection => ({
  regionId: 'wetzlar',
  eventId: 'r-1',
  source: 'modellregion.wetzlar',
  detailType: 'MilestoneReported',
  receivedAt: '2012-02-10T08:31:00.000Z',
  errors: [{ path: 'status', message: 'must be one of planned, in_progress, achieved, delayed, cancelled' }],
  body,
});

describe('the items of a region', () => {
  it('keep a report as its current state under CUR#<itemKey> and its audit record under REV#<itemKey>#<revision:6>#<eventId>', async () => {
    const { store, items } = await fresh();
    const report = milestoneReport('e-2', { revision: 2 });
    await store.putCurrent(report, ACCEPTED);
    await store.putRevision(report, 'stale', ACCEPTED);
    const envelope = {
      eventId: 'e-2',
      source: report.source,
      receivedAt: report.receivedAt,
      detailType: 'MilestoneReported',
      detail: JSON.stringify(report.detail),
    };
    expect(await items()).toEqual([
      { pk: 'REGION#wetzlar', sk: 'CUR#milestone#handlungskonzept', ...envelope, ver: versionKey(report), acceptedAt: ACCEPTED },
      {
        pk: 'REGION#wetzlar',
        sk: 'REV#milestone#handlungskonzept#000002#e-2',
        ...envelope,
        outcome: 'superseded-on-arrival',
        acceptedAt: ACCEPTED,
        recordedAt: NOW.toISOString(),
      },
    ]);
  });

  it('keep the time index under T#<YYYY-MM> (a month’s base) and T#<YYYY-MM-DD> (a day’s change), its bookkeeping under META#timeline', async () => {
    const { store, items } = await fresh();
    await store.putTimelineState('wetzlar', { pending: true }, 0);
    await store.putTimelinePoints('wetzlar', [
      { key: '2012-02', point: { ...EMPTY_POINT, counts: { findings: 1 } }, version: 0 },
      { key: '2012-02-10', point: { ...EMPTY_POINT, counts: { findings: 2 } }, version: 0 },
    ]);
    const stored = (n: number) => `{"c":{"n":${n}},"d":"","l":null,"p":null,"i":[]}`;
    expect(await items()).toEqual([
      { pk: 'REGION#wetzlar', sk: 'META#timeline', type: 'timeline-state', pending: true, v: 1 },
      { pk: 'REGION#wetzlar', sk: 'T#2012-02', type: 'month-base', point: stored(1), v: 1 },
      { pk: 'REGION#wetzlar', sk: 'T#2012-02-10', type: 'day-change', point: stored(2), v: 1 },
    ]);
  });

  it('keep a rejected report under REJ#<receivedAt>#<eventId>, with the time it was quarantined', async () => {
    const { store, items } = await fresh();
    const r = rejection('{"truncated": ');
    await store.putRejection(r);
    expect(await items()).toEqual([{ pk: 'REGION#wetzlar', sk: 'REJ#2012-02-10T08:31:00.000Z#r-1', type: 'rejection', ...r, recordedAt: NOW.toISOString() }]);
  });

  it('keep a rejected body of 64 KiB whole, and cut a longer one to that', async () => {
    const { store, items } = await fresh();
    const limit = 64 * 1024;
    await store.putRejection(rejection('a'.repeat(limit)));
    await store.putRejection({ ...rejection(`${'b'.repeat(limit)}c`), eventId: 'r-2' });
    expect((await items()).map((item) => [item.eventId, String(item.body).length, String(item.body).at(-1)])).toEqual([
      ['r-1', limit, 'a'],
      ['r-2', limit, 'b'],
    ]);
  });

  it('cut a rejected body between characters, never between the two halves of one', async () => {
    const { store, items } = await fresh();
    const limit = 64 * 1024;
    // U+1F600 is two UTF-16 units: cut after its first, it would be no character at all.
    await store.putRejection(rejection(`😀${'b'.repeat(limit - 3)}😀c`));
    await store.putRejection({ ...rejection(`😀${'b'.repeat(limit - 4)}😀c`), eventId: 'r-2' });
    expect((await items()).map((item) => [item.eventId, String(item.body).length, String(item.body).slice(-2)])).toEqual([
      ['r-1', limit - 1, 'bb'],
      ['r-2', limit, '😀'],
    ]);
  });

  it('are those of the region _unattributed for a report whose source names no region', () => {
    expect(UNATTRIBUTED_REGION).toBe('_unattributed');
  });
});

describe('a closed review', () => {
  it('is kept under REVIEW#<reviewId> / FROZEN, its content and the reports it reflects as JSON text', async () => {
    const { store, items } = await fresh();
    await store.freezeReview('midterm', {
      closedAt: '2012-03-01T00:00:00.000Z',
      closedBy: 'ministry',
      content: { regions: [1, 2.5] },
      includedEventIds: ['e-1'],
    });
    expect(await items()).toEqual([
      {
        pk: 'REVIEW#midterm',
        sk: 'FROZEN',
        type: 'review',
        closedAt: '2012-03-01T00:00:00.000Z',
        closedBy: 'ministry',
        content: '{"regions":[1,2.5]}',
        included: '["e-1"]',
      },
    ]);
  });
});

describe('items written by earlier versions', () => {
  it('read back a current item without acceptedAt as a report without it', async () => {
    const { store, tableName } = await fresh();
    const report = milestoneReport('e-1');
    await db.doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: 'REGION#wetzlar',
          sk: 'CUR#milestone#handlungskonzept',
          eventId: 'e-1',
          source: report.source,
          receivedAt: report.receivedAt,
          detailType: report.detailType,
          detail: JSON.stringify(report.detail),
          ver: versionKey(report),
        },
      }),
    );
    const [current] = await store.currentItems('wetzlar');
    expect(current).toStrictEqual(report);
  });
});

describe('the in-memory store', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stamps its records with the wall clock unless given one', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    const store = createInMemoryReportStore();
    await store.putRevisions([{ event: milestoneReport('e-1'), outcome: 'applied', acceptedAt: ACCEPTED }]);
    await store.putRevision(milestoneReport('e-2', { id: 'sprachkurse' }), 'applied');
    expect((await store.revisions('wetzlar')).map((r) => [r.eventId, r.acceptedAt, r.recordedAt])).toEqual([
      ['e-1', ACCEPTED, NOW.toISOString()],
      ['e-2', NOW.toISOString(), NOW.toISOString()],
    ]);
  });
});
