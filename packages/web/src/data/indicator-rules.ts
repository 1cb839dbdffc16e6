// The API's rules for an indicator value, checked before sending: the form and the CSV import's
// preview say what is wrong at once, with the same codes the API uses (and the API checks again).
import type { Catalogue, FieldError } from '../api/types';

/** A year, a quarter or a month, 1980 to 2099 (the API's period rule). */
const PERIOD_PATTERN = /^(19[89]\d|20\d\d)(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$/;

export const VALUE_KEYS = ['total', 'withMigrationBackground', 'withoutMigrationBackground'] as const;
export type ValueKey = (typeof VALUE_KEYS)[number];
export type IndicatorValues = Partial<Record<ValueKey, number>>;

export const checkIndicatorValue = (catalogue: Catalogue, input: { indicatorId: string; period: string; values: IndicatorValues }): FieldError[] => {
  const errors: FieldError[] = [];
  const def = catalogue.indicators.find((i) => i.id === input.indicatorId);
  if (input.indicatorId === '') errors.push({ path: 'indicatorId', code: 'required', message: 'is required' });
  else if (def === undefined) errors.push({ path: 'indicatorId', code: 'unknown_indicator', message: 'must be an indicator of the catalogue' });
  if (input.period === '') errors.push({ path: 'period', code: 'required', message: 'is required' });
  else if (!PERIOD_PATTERN.test(input.period)) {
    errors.push({ path: 'period', code: 'invalid_period', message: 'must be a period as YYYY, YYYY-Qn or YYYY-MM (years 1980 to 2099)' });
  }
  const given = VALUE_KEYS.filter((k) => input.values[k] !== undefined);
  if (given.length === 0) {
    errors.push({ path: 'values', code: 'no_values', message: 'must hold at least one of total, withMigrationBackground, withoutMigrationBackground' });
  }
  if (def === undefined) return errors;
  for (const key of given) {
    const value = input.values[key]!;
    const path = `values.${key}`;
    if (key !== 'total' && !def.disaggregated) {
      errors.push({
        path,
        code: 'no_breakdown',
        message: `is not reported for ${def.id}: the indicator has no breakdown by migration background`,
        params: { indicatorId: def.id },
      });
    } else if (value < def.min || value > def.max) {
      errors.push({
        path,
        code: 'out_of_range',
        message: `must be between ${def.min} and ${def.max} (${def.unit}) for ${def.id}, got ${value}`,
        params: { min: def.min, max: def.max, unit: def.unit, value },
      });
    } else if (def.unit === 'count' && !Number.isInteger(value)) {
      errors.push({ path, code: 'not_whole_number', message: `must be a whole number (count), got ${value}`, params: { value } });
    }
  }
  return errors;
};
