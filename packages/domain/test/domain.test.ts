import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '@modellregionen/events';
import {
  berlinDateOf,
  berlinDateTime,
  comparePeriods,
  competenceCircleOf,
  endOfBerlinDay,
  indicatorProgress,
  latestPeriod,
  reduceRegions,
  summarizeRegion,
  versionKey,
} from '@modellregionen/domain';
import { milestone, reportOf } from './fixtures';

describe('Berlin dates', () => {
  it('ends a winter day at 23:00 UTC and a summer day at 22:00 UTC', () => {
    expect(new Date(endOfBerlinDay('2012-02-29')).toISOString()).toBe('2012-02-29T23:00:00.000Z');
    expect(new Date(endOfBerlinDay('2012-07-01')).toISOString()).toBe('2012-07-01T22:00:00.000Z');
  });
  it('handles the days on which the clocks change', () => {
    // 2012-03-25: clocks go forward at 02:00, so the day ends at 22:00 UTC.
    expect(new Date(endOfBerlinDay('2012-03-25')).toISOString()).toBe('2012-03-25T22:00:00.000Z');
    // 2012-10-28: clocks go back at 03:00, so the day ends at 23:00 UTC.
    expect(new Date(endOfBerlinDay('2012-10-28')).toISOString()).toBe('2012-10-28T23:00:00.000Z');
    expect(new Date(endOfBerlinDay('2013-12-31')).toISOString()).toBe('2013-12-31T23:00:00.000Z');
  });
  it('names the Berlin date of an instant', () => {
    expect(berlinDateOf(Date.parse('2012-02-29T23:30:00Z'))).toBe('2012-03-01');
    expect(berlinDateOf(Date.parse('2012-02-29T22:59:59Z'))).toBe('2012-02-29');
  });
  it('writes a wall-clock time with the offset in force, and refuses the hour skipped and the hour doubled', () => {
    expect(berlinDateTime('2012-02-10', 9, 30)).toBe('2012-02-10T09:30:00+01:00');
    expect(berlinDateTime('2012-07-01', 0, 0)).toBe('2012-07-01T00:00:00+02:00');
    expect(berlinDateTime('2012-03-25', 1, 59)).toBe('2012-03-25T01:59:00+01:00');
    expect(berlinDateTime('2012-03-25', 3, 0)).toBe('2012-03-25T03:00:00+02:00');
    expect(() => berlinDateTime('2012-03-25', 2, 30)).toThrow('does not exist in Berlin');
    expect(berlinDateTime('2012-10-28', 1, 59)).toBe('2012-10-28T01:59:00+02:00');
    expect(berlinDateTime('2012-10-28', 3, 0)).toBe('2012-10-28T03:00:00+01:00');
    expect(() => berlinDateTime('2012-10-28', 2, 30)).toThrow('is ambiguous in Berlin');
    // Every written time names the instant whose Berlin wall clock it is.
    for (const [date, hour] of [
      ['2013-01-15', 8],
      ['2013-06-15', 17],
      ['2011-03-27', 4],
      ['2011-10-30', 1],
    ] as const) {
      const iso = berlinDateTime(date, hour, 5);
      expect(berlinDateOf(Date.parse(iso))).toBe(date);
      expect(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(new Date(iso))).toBe(
        String(hour).padStart(2, '0'),
      );
    }
  });
});

describe('periods', () => {
  it('orders by end, and a year after its last quarter and month', () => {
    const sorted = ['2012', '2011-12', '2011', '2011-Q4', '2011-Q1', '2010'].sort(comparePeriods);
    expect(sorted).toEqual(['2010', '2011-Q1', '2011-12', '2011-Q4', '2011', '2012']);
    expect(latestPeriod(['2011', '2012-Q1', '2011-12'])).toBe('2012-Q1');
    expect(latestPeriod([])).toBeNull();
  });
});

describe('which report of an item wins', () => {
  it('is the highest revision, whatever was reported later', () => {
    const r2 = milestone('m', 'planned', '2012-01-01', { revision: 2, reportedAt: '2011-01-01T00:00:00Z' });
    const r1 = milestone('m', 'delayed', '2012-01-01', { revision: 1, reportedAt: '2012-01-01T00:00:00Z' });
    expect(versionKey(r2) > versionKey(r1)).toBe(true);
    expect([...reduceRegions([r2, r1]).get('wetzlar')!.values()]).toEqual([r2]);
  });
  it('among equal revisions is the later reportedAt as an instant, not as text', () => {
    const early = milestone('m', 'planned', '2012-01-01', { reportedAt: '2012-02-10T09:30:00+01:00' }); // 08:30Z
    const late = milestone('m', 'delayed', '2012-01-01', { reportedAt: '2012-02-10T08:45:00Z' });
    expect([...reduceRegions([late, early]).get('wetzlar')!.values()]).toEqual([late]);
  });
  it('among equal revisions and instants is the greater event id', () => {
    const a = milestone('m', 'planned', '2012-01-01', {});
    const b = { ...milestone('m', 'delayed', '2012-01-01'), eventId: 'zzz' };
    expect([...reduceRegions([b, a]).get('wetzlar')!.values()]).toEqual([b]);
    expect([...reduceRegions([a, b]).get('wetzlar')!.values()]).toEqual([b]);
  });
  it('keeps indicator values of different periods apart', () => {
    const y2010 = reportOf('IndicatorReported', { indicatorId: 'unemployment-rate', period: '2010', values: { total: 9.1 } });
    const y2011 = reportOf('IndicatorReported', { indicatorId: 'unemployment-rate', period: '2011', values: { total: 8.4 } });
    expect(reduceRegions([y2010, y2011]).get('wetzlar')!.size).toBe(2);
  });
});

describe('the competence-circle view', () => {
  const events = [
    milestone('steuerungs-ag', 'achieved', '2010-03-31'),
    milestone('migrationsbericht', 'in_progress', '2012-02-28'),
    milestone('fachforen', 'delayed', '2012-03-31'),
    milestone('handlungskonzept', 'planned', '2012-12-31'),
    milestone('alt', 'cancelled', '2010-01-01'),
    reportOf('ProjectReported', {
      projectId: 'mama-lernt-deutsch',
      title: 'Mama lernt Deutsch',
      fieldOfAction: 'language',
      status: 'running',
      startDate: '2010-01-01',
      funding: [
        { programme: 'Modellregionen Integration', source: 'land', amountEur: 0.1 },
        { programme: 'Eigenmittel', source: 'kommune', amountEur: 0.2 },
      ],
    }),
    reportOf('ProjectReported', {
      projectId: 'fruehstart',
      title: 'Frühstart',
      fieldOfAction: 'education',
      status: 'completed',
      startDate: '2009-01-01',
      funding: [{ programme: 'Frühstart', source: 'stiftung', amountEur: 125000 }],
    }),
    reportOf('IndicatorReported', { indicatorId: 'unemployment-rate', period: '2010', values: { total: 9 } }),
    reportOf('IndicatorReported', { indicatorId: 'unemployment-rate', period: '2011', values: { total: 8 } }),
    reportOf('IndicatorReported', { indicatorId: 'naturalisations', period: '2011', values: { total: 310 } }),
    reportOf('IndicatorReported', { indicatorId: 'naturalisations', period: '2011-Q3', values: { total: 80 } }),
    reportOf('MilestoneReported', {
      regionId: 'kassel',
      milestoneId: 'leitbild',
      title: 'Leitbild',
      status: 'planned',
      dueDate: '2011-01-01',
      reportedAt: '2012-03-05T10:00:00+01:00',
    }),
  ];
  const view = competenceCircleOf(events, { catalogue: defaultCatalogue, asOf: '2012-02-29' });
  const wetzlar = view.regions.find((r) => r.regionId === 'wetzlar')!;

  it('lists every model region of the registry in registry order, with zeros where nothing was reported', () => {
    expect(view.regions.map((r) => r.regionId)).toEqual(defaultCatalogue.regions.map((r) => r.id));
    expect(view.regions.find((r) => r.regionId === 'offenbach')).toEqual({
      regionId: 'offenbach',
      name: 'Stadt Offenbach am Main',
      milestones: { total: 0, overdue: 0, byStatus: { planned: 0, in_progress: 0, achieved: 0, delayed: 0, cancelled: 0 } },
      projects: { total: 0, fundingEur: 0, byStatus: { planned: 0, running: 0, completed: 0, discontinued: 0 }, byFieldOfAction: {} },
      indicators: { reported: 0, latestPeriod: null, completeness: 0 },
      lastReportedAt: null,
    });
  });
  it('counts milestones by status and as overdue when open and due before asOf', () => {
    expect(wetzlar.milestones).toEqual({
      total: 5,
      overdue: 1, // migrationsbericht: in progress, due 2012-02-28; fachforen is due after asOf
      byStatus: { planned: 1, in_progress: 1, achieved: 1, delayed: 1, cancelled: 1 },
    });
  });
  it('sums funding exactly in cents and counts projects by status and field of action', () => {
    expect(wetzlar.projects).toEqual({
      total: 2,
      fundingEur: 125000.3,
      byStatus: { planned: 0, running: 1, completed: 1, discontinued: 0 },
      byFieldOfAction: { education: 1, language: 1 },
    });
  });
  it('measures indicator completeness for the latest period against the catalogue', () => {
    const n = defaultCatalogue.indicators.length;
    expect(wetzlar.indicators).toEqual({ reported: 2, latestPeriod: '2011', completeness: Math.round((2 / n) * 1000) / 1000 });
  });
  it('gives the last report time and totals over all regions', () => {
    expect(wetzlar.lastReportedAt).toBe('2012-02-10T09:30:00+01:00');
    expect(view.totals.milestones.total).toBe(6);
    expect(view.totals.milestones.overdue).toBe(2);
    expect(view.totals.projects.fundingEur).toBe(125000.3);
    expect(view.totals.indicators).toEqual({ reported: 2 });
  });
  it('as of a date leaves out what was reported after its end in Berlin', () => {
    const asOf = competenceCircleOf(events, { catalogue: defaultCatalogue, asOf: '2012-02-29', reportedUntil: '2012-02-29' });
    expect(asOf.regions.find((r) => r.regionId === 'kassel')!.milestones.total).toBe(0);
    expect(asOf.totals.milestones.total).toBe(5);
  });
});

describe('indicator progress: the gap between people with and without a migration background', () => {
  const series = [
    reportOf('IndicatorReported', {
      indicatorId: 'school-leavers-without-qualification',
      period: '2008',
      isBaseline: true,
      values: { total: 7.4, withMigrationBackground: 12.3, withoutMigrationBackground: 4.1 },
      source: 'Migrationsbericht 2008',
    }),
    reportOf('IndicatorReported', {
      indicatorId: 'school-leavers-without-qualification',
      period: '2011',
      values: { total: 6.1, withMigrationBackground: 9.8, withoutMigrationBackground: 4.0 },
    }),
    reportOf('IndicatorReported', {
      indicatorId: 'school-leavers-without-qualification',
      period: '2007',
      values: { total: 8, withMigrationBackground: 14, withoutMigrationBackground: 4.5 },
    }),
    reportOf('IndicatorReported', { indicatorId: 'naturalisations', period: '2011', values: { total: 310 } }),
  ];
  const progress = indicatorProgress(series, defaultCatalogue);

  it('measures the change since the flagged baseline, not since the earliest period', () => {
    const p = progress.find((x) => x.indicatorId === 'school-leavers-without-qualification')!;
    expect(p).toMatchObject({
      baselinePeriod: '2008',
      latestPeriod: '2011',
      changeSinceBaseline: { total: -1.3, gap: -2.4 },
      gapNarrowed: true,
      totalImproved: true, // fewer school leavers without a qualification is better
    });
    expect(p.points.map((x) => [x.period, x.gap])).toEqual([
      ['2007', 9.5],
      ['2008', 8.2],
      ['2011', 5.8],
    ]);
  });
  it('has no gap for an indicator without the breakdown, and no change for a single value', () => {
    const p = progress.find((x) => x.indicatorId === 'naturalisations')!;
    expect(p).toMatchObject({ baselinePeriod: '2011', changeSinceBaseline: { total: 0, gap: null }, gapNarrowed: null, totalImproved: null });
  });
  it('lists only indicators that were reported, in catalogue order', () => {
    expect(progress.map((p) => p.indicatorId)).toEqual(['school-leavers-without-qualification', 'naturalisations']);
  });
});

describe('the region summary', () => {
  it('does not count indicators that left the catalogue', () => {
    const items = [reportOf('IndicatorReported', { indicatorId: 'naturalisations', period: '2011', values: { total: 3 } })];
    expect(summarizeRegion('wetzlar', items, { indicators: [] }).indicators).toEqual({ latestPeriod: null, reported: 0 });
  });
});
