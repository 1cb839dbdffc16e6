// Measures what the write path and the view read cost in DynamoDB capacity units, as DynamoDB
// reports them (ReturnConsumedCapacity). The figures are printed for the record and bounded here.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAggregator } from '@modellregionen/aggregation';
import type { EventPublisher } from '@modellregionen/lambda-kit';
import { CapacityMeter, createReportStore, meteredDocuments } from '@modellregionen/store';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';
import { asMessage } from '../../../test/support/delivery';
import { competenceCircleIn } from '../../../test/support/views';

let db: TestStore;
beforeAll(async () => {
  db = await startTestStore();
});
afterAll(async () => db?.stop());

const publisher: EventPublisher = { publish: async () => {} };

const indicatorEvent = (period: string, revision = 1) => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'IndicatorReported',
  source: 'modellregion.kassel',
  time: '2012-02-10T08:31:00Z',
  detail: {
    schemaVersion: 1,
    regionId: 'kassel',
    revision,
    reportedAt: '2012-02-10T09:30:00+01:00',
    reportedBy: 'Integrationsbüro Kassel',
    indicatorId: 'unemployment-rate',
    period,
    values: { total: 9.8, withMigrationBackground: 17.2, withoutMigrationBackground: 7.9 },
    source: 'Bundesagentur für Arbeit',
  },
});

const setup = async () => {
  const meter = new CapacityMeter();
  const client = meteredDocuments(db.documents, meter);
  const store = createReportStore({ client, tableName: await db.freshTable() });
  return { meter, store, aggregator: createAggregator({ store, publisher }) };
};

describe('capacity per event and per view read (ReturnConsumedCapacity)', () => {
  it('costs a few write units per accepted event and none per duplicate', async () => {
    const { meter, aggregator } = await setup();
    const first = indicatorEvent('2010');
    await aggregator.processMessages([asMessage(first)]);
    const accepted = { write: meter.writeUnits, read: meter.readUnits };

    meter.reset();
    await aggregator.processMessages([asMessage(first)]);
    const duplicate = { write: meter.writeUnits, read: meter.readUnits, failedConditional: meter.failedConditionalWrites };

    meter.reset();
    const batch = Array.from({ length: 10 }, (_, i) => asMessage(indicatorEvent(`2011-${String(i + 1).padStart(2, '0')}`)));
    await aggregator.processMessages(batch);
    const perEventInBatch = { write: meter.writeUnits / 10, read: meter.readUnits / 10 };

    await aggregator.processMessages([asMessage(indicatorEvent('2012', 3))]);
    meter.reset();
    await aggregator.processMessages([asMessage(indicatorEvent('2012', 1))]);
    const stale = { write: meter.writeUnits, read: meter.readUnits, failedConditional: meter.failedConditionalWrites };

    console.info('capacity units', { accepted, duplicate, perEventInBatch, stale });
    // The region's first report: state, audit record, its day, and its month's base, with the
    // bookkeeping marked pending and cleared around them (a new month).
    expect(accepted.write).toBeGreaterThanOrEqual(4);
    expect(accepted.write).toBeLessThanOrEqual(6);
    // One read of the bookkeeping, the report's audit record and its day's point; nothing is written.
    expect(duplicate).toEqual({ write: 0, read: duplicate.read, failedConditional: 0 });
    expect(duplicate.read).toBeLessThanOrEqual(3);
    // State and audit record each, and one day's point for the batch.
    expect(perEventInBatch.write).toBeLessThanOrEqual(2.2);
    expect(stale.failedConditional).toBe(1);
  });

  it('reads the competence circle at a cost that does not grow with the history', async () => {
    const { meter, store, aggregator } = await setup();
    const readCost = async () => {
      meter.reset();
      await competenceCircleIn(store, '2012-02-29');
      return meter.readUnits;
    };
    await aggregator.processMessages([asMessage(indicatorEvent('2010'))]);
    const short = await readCost();
    // 200 corrections of the same item: history grows, the view does not.
    for (let rev = 2; rev <= 201; rev += 10) {
      await aggregator.processMessages(Array.from({ length: 10 }, (_, i) => asMessage(indicatorEvent('2010', rev + i))));
    }
    const long = await readCost();
    // Five years of monthly values: the history spans sixty months, the read still takes one.
    for (let year = 2009; year < 2014; year++) {
      await aggregator.processMessages(
        Array.from({ length: 12 }, (_, m) => {
          const e = indicatorEvent(`${year}-${String(m + 1).padStart(2, '0')}`);
          return asMessage({ ...e, detail: { ...e.detail, reportedAt: `${year + 1}-${String(m + 1).padStart(2, '0')}-10T09:30:00+01:00` } });
        }),
      );
    }
    const spread = await readCost();
    console.info('competence-circle read units', { afterOneReport: short, afterTwoHundredCorrections: long, afterSixtyMonths: spread });
    expect(long).toBe(short);
    expect(spread).toBe(short);
    // One Query per model region of at most a month's base and days.
    expect(long).toBeLessThanOrEqual(3);
  });

  it("reads an item's history at the cost of its own records, however much else the region reported", async () => {
    const { meter, store, aggregator } = await setup();
    const readCost = async () => {
      meter.reset();
      const history = await store.itemRevisions('kassel', 'indicator#unemployment-rate#2010');
      return { records: history.length, units: meter.readUnits };
    };
    await aggregator.processMessages([asMessage(indicatorEvent('2010')), asMessage(indicatorEvent('2010', 2))]);
    const alone = await readCost();
    // 120 monthly values of other periods: the region's audit records grow, this item's do not.
    for (let year = 2000; year < 2010; year++) {
      await aggregator.processMessages(Array.from({ length: 12 }, (_, m) => asMessage(indicatorEvent(`${year}-${String(m + 1).padStart(2, '0')}`))));
    }
    const amongMany = await readCost();
    console.info('item history read units', { alone, amongMany });
    expect(alone.records).toBe(2);
    expect(amongMany).toEqual(alone);
    expect(amongMany.units).toBeLessThanOrEqual(0.5);
  });
});
