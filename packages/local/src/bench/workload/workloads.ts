// The bench's workloads, built from region streams: a region of a given size, the batches whose
// cost is measured, and histories of the six model regions.
import type { InboundMessage } from '@modellregionen/lambda-kit';
import { PROGRAMME } from './clock';
import { type BenchEvent, regionStream, type StreamOptions } from './region-stream';
import { demoMix, KINDS, MODEL_REGIONS } from './templates';

/** An SQS batch as the aggregation function receives it. */
const BATCH_SIZE = 10;

const years = (from: number, to: number) => Array.from({ length: Math.abs(to - from) + 1 }, (_, i) => (from <= to ? from + i : from - i));

/**
 * Periods of seeded regions and histories: the programme's years from the 2008 baseline, then
 * ever older back-series. The measured batches report periods of their own, older still, so
 * that they never touch a seeded value whatever the region's size.
 */
const SEED_YEARS = [...years(2008, 2013), ...years(2007, 1982)];
const MEASURED_YEARS = [1980];
const MIXED_YEARS = [1981];
/**
 * The measured batches are a region's next reports after everything it holds: each batch one
 * working day's reports (a coordinator's session, an indicator table imported at once), one
 * working day after another, as reports reach the queue in ordinary operation.
 */
const MEASURED_WINDOW = { from: '2014-01-06', to: '2014-12-19' } as const;
/** The mixed batches come after the measured ones (they run on the same regions, one after the other). */
const MIXED_WINDOW = { from: '2015-01-05', to: '2015-12-18' } as const;

/** The region whose batches are measured. */
export const MEASURED_REGION = 'wetzlar';

/** New items per report in the demo's mix. */
const itemsPerReport = () => KINDS.reduce((n, k) => n + demoMix()[k].newItem, 0);

const take = (options: StreamOptions, count: number): BenchEvent[] => {
  const stream = regionStream(options);
  return Array.from({ length: count }, () => stream.next().value.event);
};

/** The reports that make a region hold `items` items: the first reports of its stream, up to the one that adds the last item. */
export const regionOfSize = (regionId: string, items: number): BenchEvent[] => {
  const stream = regionStream({
    regionId,
    name: `region-${items}/${regionId}`,
    idTag: 's',
    expected: Math.ceil(items / itemsPerReport()),
    window: PROGRAMME,
    periodYears: SEED_YEARS,
  });
  const events: BenchEvent[] = [];
  for (let held = 0; held < items; ) {
    const report = stream.next().value;
    events.push(report.event);
    if (report.newItem) held += 1;
  }
  return events;
};

const batchesOf = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** Batches of ten new reports of one region: the same reports whatever the region holds already. */
export const measuredBatches = (batches: number, regionId = MEASURED_REGION): BenchEvent[][] =>
  batchesOf(
    take(
      {
        regionId,
        name: `measured/${regionId}`,
        idTag: 'm',
        expected: batches * BATCH_SIZE,
        window: MEASURED_WINDOW,
        periodYears: MEASURED_YEARS,
        workingDayOf: (index) => Math.floor(index / BATCH_SIZE),
      },
      batches * BATCH_SIZE,
    ),
    BATCH_SIZE,
  );

/** Batches of ten new reports, each from all six model regions (as they come off the bus). */
export const mixedBatches = (batches: number): BenchEvent[][] => {
  const count = batches * BATCH_SIZE;
  const streams = MODEL_REGIONS.map((regionId, r) =>
    regionStream({
      regionId,
      name: `mixed/${regionId}`,
      idTag: 'x',
      expected: Math.ceil(count / MODEL_REGIONS.length),
      window: MIXED_WINDOW,
      periodYears: MIXED_YEARS,
      // The k-th report of region r is report k * 6 + r of the interleaved stream: its batch's day.
      workingDayOf: (index) => Math.floor((index * MODEL_REGIONS.length + r) / BATCH_SIZE),
    }),
  );
  return batchesOf(
    Array.from({ length: count }, (_, i) => streams[i % streams.length]!.next().value.event),
    BATCH_SIZE,
  );
};

/** A region's share of a history of `events` reports of the six model regions (as many from each). */
const historyOf = (regionId: string, events: number, name: string): BenchEvent[] => {
  const r = MODEL_REGIONS.indexOf(regionId);
  const count = Math.floor(events / MODEL_REGIONS.length) + (r < events % MODEL_REGIONS.length ? 1 : 0);
  return take({ regionId, name: `${name}/${regionId}`, idTag: 'h', expected: count, window: PROGRAMME, periodYears: SEED_YEARS }, count);
};

/**
 * `events` reports of the six model regions over the programme's years, in the order they were
 * made. `name` tells histories apart (their ids never meet).
 */
export const history = (events: number, name: string): BenchEvent[] =>
  MODEL_REGIONS.flatMap((regionId) => historyOf(regionId, events, name)).sort((a, b) => a.time.localeCompare(b.time) || a.id.localeCompare(b.id));

/** Reports per region and working day in the throughput workload: a busy day of the programme. */
const BUSY_DAY = 20;

/**
 * The throughput workload: `events` reports of the six model regions as they reach the queue on
 * busy working days, in batches of ten as the FIFO queue hands them out (a batch holds one
 * region's next reports; the regions' batches take turns, so batches in flight at once are of
 * different regions). `name` tells workloads apart; `from` is the first working day.
 */
export const busyDays = (events: number, name: string, from: string = MEASURED_WINDOW.from): BenchEvent[][] => {
  const perRegion = MODEL_REGIONS.map((regionId, r) => {
    const count = Math.floor(events / MODEL_REGIONS.length) + (r < events % MODEL_REGIONS.length ? 1 : 0);
    const reports = take(
      {
        regionId,
        name: `${name}/${regionId}`,
        idTag: 't',
        expected: count,
        window: { ...MEASURED_WINDOW, from },
        periodYears: MIXED_YEARS,
        workingDayOf: (index) => Math.floor(index / BUSY_DAY),
      },
      count,
    );
    return batchesOf(reports, BATCH_SIZE);
  });
  const rounds = Math.max(...perRegion.map((b) => b.length));
  return Array.from({ length: rounds }, (_, i) => perRegion.flatMap((batches) => (batches[i] === undefined ? [] : [batches[i]]))).flat();
};

/** What a table is seeded with: regions of a size, or a history. Plain data, sent to the seeding processes. */
export type SeedPlan =
  | { readonly kind: 'regions'; readonly regionIds: readonly string[]; readonly items: number }
  | { readonly kind: 'history'; readonly events: number; readonly name: string };

/** The regions a plan reports for. */
export const seedRegions = (plan: SeedPlan): readonly string[] => (plan.kind === 'regions' ? plan.regionIds : MODEL_REGIONS);

/** A plan's reports of one region, in the order they were made. */
export const seedReports = (plan: SeedPlan, regionId: string): BenchEvent[] =>
  plan.kind === 'regions' ? regionOfSize(regionId, plan.items) : historyOf(regionId, plan.events, plan.name);

/** An event as the queue delivers it: its own message id, sent when the bus accepted the event. */
export const asMessage = (event: BenchEvent): InboundMessage => ({ id: `msg-${event.id}`, body: JSON.stringify(event), sentAt: event.time });
