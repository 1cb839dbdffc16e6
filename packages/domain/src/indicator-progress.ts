import type { Catalogue, IndicatorDetail, IndicatorUnit, RegionEvent } from '@modellregionen/events';
import { comparePeriods } from './period';

interface IndicatorPoint {
  period: string;
  total: number | null;
  withMigrationBackground: number | null;
  withoutMigrationBackground: number | null;
  /** with minus without migration background, in the indicator's unit; null unless both known. */
  gap: number | null;
  isBaseline: boolean;
  source: string | null;
  /** The report the value comes from, so that a correction can carry the next revision. */
  revision: number;
  reportedAt: string;
  reportedBy: string;
}

export interface IndicatorProgress {
  indicatorId: string;
  unit: IndicatorUnit;
  higherIsBetter: boolean;
  disaggregated: boolean;
  /** The period flagged `isBaseline` (the earliest such), else the earliest period reported. */
  baselinePeriod: string;
  latestPeriod: string;
  points: IndicatorPoint[];
  changeSinceBaseline: { total: number | null; gap: number | null };
  /** The programme's core measure: did the gap between with and without migration background shrink? */
  gapNarrowed: boolean | null;
  /** Did the total move in the indicator's good direction? */
  totalImproved: boolean | null;
}

// Differences of decimal figures are rounded so that 12.3 - 4.1 reads 8.2, not 8.200000000000001.
const round = (n: number): number => Math.round(n * 1e6) / 1e6;
const diff = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : round(a - b));

const pointOf = (d: IndicatorDetail): IndicatorPoint => {
  const w = d.values.withMigrationBackground ?? null;
  const wo = d.values.withoutMigrationBackground ?? null;
  return {
    period: d.period,
    total: d.values.total ?? null,
    withMigrationBackground: w,
    withoutMigrationBackground: wo,
    gap: diff(w, wo),
    isBaseline: d.isBaseline === true,
    source: d.source ?? null,
    revision: d.revision,
    reportedAt: d.reportedAt,
    reportedBy: d.reportedBy,
  };
};

/**
 * Per catalogue indicator that a region reported: its series, the gap between people with and
 * without a migration background, and how both changed since the baseline. `items` are a
 * region's current items (any kinds, any order).
 */
export const indicatorProgress = (items: Iterable<RegionEvent>, catalogue: Pick<Catalogue, 'indicators'>): IndicatorProgress[] => {
  const byIndicator = new Map<string, IndicatorPoint[]>();
  for (const item of items) {
    if (item.detailType !== 'IndicatorReported') continue;
    const points = byIndicator.get(item.detail.indicatorId) ?? [];
    points.push(pointOf(item.detail));
    byIndicator.set(item.detail.indicatorId, points);
  }
  return catalogue.indicators.flatMap((def): IndicatorProgress[] => {
    const points = byIndicator.get(def.id)?.sort((a, b) => comparePeriods(a.period, b.period));
    if (points === undefined) return [];
    const baseline = points.find((p) => p.isBaseline) ?? points[0]!;
    const latest = points[points.length - 1]!;
    const totalChange = diff(latest.total, baseline.total);
    const gapChange = diff(latest.gap, baseline.gap);
    return [
      {
        indicatorId: def.id,
        unit: def.unit,
        higherIsBetter: def.higherIsBetter,
        disaggregated: def.disaggregated,
        baselinePeriod: baseline.period,
        latestPeriod: latest.period,
        points,
        changeSinceBaseline: { total: totalChange, gap: gapChange },
        gapNarrowed: latest.gap === null || baseline.gap === null || latest === baseline ? null : Math.abs(latest.gap) < Math.abs(baseline.gap),
        totalImproved: totalChange === null || latest === baseline ? null : def.higherIsBetter ? totalChange > 0 : totalChange < 0,
      },
    ];
  });
};
