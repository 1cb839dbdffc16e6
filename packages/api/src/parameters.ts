import * as z from 'zod';
import { parseItemKey } from '@modellregionen/domain';
import { type Catalogue, FIELDS_OF_ACTION, isoDate, MINISTRY_ID, refusing, rule } from '@modellregionen/events';
import { publishersOfFindings } from './regions';
import { REVIEW_IDS, REVIEWS } from './reviews';

/** zod wants a non-empty tuple for an enum; a catalogue without regions or indicators has none. */
const ids = (values: readonly string[]): [string, ...string[]] => (values.length > 0 ? [values[0]!, ...values.slice(1)] : ['']);

const regionIdOf = (catalogue: Catalogue) =>
  z
    .enum(ids([...catalogue.regions.map((r) => r.id), MINISTRY_ID]), {
      error: (issue) => `no region ${String(issue.input)} in the registry (see GET /v1/catalogue)`,
    })
    .meta({
      description: `Id of a region of the registry (see GET /v1/catalogue), e.g. \`wetzlar\`; \`${MINISTRY_ID}\` for the ministry's findings.`,
      example: 'wetzlar',
    });

/** `/v1/regions/{regionId}…`: a region of the registry, or the ministry. */
export const regionPath = (catalogue: Catalogue) => z.strictObject({ regionId: regionIdOf(catalogue) });

/** `/v1/indicators/{indicatorId}`: an indicator of the catalogue. */
export const indicatorPath = (catalogue: Catalogue) =>
  z.strictObject({
    indicatorId: z
      .enum(ids(catalogue.indicators.map((i) => i.id)), {
        error: (issue) => `no indicator ${String(issue.input)} in the catalogue (see GET /v1/catalogue)`,
      })
      .meta({ description: 'Id of an indicator of the catalogue (see GET /v1/catalogue).' }),
  });

/** `/v1/reviews/{reviewId}…`: one of the programme's two reviews. */
export const reviewPath = z.strictObject({
  reviewId: z
    .enum(REVIEW_IDS, { error: (issue) => `no review ${String(issue.input)}; the reviews are ${REVIEW_IDS.join(' and ')}` })
    .meta({ description: REVIEW_IDS.map((id) => `\`${id}\`: ${REVIEWS[id].title}, cutoff ${REVIEWS[id].cutoff}`).join('; ') }),
});

/** `/v1/subscriptions/{subscriptionId}`: whether it is one of the caller's is the store's to say. */
export const subscriptionPath = z.strictObject({
  subscriptionId: z.string().meta({ description: "Id of one of the caller's subscriptions, as `POST /v1/subscriptions` answered it." }),
});

export const asOfQuery = z.object({
  asOf: isoDate.optional().meta({
    format: 'date',
    description: 'A date (YYYY-MM-DD, Europe/Berlin): only reports made before the end of that day count. Default: today, with every report.',
    example: '2012-02-29',
  }),
});

/** `?item=<itemKey>`: one item of a region, by the key its reports share. */
export const itemQuery = z.object({
  item: z
    .string()
    .refine(
      (key) => parseItemKey(key) !== undefined,
      rule('invalid_item_key', 'must be an item key: milestone#<id>, project#<id>, finding#<id> or indicator#<indicatorId>#<period>'),
    )
    .meta({
      description:
        'The item: `milestone#<milestoneId>`, `project#<projectId>`, `finding#<findingId>` or `indicator#<indicatorId>#<period>` (`#` written as `%23`).',
      example: 'milestone#steuerungs-ag-eingerichtet',
    }),
});

/** The filters of the findings, as JSON and as Atom. */
export const findingsQuery = (catalogue: Catalogue) => {
  const publishers = publishersOfFindings(catalogue);
  return z.object({
    fieldOfAction: z
      .enum(FIELDS_OF_ACTION, { error: () => `must be one of ${FIELDS_OF_ACTION.join(', ')}` })
      .optional()
      .meta({ description: 'Only findings in this field of action.' }),
    regionId: refusing(z.enum(ids(publishers)), (value) =>
      typeof value === 'string' && !publishers.includes(value)
        ? rule('unknown_region', `names no region that publishes findings: "${value}"`, { regionId: value })
        : undefined,
    )
      .optional()
      .meta({ description: `Only findings of this region (or \`${MINISTRY_ID}\`).` }),
  });
};
