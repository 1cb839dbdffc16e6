import * as z from 'zod';
import { fieldOfAction, INDICATOR_UNITS, REGION_ROLES, regionSchema } from '@modellregionen/events';

/** A catalogue indicator as the API shows it: SPEC's field names, the German title as `title`. */
export const indicatorSchema = z
  .strictObject({
    id: z.string(),
    title: z.string().meta({ description: 'German title.' }),
    titleEn: z.string(),
    unit: z.enum(INDICATOR_UNITS),
    min: z.number(),
    max: z.number(),
    fieldOfAction,
    higherIsBetter: z.boolean(),
    disaggregated: z.boolean().meta({ description: 'Reported with and without migration background.' }),
  })
  .meta({ id: 'Indicator' });

export const catalogueSchema = z
  .strictObject({
    regions: z
      .array(
        z.strictObject({
          id: z.string(),
          name: z.string(),
          kind: z.enum(regionSchema.shape.kind.options),
          programmes: z.array(z.string()).readonly(),
          role: z.enum(REGION_ROLES),
        }),
      )
      .readonly(),
    fieldsOfAction: z.array(z.strictObject({ id: fieldOfAction, titleDe: z.string(), titleEn: z.string() })),
    indicators: z.array(indicatorSchema),
  })
  .meta({ id: 'Catalogue', description: 'The catalogues the validator uses.' });
