import * as z from 'zod';
import { buildReportBodySchemas, type Catalogue, DETAIL_TYPES, type DetailType, MINISTRY_ID, type ReportBodySchemas, rule } from '@modellregionen/events';

export const acceptedSchema = z
  .strictObject({
    eventId: z.string().meta({ description: 'Id of the event put on the bus.' }),
    detailType: z.enum(DETAIL_TYPES),
    regionId: z.string().meta({ description: 'The region from the path.' }),
  })
  .meta({ id: 'Accepted', description: 'The report was valid and is on the bus; the views follow shortly.' });

/** What the body schemas cannot say in JSON Schema: the rules across fields (events/src/details.ts). */
const BODY_DESCRIPTIONS: Readonly<Record<DetailType, string>> = {
  MilestoneReported:
    'A roadmap milestone. `achievedDate` is required when and only when `status` is `achieved`, and must not be after the date of `reportedAt`.',
  ProjectReported: 'A pilot project with its funding. `endDate`, when given, must not be before `startDate`.',
  IndicatorReported:
    '`values` must hold at least one of `total`, `withMigrationBackground`, `withoutMigrationBackground`, each within the valid range of the indicator ' +
    '(whole numbers for `count`); the breakdown by migration background only for indicators reported with it (see GET /v1/catalogue).',
  FindingPublished: `A finding, from a region or (under regionId \`${MINISTRY_ID}\`) from the ministry.`,
};

/** Fields a report's author does not write: where they come from instead. */
const AUTHOR_FIELDS = {
  regionId: rule('set_from_path', 'comes from the path; leave it out'),
  reportedBy: rule('set_from_token', 'comes from the token; leave it out'),
} as const;

/**
 * The body of a report: the detail without `regionId` and `reportedBy`, checked by the same
 * schema and rules as the detail the aggregation validates. A body that names either field is
 * told where it comes from, rather than that it is unknown.
 */
export const reportBody =
  (detailType: DetailType) =>
  (catalogue: Catalogue): z.ZodType<ReportBody<DetailType>> => {
    const schema = buildReportBodySchemas(catalogue)[detailType];
    return z.preprocess(
      (body, ctx) => {
        for (const [field, why] of Object.entries(AUTHOR_FIELDS)) {
          if (typeof body === 'object' && body !== null && Object.hasOwn(body, field)) ctx.addIssue({ code: 'custom', path: [field], input: body, ...why });
        }
        return body;
      },
      schema.meta({ id: `${detailType}Body`, description: BODY_DESCRIPTIONS[detailType] }),
    );
  };
export type ReportBody<T extends DetailType> = z.output<ReportBodySchemas[T]>;
