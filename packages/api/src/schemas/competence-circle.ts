import * as z from 'zod';
import { FIELDS_OF_ACTION, MILESTONE_STATUSES, PROJECT_STATUSES } from '@modellregionen/events';
import { count, date, dateTime } from './common';

const countsOf = <const K extends string>(keys: readonly K[]) => z.strictObject(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);
const optionalCountsOf = <const K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, count.optional()])) as Record<K, z.ZodOptional<typeof count>>);

const milestoneBlockSchema = z
  .strictObject({
    total: count,
    overdue: count.meta({ description: 'Neither achieved nor cancelled, with dueDate before asOf.' }),
    byStatus: countsOf(MILESTONE_STATUSES),
  })
  .meta({ id: 'MilestoneBlock' });

const projectBlockSchema = z
  .strictObject({
    total: count,
    fundingEur: z.number().min(0),
    byStatus: countsOf(PROJECT_STATUSES),
    byFieldOfAction: optionalCountsOf(FIELDS_OF_ACTION).meta({ description: 'Only fields of action with projects are listed.' }),
  })
  .meta({ id: 'ProjectBlock' });

export const competenceCircleSchema = z
  .strictObject({
    asOf: date.meta({ description: 'Berlin date the view is as of (today without `asOf`).' }),
    regions: z
      .array(
        z.strictObject({
          regionId: z.string(),
          name: z.string(),
          milestones: milestoneBlockSchema,
          projects: projectBlockSchema,
          indicators: z.strictObject({
            reported: count,
            latestPeriod: z.string().nullable(),
            completeness: z.number().min(0).max(1).meta({ description: 'Share of catalogue indicators with a value for the latest period.' }),
          }),
          lastReportedAt: dateTime.nullable(),
        }),
      )
      .meta({ description: 'Every model region of the registry, in registry order, with zeros where it reported nothing.' }),
    totals: z.strictObject({
      milestones: milestoneBlockSchema,
      projects: projectBlockSchema,
      indicators: z.strictObject({ reported: count }),
    }),
  })
  .meta({ id: 'CompetenceCircle', description: 'All model regions side by side (SPEC section 4).' });
