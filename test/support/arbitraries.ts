// fast-check generators of valid region events, with small id pools so that the same item is
// reported again and again: corrections, stale revisions, equal revisions, several periods.
import fc from 'fast-check';
import { defaultCatalogue, FIELDS_OF_ACTION, regionSource } from '@modellregionen/events';

export interface RawEvent {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

const REGIONS = ['wetzlar', 'kassel', 'offenbach'] as const;
// Same instant in two offsets, and a winter/summer pair, to exercise the tie-breaks; several days
// of one month (February and March 2012), so that a report can be late within its month too.
const REPORTED_AT = [
  '2010-03-01T10:00:00+01:00',
  '2010-03-01T09:00:00Z',
  '2011-06-15T14:30:00+02:00',
  '2012-02-10T09:30:00+01:00',
  '2012-02-20T16:00:00+01:00',
  '2012-02-29T23:30:00+01:00',
  '2012-03-01T08:00:00+01:00',
  '2012-03-15T11:00:00+01:00',
  '2013-11-30T12:00:00+01:00',
] as const;

/** Days before, on and between the report days: the dates an as-of view is checked on. */
export const AS_OF_DAYS = [
  '2009-01-01',
  '2010-02-28',
  '2010-03-01',
  '2011-06-14',
  '2011-06-15',
  '2012-02-09',
  '2012-02-10',
  '2012-02-15',
  '2012-02-20',
  '2012-02-29',
  '2012-03-01',
  '2012-03-10',
  '2012-03-15',
  '2013-11-30',
] as const;
const DATES = ['2009-12-31', '2010-06-30', '2011-12-31', '2012-02-28', '2012-03-01', '2013-12-31'] as const;
const PERIODS = ['2009', '2010', '2011', '2011-Q4', '2011-12', '2012'] as const;
const INDICATORS = defaultCatalogue.indicators.slice(0, 5).concat(defaultCatalogue.indicators.slice(-2));

const common = (regionId: string) =>
  fc.record({
    schemaVersion: fc.constant(1),
    regionId: fc.constant(regionId),
    revision: fc.integer({ min: 1, max: 3 }),
    reportedAt: fc.constantFrom(...REPORTED_AT),
    reportedBy: fc.constantFrom('Koordinationsbüro', 'Projektkoordination Integration'),
  });

const milestone = (regionId: string) =>
  fc
    .tuple(
      common(regionId),
      fc.constantFrom('steuerungs-ag', 'migrationsbericht', 'fachforen', 'handlungskonzept'),
      fc.constantFrom('planned', 'in_progress', 'achieved', 'delayed', 'cancelled'),
      fc.constantFrom(...DATES),
    )
    .map(([c, milestoneId, status, dueDate]) => ({
      ...c,
      milestoneId,
      title: `Meilenstein ${milestoneId}`,
      status,
      dueDate,
      ...(status === 'achieved' ? { achievedDate: '2009-11-30' } : {}),
    }));

const project = (regionId: string) =>
  fc
    .tuple(
      common(regionId),
      fc.constantFrom('fruehstart', 'mama-lernt-deutsch', 'neubuergerempfang'),
      fc.constantFrom(...FIELDS_OF_ACTION),
      fc.constantFrom('planned', 'running', 'completed', 'discontinued'),
      fc.array(
        fc.record({
          programme: fc.constantFrom('Modellregionen Integration', 'Soziale Stadt'),
          source: fc.constantFrom('land', 'bund', 'kommune', 'eu', 'stiftung', 'other'),
          // Whole cents, including ones whose float sum is not exact (0.1 + 0.2).
          amountEur: fc.integer({ min: 0, max: 5_000_000 }).map((cents) => cents / 100),
        }),
        { maxLength: 3 },
      ),
    )
    .map(([c, projectId, fieldOfAction, status, funding]) => ({
      ...c,
      projectId,
      title: `Projekt ${projectId}`,
      fieldOfAction,
      status,
      startDate: '2010-01-01',
      funding,
    }));

const indicator = (regionId: string) =>
  fc
    .tuple(common(regionId), fc.constantFrom(...INDICATORS), fc.constantFrom(...PERIODS), fc.boolean(), fc.nat(1000))
    .map(([c, def, period, isBaseline, seed]) => {
      const value = (k: number) => {
        const v = def.min + (((seed * k) % 1000) / 1000) * (def.max - def.min);
        return def.unit === 'count' ? Math.round(v) : Math.round(v * 10) / 10;
      };
      return {
        ...c,
        indicatorId: def.id,
        period,
        values: def.disaggregated ? { total: value(1), withMigrationBackground: value(3), withoutMigrationBackground: value(7) } : { total: value(1) },
        ...(isBaseline ? { isBaseline: true } : {}),
      };
    });

const finding = (regionId: string) =>
  fc.tuple(common(regionId), fc.constantFrom('sprache-frueh', 'netzwerke'), fc.constantFrom(...FIELDS_OF_ACTION)).map(([c, findingId, fieldOfAction]) => ({
    ...c,
    findingId,
    title: `Erkenntnis ${findingId}`,
    summary: 'Was die Modellregion gelernt hat.',
    fieldOfAction,
  }));

const DETAIL_ARBITRARIES = {
  MilestoneReported: milestone,
  ProjectReported: project,
  IndicatorReported: indicator,
  FindingPublished: finding,
} as const;

/** One valid event as EventBridge delivers it to a target. */
const validEvent: fc.Arbitrary<RawEvent> = fc
  .tuple(fc.constantFrom(...REGIONS), fc.constantFrom(...(Object.keys(DETAIL_ARBITRARIES) as (keyof typeof DETAIL_ARBITRARIES)[])), fc.uuid({ version: 4 }))
  .chain(([regionId, detailType, id]) =>
    DETAIL_ARBITRARIES[detailType](regionId).map(
      (detail): RawEvent => ({
        version: '0',
        id,
        'detail-type': detailType,
        source: regionSource(regionId),
        account: '111111111111',
        time: '2013-12-31T23:00:00Z',
        region: 'eu-central-1',
        resources: [],
        detail,
      }),
    ),
  );

/**
 * A stream of events as a bus delivers them: each event at least once, some several times, in an
 * arbitrary order. Returns the distinct events and the delivered sequence.
 */
export const deliveredStream = (options: { maxEvents?: number } = {}) =>
  fc.uniqueArray(validEvent, { selector: (e) => e.id, minLength: 1, maxLength: options.maxEvents ?? 40 }).chain((events) =>
    fc
      .array(fc.nat(events.length - 1), { maxLength: events.length })
      .chain((dupIdx) => fc.shuffledSubarray([...events, ...dupIdx.map((i) => events[i]!)], { minLength: events.length + dupIdx.length }))
      .map((delivered) => ({ events, delivered })),
  );
