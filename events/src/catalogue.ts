import * as z from 'zod';
import regionsFile from '../catalogues/regions.json' with { type: 'json' };
import fieldsFile from '../catalogues/fields-of-action.json' with { type: 'json' };
import indicatorsFile from '../catalogues/indicators.json' with { type: 'json' };
import { slug, text } from './primitives';

/** The ministry publishes findings under this id; it is not a region of the registry. */
export const MINISTRY_ID = 'ministerium';

export const FIELDS_OF_ACTION = ['education', 'employment', 'participation', 'health', 'housing', 'language', 'culture', 'administration'] as const;
export type FieldOfAction = (typeof FIELDS_OF_ACTION)[number];
export const fieldOfAction = z.enum(FIELDS_OF_ACTION);

export const REGION_ROLES = ['model-region', 'circle-member', 'subscriber'] as const;

export const regionSchema = z.strictObject({
  id: slug.refine((id) => id !== MINISTRY_ID, { message: `"${MINISTRY_ID}" is reserved` }),
  name: text(200),
  kind: z.enum(['city', 'county', 'county-with-city', 'town', 'municipality']),
  programmes: z.array(slug).max(20),
  role: z.enum(REGION_ROLES),
});
export type Region = z.infer<typeof regionSchema>;

export const INDICATOR_UNITS = ['percent', 'count', 'per1000', 'eur'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

const indicatorSchema = z
  .strictObject({
    id: slug,
    titleDe: text(300),
    titleEn: text(300),
    unit: z.enum(INDICATOR_UNITS),
    min: z.number(),
    max: z.number(),
    fieldOfAction,
    higherIsBetter: z.boolean(),
    disaggregated: z.boolean(),
  })
  .refine((i) => i.min < i.max, { message: 'min must be below max', path: ['max'] });
export type Indicator = z.infer<typeof indicatorSchema>;

const uniqueIds = <T extends { id: string }>(list: readonly T[]) => new Set(list.map((x) => x.id)).size === list.length;

const regionsFileSchema = z.strictObject({
  version: z.string(),
  regions: z.array(regionSchema).refine(uniqueIds, { message: 'region ids must be unique' }),
});
const fieldsFileSchema = z.strictObject({
  version: z.string(),
  fieldsOfAction: z.array(z.strictObject({ id: fieldOfAction, titleDe: text(200), titleEn: text(200) })),
});
const indicatorsFileSchema = z.strictObject({
  version: z.string(),
  indicators: z.array(indicatorSchema).refine(uniqueIds, { message: 'indicator ids must be unique' }),
});

/** Everything the validator and the views need to know that is data, not code. */
export interface Catalogue {
  readonly version: string;
  readonly regions: readonly Region[];
  readonly fieldsOfAction: z.infer<typeof fieldsFileSchema>['fieldsOfAction'];
  readonly indicators: readonly Indicator[];
}

type Documents = {
  regions: z.infer<typeof regionsFileSchema>;
  fieldsOfAction: z.infer<typeof fieldsFileSchema>;
  indicators: z.infer<typeof indicatorsFileSchema>;
};

const join = ({ regions, fieldsOfAction, indicators }: Documents): Catalogue => ({
  version: `regions ${regions.version}, fields ${fieldsOfAction.version}, indicators ${indicators.version}`,
  regions: regions.regions,
  fieldsOfAction: fieldsOfAction.fieldsOfAction,
  indicators: indicators.indicators,
});

/** Checks the three catalogue documents and joins them; throws with the offending path. */
export const loadCatalogue = (files: { regions: unknown; fieldsOfAction: unknown; indicators: unknown }): Catalogue =>
  join({
    regions: regionsFileSchema.parse(files.regions),
    fieldsOfAction: fieldsFileSchema.parse(files.fieldsOfAction),
    indicators: indicatorsFileSchema.parse(files.indicators),
  });

/**
 * The catalogue shipped in `events/catalogues/`, joined as the files hold it. The tests check the
 * files (`loadCatalogue` of them must equal this), so that a function does not check them again
 * at every cold start: that took about 5 ms of CPU, a tenth of a function's module load.
 */
export const defaultCatalogue: Catalogue = join({ regions: regionsFile, fieldsOfAction: fieldsFile, indicators: indicatorsFile } as Documents);

/** Regions that report milestones, projects and indicators (subscribers only read). */
export const isReportingRegion = (region: Region): boolean => region.role !== 'subscriber';
