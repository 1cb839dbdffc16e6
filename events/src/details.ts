import * as z from 'zod';
import { type Catalogue, defaultCatalogue, fieldOfAction } from './catalogue';
import { rule } from './field-error-codes';
import { refusing, euroAmount, isoDate, isoDateTime, localDateOf, period, revision, slug, text } from './primitives';

export const DETAIL_TYPES = ['MilestoneReported', 'ProjectReported', 'IndicatorReported', 'FindingPublished'] as const;
export type DetailType = (typeof DETAIL_TYPES)[number];

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'achieved', 'delayed', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const PROJECT_STATUSES = ['planned', 'running', 'completed', 'discontinued'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const FUNDING_SOURCES = ['land', 'bund', 'kommune', 'eu', 'stiftung', 'other'] as const;

/** Fields of every report that its author writes (the API's request bodies have these). */
const reportFields = {
  // Any value but 1 is refused with the rule's code and message before the literal is checked.
  schemaVersion: refusing(z.literal(1), (v) => (v === 1 ? undefined : rule('unsupported_schema_version', 'must be 1', { supported: 1 }))),
  revision,
  reportedAt: isoDateTime,
};
/** Fields every region detail carries (SPEC section 3): the API takes these from path and token. */
const commonFields = {
  ...reportFields,
  regionId: slug,
  reportedBy: text(200),
};

type Ctx<T> = z.core.$RefinementCtx<T>;

const milestoneFields = {
  milestoneId: slug,
  title: text(200),
  status: z.enum(MILESTONE_STATUSES),
  dueDate: isoDate,
  achievedDate: isoDate.optional(),
  fieldOfAction: fieldOfAction.optional(),
  note: text(2000).optional(),
};
type MilestoneRuleInput = { status: MilestoneStatus; achievedDate?: string | undefined; reportedAt: string };
const milestoneRule = <T extends MilestoneRuleInput>(m: T, ctx: Ctx<T>) => {
  if (m.achievedDate === undefined) {
    if (m.status === 'achieved') {
      ctx.addIssue({ code: 'custom', path: ['achievedDate'], ...rule('required_when_achieved', 'is required when status is achieved') });
    }
    return;
  }
  if (m.status !== 'achieved') {
    ctx.addIssue({
      code: 'custom',
      path: ['achievedDate'],
      ...rule('only_when_achieved', `must be given only when status is achieved (status is ${m.status})`, { status: m.status }),
    });
  }
  const reportedOn = localDateOf(m.reportedAt);
  if (m.achievedDate > reportedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['achievedDate'],
      ...rule('after_reported_at', `must not be after reportedAt (${reportedOn})`, { reportedAt: reportedOn }),
    });
  }
};

const projectFields = {
  projectId: slug,
  title: text(200),
  fieldOfAction,
  status: z.enum(PROJECT_STATUSES),
  startDate: isoDate,
  endDate: isoDate.optional(),
  funding: z
    .array(
      z.strictObject({
        programme: text(200),
        source: z.enum(FUNDING_SOURCES),
        amountEur: euroAmount,
      }),
    )
    .max(50, { message: 'must have at most 50 entries' }),
  partners: z.array(text(200)).max(100, { message: 'must have at most 100 entries' }).optional(),
  lighthouse: z.boolean().optional(),
  summary: text(4000).optional(),
};
const projectRule = <T extends { startDate: string; endDate?: string | undefined }>(p: T, ctx: Ctx<T>) => {
  // Stryker disable next-line ConditionalExpression: with no endDate the comparison below is false anyway
  if (p.endDate === undefined) return;
  if (p.endDate < p.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      ...rule('before_start_date', `must not be before startDate (${p.startDate})`, { startDate: p.startDate }),
    });
  }
};

// zod refuses NaN and Infinity as numbers itself (coded not_finite by fieldErrorsOf).
const indicatorValue = z.number({ message: 'must be a number' });

const indicatorFields = (catalogue: Catalogue) => {
  const ids = catalogue.indicators.map((i) => i.id);
  const unknown = `must be an indicator of the catalogue (${ids.length} known, see GET /v1/catalogue)`;
  return {
    indicatorId: refusing(z.enum(ids as [string, ...string[]], { message: unknown }), (v) =>
      typeof v === 'string' && !ids.includes(v) ? rule('unknown_indicator', unknown) : undefined,
    ),
    period,
    values: z.strictObject({
      total: indicatorValue.optional(),
      withMigrationBackground: indicatorValue.optional(),
      withoutMigrationBackground: indicatorValue.optional(),
    }),
    source: text(300).optional(),
    isBaseline: z.boolean().optional(),
  };
};
type IndicatorRuleInput = {
  indicatorId: string;
  values: { total?: number | undefined; withMigrationBackground?: number | undefined; withoutMigrationBackground?: number | undefined };
};
const indicatorRule = (catalogue: Catalogue) => {
  const byId = new Map(catalogue.indicators.map((i) => [i.id, i]));
  return <T extends IndicatorRuleInput>(r: T, ctx: Ctx<T>) => {
    const entries = Object.entries(r.values).filter(([, v]) => v !== undefined) as [string, number][];
    if (entries.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        ...rule('no_values', 'must hold at least one of total, withMigrationBackground, withoutMigrationBackground'),
      });
    }
    const def = byId.get(r.indicatorId);
    // Stryker disable next-line ConditionalExpression: zod applies this rule only once the fields parsed, so the indicator is the catalogue's
    if (def === undefined) return;
    for (const [key, value] of entries) {
      if (key !== 'total' && !def.disaggregated) {
        ctx.addIssue({
          code: 'custom',
          path: ['values', key],
          ...rule('no_breakdown', `is not reported for ${def.id}: the indicator has no breakdown by migration background`, { indicatorId: def.id }),
        });
      } else if (value < def.min || value > def.max) {
        ctx.addIssue({
          code: 'custom',
          path: ['values', key],
          ...rule('out_of_range', `must be between ${def.min} and ${def.max} (${def.unit}) for ${def.id}, got ${value}`, {
            min: def.min,
            max: def.max,
            unit: def.unit,
            value,
          }),
        });
      } else if (def.unit === 'count' && !Number.isInteger(value)) {
        ctx.addIssue({ code: 'custom', path: ['values', key], ...rule('not_whole_number', `must be a whole number (count), got ${value}`, { value }) });
      }
    }
  };
};

const findingFields = {
  findingId: slug,
  title: text(200),
  summary: text(4000),
  fieldOfAction,
  relatedProjectIds: z.array(slug).max(50, { message: 'must have at most 50 entries' }).optional(),
  tags: z.array(text(50)).max(20, { message: 'must have at most 20 entries' }).optional(),
};

/** The detail schemas of the four region detail-types, bound to a catalogue. */
export const buildDetailSchemas = (catalogue: Catalogue) => ({
  MilestoneReported: z.strictObject({ ...commonFields, ...milestoneFields }).superRefine(milestoneRule),
  ProjectReported: z.strictObject({ ...commonFields, ...projectFields }).superRefine(projectRule),
  IndicatorReported: z.strictObject({ ...commonFields, ...indicatorFields(catalogue) }).superRefine(indicatorRule(catalogue)),
  FindingPublished: z.strictObject({ ...commonFields, ...findingFields }),
});
export type DetailSchemas = ReturnType<typeof buildDetailSchemas>;

/**
 * What an author writes of each detail-type: the detail without `regionId` and `reportedBy`, which
 * the HTTP API takes from the path and the token. Same fields, same rules.
 */
export const buildReportBodySchemas = (catalogue: Catalogue) => ({
  MilestoneReported: z.strictObject({ ...reportFields, ...milestoneFields }).superRefine(milestoneRule),
  ProjectReported: z.strictObject({ ...reportFields, ...projectFields }).superRefine(projectRule),
  IndicatorReported: z.strictObject({ ...reportFields, ...indicatorFields(catalogue) }).superRefine(indicatorRule(catalogue)),
  FindingPublished: z.strictObject({ ...reportFields, ...findingFields }),
});
export type ReportBodySchemas = ReturnType<typeof buildReportBodySchemas>;

export const detailSchemas: DetailSchemas = buildDetailSchemas(defaultCatalogue);

export type MilestoneDetail = z.infer<DetailSchemas['MilestoneReported']>;
export type ProjectDetail = z.infer<DetailSchemas['ProjectReported']>;
export type IndicatorDetail = z.infer<DetailSchemas['IndicatorReported']>;
export type FindingDetail = z.infer<DetailSchemas['FindingPublished']>;
export interface DetailByType {
  MilestoneReported: MilestoneDetail;
  ProjectReported: ProjectDetail;
  IndicatorReported: IndicatorDetail;
  FindingPublished: FindingDetail;
}
