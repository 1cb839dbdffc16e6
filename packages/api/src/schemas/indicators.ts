import * as z from 'zod';
import { INDICATOR_UNITS } from '@modellregionen/events';
import { indicatorSchema } from './catalogue';
import { reportedFields } from './common';

const nullableNumber = z.number().nullable();
const change = z.strictObject({ total: nullableNumber, gap: nullableNumber });

const pointFields = {
  period: z.string(),
  total: nullableNumber,
  withMigrationBackground: nullableNumber,
  withoutMigrationBackground: nullableNumber,
  gap: nullableNumber.meta({ description: 'With minus without migration background.' }),
  isBaseline: z.boolean(),
  source: z.string().nullable(),
};

const progressFields = <P extends z.ZodType>(point: P) => ({
  indicatorId: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  higherIsBetter: z.boolean(),
  disaggregated: z.boolean(),
  baselinePeriod: z.string(),
  latestPeriod: z.string(),
  points: z.array(point),
  changeSinceBaseline: change,
  gapNarrowed: z.boolean().nullable(),
  totalImproved: z.boolean().nullable(),
});

export const indicatorProgressSchema = z
  .strictObject(
    progressFields(
      z
        .strictObject({ ...pointFields, ...reportedFields })
        .meta({ description: 'A value for a period, with the report it comes from (its revision, when and by whom).' }),
    ),
  )
  .meta({ id: 'IndicatorProgress', description: 'One indicator of one region: its values per period and the change since the baseline.' });

/** In a review, where a review closed before the values named their report shows them without. */
export const reviewIndicatorProgressSchema = z
  .strictObject(progressFields(z.strictObject({ ...pointFields, ...z.strictObject(reportedFields).partial().shape })))
  .meta({
    id: 'ReviewIndicatorProgress',
    description: 'As IndicatorProgress; in reviews closed before values named their report, the values have no revision, reportedAt and reportedBy.',
  });

export const indicatorComparisonSchema = z
  .strictObject({
    indicator: indicatorSchema,
    regions: z.array(
      z.strictObject({
        regionId: z.string(),
        name: z.string(),
        baselinePeriod: z.string().nullable(),
        latestPeriod: z.string().nullable(),
        changeSinceBaseline: change,
        gapNarrowed: z.boolean().nullable(),
        totalImproved: z.boolean().nullable(),
      }),
    ),
    periods: z.array(
      z.strictObject({
        period: z.string(),
        regions: z
          .record(
            z.string(),
            z.strictObject({
              total: nullableNumber,
              withMigrationBackground: nullableNumber,
              withoutMigrationBackground: nullableNumber,
              gap: nullableNumber,
              isBaseline: z.boolean(),
            }),
          )
          .meta({ description: 'By region id; only regions with a value for the period.' }),
      }),
    ),
  })
  .meta({ id: 'IndicatorComparison', description: 'One indicator for all model regions, per period, with the gap.' });
