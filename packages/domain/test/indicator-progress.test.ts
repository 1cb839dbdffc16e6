import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '@modellregionen/events';
import { indicatorProgress } from '@modellregionen/domain';
import { milestone, reportOf } from './fixtures';

type Values = { total?: number; withMigrationBackground?: number; withoutMigrationBackground?: number };

const value = (indicatorId: string, period: string, values: Values, extra: Record<string, unknown> = {}) =>
  reportOf('IndicatorReported', { indicatorId, period, values, ...extra });

/** The one indicator's progress from these reports. */
const progressOf = (...reports: ReturnType<typeof value>[]) => {
  const list = indicatorProgress(reports, defaultCatalogue);
  expect(list).toHaveLength(1);
  return list[0]!;
};

// Lower is better; reported with and without migration background.
const UNEMPLOYMENT = 'unemployment-rate';
// Higher is better; reported with and without migration background.
const DAYCARE = 'daycare-attendance-3-to-6';

describe('the baseline of an indicator', () => {
  it('is the earliest of the periods flagged as baseline, whatever the order they were reported in', () => {
    const reports = [
      value(UNEMPLOYMENT, '2007', { total: 9 }),
      value(UNEMPLOYMENT, '2009', { total: 8 }, { isBaseline: true }),
      value(UNEMPLOYMENT, '2008', { total: 8.5 }, { isBaseline: true }),
      value(UNEMPLOYMENT, '2011', { total: 7 }),
    ];
    expect(progressOf(...reports).baselinePeriod).toBe('2008');
    expect(progressOf(...[...reports].reverse()).baselinePeriod).toBe('2008');
  });

  it('is the earliest period reported when none is flagged', () => {
    const p = progressOf(value(UNEMPLOYMENT, '2011', { total: 7 }), value(UNEMPLOYMENT, '2009-Q4', { total: 8 }), value(UNEMPLOYMENT, '2010', { total: 9 }));
    expect([p.baselinePeriod, p.latestPeriod]).toEqual(['2009-Q4', '2011']);
    expect(p.changeSinceBaseline.total).toBe(-1);
  });

  it('when flagged on the latest period leaves nothing to compare: the change is zero and neither direction is claimed', () => {
    const p = progressOf(
      value(UNEMPLOYMENT, '2010', { total: 9, withMigrationBackground: 16, withoutMigrationBackground: 7 }),
      value(UNEMPLOYMENT, '2011', { total: 8, withMigrationBackground: 14, withoutMigrationBackground: 7 }, { isBaseline: true }),
    );
    expect(p).toMatchObject({
      baselinePeriod: '2011',
      latestPeriod: '2011',
      changeSinceBaseline: { total: 0, gap: 0 },
      gapNarrowed: null,
      totalImproved: null,
    });
  });
});

describe('the gap between people with and without a migration background', () => {
  it('is with minus without, so it is negative where people with a migration background fare lower', () => {
    const p = progressOf(value(DAYCARE, '2011', { withMigrationBackground: 84.7, withoutMigrationBackground: 96.1 }));
    expect(p.points[0]!.gap).toBe(-11.4);
  });

  it('narrowed when its size shrank, whatever its sign', () => {
    const narrowed = progressOf(
      value(DAYCARE, '2008', { withMigrationBackground: 80, withoutMigrationBackground: 95 }),
      value(DAYCARE, '2011', { withMigrationBackground: 96, withoutMigrationBackground: 94 }),
    );
    expect([narrowed.changeSinceBaseline.gap, narrowed.gapNarrowed]).toEqual([17, true]);
  });

  it('did not narrow when its size stayed the same, even with the sign turned, or grew', () => {
    const turned = progressOf(
      value(DAYCARE, '2008', { withMigrationBackground: 90, withoutMigrationBackground: 93 }),
      value(DAYCARE, '2011', { withMigrationBackground: 96, withoutMigrationBackground: 93 }),
    );
    expect(turned.gapNarrowed).toBe(false);
    const grew = progressOf(
      value(DAYCARE, '2008', { withMigrationBackground: 90, withoutMigrationBackground: 93 }),
      value(DAYCARE, '2011', { withMigrationBackground: 88, withoutMigrationBackground: 93 }),
    );
    expect(grew.gapNarrowed).toBe(false);
  });

  it('is unknown unless both values are reported, and so is its change', () => {
    const p = progressOf(
      value(DAYCARE, '2008', { total: 88, withMigrationBackground: 80, withoutMigrationBackground: 95 }),
      value(DAYCARE, '2011', { total: 90, withMigrationBackground: 84 }),
    );
    expect(p.points.map((x) => x.gap)).toEqual([-15, null]);
    expect(p).toMatchObject({ changeSinceBaseline: { total: 2, gap: null }, gapNarrowed: null, totalImproved: true });
    const noBaselineGap = progressOf(
      value(DAYCARE, '2008', { total: 88, withoutMigrationBackground: 95 }),
      value(DAYCARE, '2011', { total: 90, withMigrationBackground: 84, withoutMigrationBackground: 93 }),
    );
    expect(noBaselineGap).toMatchObject({ changeSinceBaseline: { gap: null }, gapNarrowed: null });
  });
});

describe('whether the total improved', () => {
  it('follows the indicator: up is better for daycare attendance, down is better for unemployment', () => {
    expect(progressOf(value(DAYCARE, '2008', { total: 88 }), value(DAYCARE, '2011', { total: 90 })).totalImproved).toBe(true);
    expect(progressOf(value(DAYCARE, '2008', { total: 88 }), value(DAYCARE, '2011', { total: 86 })).totalImproved).toBe(false);
    expect(progressOf(value(UNEMPLOYMENT, '2008', { total: 9 }), value(UNEMPLOYMENT, '2011', { total: 8 })).totalImproved).toBe(true);
    expect(progressOf(value(UNEMPLOYMENT, '2008', { total: 9 }), value(UNEMPLOYMENT, '2011', { total: 10 })).totalImproved).toBe(false);
  });

  it('is false when the total did not move, in either kind of indicator', () => {
    expect(progressOf(value(DAYCARE, '2008', { total: 88 }), value(DAYCARE, '2011', { total: 88 })).totalImproved).toBe(false);
    expect(progressOf(value(UNEMPLOYMENT, '2008', { total: 9 }), value(UNEMPLOYMENT, '2011', { total: 9 })).totalImproved).toBe(false);
  });

  it('is unknown when the baseline or the latest period has no total', () => {
    const p = progressOf(value(DAYCARE, '2008', { withMigrationBackground: 80 }), value(DAYCARE, '2011', { total: 90 }));
    expect([p.changeSinceBaseline.total, p.totalImproved]).toEqual([null, null]);
  });
});

describe('the figures of an indicator', () => {
  it('read as the decimals they are: differences are rounded to six decimals', () => {
    const p = progressOf(
      value(DAYCARE, '2008', { total: 0.1, withMigrationBackground: 0.3, withoutMigrationBackground: 0.1 }),
      value(DAYCARE, '2011', { total: 0.3, withMigrationBackground: 12.3456789, withoutMigrationBackground: 0 }),
    );
    expect(p.points.map((x) => x.gap)).toEqual([0.2, 12.345679]);
    expect(p.changeSinceBaseline).toEqual({ total: 0.2, gap: 12.145679 });
  });

  it('carry each point with what was reported and by whom, and nothing for what was not', () => {
    const p = progressOf(
      value(UNEMPLOYMENT, '2011', { withMigrationBackground: 17.2 }, { revision: 3, reportedAt: '2012-02-10T09:30:00+01:00', reportedBy: 'Jobcenter' }),
      value(UNEMPLOYMENT, '2010', { total: 9.8 }, { source: 'Bundesagentur für Arbeit', isBaseline: true }),
    );
    expect(p.points).toEqual([
      {
        period: '2010',
        total: 9.8,
        withMigrationBackground: null,
        withoutMigrationBackground: null,
        gap: null,
        isBaseline: true,
        source: 'Bundesagentur für Arbeit',
        revision: 1,
        reportedAt: '2012-02-10T09:30:00+01:00',
        reportedBy: 'Koordinationsbüro',
      },
      {
        period: '2011',
        total: null,
        withMigrationBackground: 17.2,
        withoutMigrationBackground: null,
        gap: null,
        isBaseline: false,
        source: null,
        revision: 3,
        reportedAt: '2012-02-10T09:30:00+01:00',
        reportedBy: 'Jobcenter',
      },
    ]);
    expect(p).toMatchObject({ indicatorId: UNEMPLOYMENT, unit: 'percent', higherIsBetter: false, disaggregated: true });
  });

  it('are listed for the catalogue indicators only, in catalogue order, leaving other reports aside', () => {
    const reports = [
      milestone('leitbild', 'planned', '2012-12-31'),
      value('naturalisations', '2011', { total: 310 }),
      value(UNEMPLOYMENT, '2011', { total: 8 }),
      value(DAYCARE, '2011', { total: 90 }),
    ];
    expect(indicatorProgress(reports, defaultCatalogue).map((p) => p.indicatorId)).toEqual([DAYCARE, UNEMPLOYMENT, 'naturalisations']);
    const twoKnown = { indicators: defaultCatalogue.indicators.filter((i) => i.id === 'naturalisations' || i.id === UNEMPLOYMENT) };
    expect(indicatorProgress(reports, twoKnown).map((p) => p.indicatorId)).toEqual([UNEMPLOYMENT, 'naturalisations']);
    expect(indicatorProgress([milestone('leitbild', 'planned', '2012-12-31')], defaultCatalogue)).toEqual([]);
  });
});
