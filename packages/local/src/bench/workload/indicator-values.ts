// Values of generated indicator reports: around the region's level in the demo (or the other
// regions' where it reported none), with some noise, in the indicator's unit and range.
import type { Indicator, IndicatorDetail } from '@modellregionen/events';
import { jitter } from '../../demo/prng';
import { MODEL_REGIONS, templatesOf } from './templates';

type Values = IndicatorDetail['values'];
type Level = { total: number; withMigrationBackground: number; withoutMigrationBackground: number };

/** A level where the demo has no value of the indicator at all. */
const FALLBACK: Readonly<Record<Indicator['unit'], number>> = { percent: 15, count: 500, per1000: 15, eur: 250_000 };

const average = (values: readonly Values[], key: keyof Values): number | undefined => {
  const xs = values.flatMap((v) => (v[key] === undefined ? [] : [v[key]]));
  return xs.length === 0 ? undefined : xs.reduce((a, b) => a + b, 0) / xs.length;
};

const levels = new Map<string, Level>();

/** The region's level of an indicator in the demo (the mean of its values), or all regions' where it has none. */
export const levelOf = (regionId: string, def: Indicator): Level => {
  const key = `${regionId}/${def.id}`;
  const known = levels.get(key);
  if (known !== undefined) return known;
  const own = templatesOf(regionId).indicators.get(def.id)?.values ?? [];
  const all = MODEL_REGIONS.flatMap((r) => templatesOf(r).indicators.get(def.id)?.values ?? []);
  const values = own.length > 0 ? own : all;
  const total = average(values, 'total') ?? FALLBACK[def.unit];
  const level = {
    total,
    withMigrationBackground: average(values, 'withMigrationBackground') ?? total * 1.5,
    withoutMigrationBackground: average(values, 'withoutMigrationBackground') ?? total * 0.8,
  };
  levels.set(key, level);
  return level;
};

const rounded = (def: Indicator, n: number): number => {
  const clamped = Math.min(def.max, Math.max(def.min, n));
  if (def.unit === 'count') return Math.round(clamped);
  // budgets are planned in hundreds of euros
  if (def.unit === 'eur') return Math.round(clamped / 100) * 100;
  return Math.round(clamped * 10) / 10;
};

/** Values near `level`: at most `spread` (a share) above or below it. */
export const valuesNear = (def: Indicator, level: Level, spread: number, next: () => number): Values => {
  const near = (n: number) => rounded(def, n * (1 + jitter(next, spread)));
  if (!def.disaggregated) return { total: near(level.total) };
  const w = near(level.withMigrationBackground);
  const wo = near(level.withoutMigrationBackground);
  // About a third of the people counted have a migration background in the model regions.
  return { total: rounded(def, 0.3 * w + 0.7 * wo), withMigrationBackground: w, withoutMigrationBackground: wo };
};
