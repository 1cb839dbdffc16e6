/**
 * The OpenAPI 3.1 document of the HTTP API (SPEC section 4), generated from zod schemas.
 *
 * The operations come from the route table (`ROUTES`), so the document cannot list a route that
 * does not exist or miss one that does. Request bodies of the report routes are the very schemas
 * the API validates with (`buildReportBodySchemas`); the response schemas are written here, after
 * the handlers.
 *
 * Metadata is attached with zod's own `.meta()` (which @asteasolutions/zod-to-openapi reads), so
 * `extendZodWithOpenApi` is not called and no zod prototype is changed. `.meta()` returns a copy,
 * so the shared schemas of `@modellregionen/events` are not changed either.
 */
import { OpenApiGeneratorV31, OpenAPIRegistry, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  buildReportBodySchemas,
  type Catalogue,
  defaultCatalogue,
  DETAIL_TYPES,
  type DetailType,
  FIELDS_OF_ACTION,
  fieldOfAction,
  INDICATOR_UNITS,
  isoDate,
  MILESTONE_STATUSES,
  MINISTRY_ID,
  PROJECT_STATUSES,
  REGION_ROLES,
  regionSchema,
  slug,
} from '@modellregionen/events';
import { json, type RouteContext, type RouteResult } from './context';
import type { ErrorCode } from './errors';
import { MAX_BODY_BYTES } from './middleware/json-body';
import { REVIEWS } from './handlers/reviews';
import { subscriptionRequestSchema } from './handlers/subscriptions';
import type { Principal } from './principal';
import { type Route, ROUTES } from './routes';

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export interface OpenApiOptions {
  /** Base URL of the API for `servers` (default `http://127.0.0.1:3000`, the local runtime). */
  readonly serverUrl?: string;
  /** The catalogue the report bodies are checked against (default: the shipped one). */
  readonly catalogue?: Catalogue;
}

export const DEFAULT_SERVER_URL = 'http://127.0.0.1:3000';
export const OPENAPI_PATH = '/v1/openapi.json';

/** The route that serves this document; added to the document even while ROUTES lacks it. */
export const OPENAPI_ROUTE = {
  id: 'getOpenApiDocument',
  method: 'GET',
  path: OPENAPI_PATH,
  summary: 'This OpenAPI document',
} as const;

/** The report routes and the detail-type each one publishes. */
export const REPORT_ROUTE_DETAIL_TYPES: Readonly<Record<string, DetailType>> = {
  postMilestone: 'MilestoneReported',
  postProject: 'ProjectReported',
  postIndicator: 'IndicatorReported',
  postFinding: 'FindingPublished',
};

// ---------------------------------------------------------------------------------------------
// Shared pieces

const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'invalid_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'bad_gateway',
  'service_unavailable',
  'internal_error',
] as const satisfies readonly ErrorCode[];
// Fails to compile when errors.ts gains a code that is not listed above.
const everyErrorCodeListed: Exclude<ErrorCode, (typeof ERROR_CODES)[number]> extends never ? true : never = true;
void everyErrorCodeListed;

const count = z.int().min(0);
const date = (description?: string) => isoDate.meta({ format: 'date', ...(description !== undefined ? { description } : {}) });
const dateTime = z.string().meta({ format: 'date-time', description: 'ISO 8601 date-time.' });
const nullableDateTime = dateTime.nullable();

const FieldErrorSchema = z
  .object({
    path: z.string().meta({ description: 'Dotted path relative to the detail, e.g. `achievedDate` or `funding.0.amountEur`.' }),
    message: z.string(),
  })
  .meta({ id: 'FieldError', description: 'One offending field.' });

const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: 'What went wrong, for a person to read.' }),
      details: z.array(FieldErrorSchema).optional().meta({ description: 'The offending fields (with `validation_failed`).' }),
    }),
  })
  .meta({ id: 'Error', description: 'Every error of the API: `{ "error": { code, message, details? } }`.' });

const AcceptedSchema = z
  .object({
    eventId: z.string().meta({ description: 'Id of the event put on the bus.' }),
    detailType: z.enum(DETAIL_TYPES),
    regionId: z.string().meta({ description: 'The region from the path.' }),
  })
  .meta({ id: 'Accepted', description: 'The report was valid and is on the bus; the views follow shortly.' });

/** A catalogue indicator as the API shows it (see `indicatorView`). */
const IndicatorSchema = z
  .object({
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

const CatalogueSchema = z
  .object({
    regions: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: z.enum(regionSchema.shape.kind.options),
        programmes: z.array(z.string()),
        role: z.enum(REGION_ROLES),
      }),
    ),
    fieldsOfAction: z.array(z.object({ id: fieldOfAction, titleDe: z.string(), titleEn: z.string() })),
    indicators: z.array(IndicatorSchema),
  })
  .meta({ id: 'Catalogue', description: 'The catalogues the validator uses.' });

const countsOf = <const K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, count])) as Record<K, typeof count>);
const optionalCountsOf = <const K extends string>(keys: readonly K[]) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, count.optional()])) as Record<K, z.ZodOptional<typeof count>>);

const MilestoneBlockSchema = z
  .strictObject({
    total: count,
    overdue: count.meta({ description: 'Neither achieved nor cancelled, with dueDate before asOf.' }),
    byStatus: countsOf(MILESTONE_STATUSES),
  })
  .meta({ id: 'MilestoneBlock' });

const ProjectBlockSchema = z
  .strictObject({
    total: count,
    fundingEur: z.number().min(0),
    byStatus: countsOf(PROJECT_STATUSES),
    byFieldOfAction: optionalCountsOf(FIELDS_OF_ACTION).meta({ description: 'Only fields of action with projects are listed.' }),
  })
  .meta({ id: 'ProjectBlock' });

const CompetenceCircleSchema = z
  .strictObject({
    asOf: date('Berlin date the view is as of (today without `asOf`).'),
    regions: z.array(
      z.strictObject({
        regionId: z.string(),
        name: z.string(),
        milestones: MilestoneBlockSchema,
        projects: ProjectBlockSchema,
        indicators: z.strictObject({
          reported: count,
          latestPeriod: z.string().nullable(),
          completeness: z.number().min(0).max(1).meta({ description: 'Share of catalogue indicators with a value for the latest period.' }),
        }),
        lastReportedAt: nullableDateTime,
      }),
    ).meta({ description: 'Every model region of the registry, in registry order, with zeros where it reported nothing.' }),
    totals: z.strictObject({
      milestones: MilestoneBlockSchema,
      projects: ProjectBlockSchema,
      indicators: z.strictObject({ reported: count }),
    }),
  })
  .meta({ id: 'CompetenceCircle', description: 'All model regions side by side (SPEC section 4).' });

const RejectionsSchema = z
  .object({
    rejections: z.array(
      z.object({
        eventId: z.string(),
        detailType: z.string(),
        receivedAt: dateTime,
        errors: z.array(FieldErrorSchema),
      }),
    ).meta({ description: 'Newest first.' }),
  })
  .meta({ id: 'Rejections', description: "The region's quarantined reports with their reasons." });

const FindingSchema = z
  .object({
    regionId: z.string().meta({ description: `A region id, or \`${MINISTRY_ID}\`.` }),
    regionName: z.string(),
    findingId: z.string(),
    title: z.string(),
    summary: z.string(),
    fieldOfAction,
    fieldOfActionTitle: z.string(),
    tags: z.array(z.string()),
    relatedProjectIds: z.array(z.string()),
    revision: z.int().min(1),
    reportedAt: dateTime,
    reportedBy: z.string(),
  })
  .meta({ id: 'Finding' });

const FindingsSchema = z
  .object({ findings: z.array(FindingSchema).meta({ description: 'Newest first.' }) })
  .meta({ id: 'Findings' });

const nullableNumber = z.number().nullable();

const IndicatorProgressSchema = z
  .looseObject({
    indicatorId: z.string(),
    unit: z.enum(INDICATOR_UNITS),
    higherIsBetter: z.boolean(),
    disaggregated: z.boolean(),
    baselinePeriod: z.string(),
    latestPeriod: z.string(),
    points: z.array(
      z.looseObject({
        period: z.string(),
        total: nullableNumber,
        withMigrationBackground: nullableNumber,
        withoutMigrationBackground: nullableNumber,
        gap: nullableNumber.meta({ description: 'With minus without migration background.' }),
        isBaseline: z.boolean(),
        source: z.string().nullable(),
      }),
    ),
    changeSinceBaseline: z.looseObject({ total: nullableNumber, gap: nullableNumber }),
    gapNarrowed: z.boolean().nullable(),
    totalImproved: z.boolean().nullable(),
  })
  .meta({ id: 'IndicatorProgress', description: 'One indicator of one region: its values per period and the change since the baseline.' });

const reportedFields = {
  revision: z.int().min(1),
  reportedAt: dateTime,
  reportedBy: z.string(),
};

const RegionDetailSchema = z
  .looseObject({
    regionId: z.string(),
    name: z.string(),
    kind: z.string().meta({ description: `A region kind, or \`ministry\` for \`${MINISTRY_ID}\`.` }),
    role: z.string().meta({ description: `A region role, or \`ministry\` for \`${MINISTRY_ID}\`.` }),
    lastReportedAt: nullableDateTime,
    milestones: z.array(
      z.looseObject({
        milestoneId: z.string(),
        title: z.string(),
        status: z.enum(MILESTONE_STATUSES),
        dueDate: date(),
        achievedDate: date().optional(),
        overdue: z.boolean(),
        ...reportedFields,
      }),
    ),
    projects: z.array(
      z.looseObject({
        projectId: z.string(),
        title: z.string(),
        fieldOfAction,
        status: z.enum(PROJECT_STATUSES),
        startDate: date(),
        fundingEur: z.number().min(0).meta({ description: 'Sum of the funding entries.' }),
        ...reportedFields,
      }),
    ),
    indicators: z.array(IndicatorProgressSchema),
    findings: z.array(
      z.looseObject({ findingId: z.string(), title: z.string(), summary: z.string(), fieldOfAction, ...reportedFields }),
    ),
  })
  .meta({ id: 'RegionDetail', description: "The region's current milestones, projects, indicator values and findings." });

const IndicatorComparisonSchema = z
  .looseObject({
    indicator: IndicatorSchema,
    regions: z.array(
      z.looseObject({
        regionId: z.string(),
        name: z.string(),
        baselinePeriod: z.string().nullable(),
        latestPeriod: z.string().nullable(),
        changeSinceBaseline: z.looseObject({ total: nullableNumber, gap: nullableNumber }),
        gapNarrowed: z.boolean().nullable(),
        totalImproved: z.boolean().nullable(),
      }),
    ),
    periods: z.array(
      z.looseObject({
        period: z.string(),
        regions: z
          .record(
            z.string(),
            z.looseObject({
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

const REVIEW_IDS = Object.keys(REVIEWS) as [keyof typeof REVIEWS, ...(keyof typeof REVIEWS)[]];

const ReviewSchema = z
  .looseObject({
    reviewId: z.enum(REVIEW_IDS),
    title: z.string(),
    cutoff: date(),
    status: z.enum(['open', 'closed']),
    closedAt: dateTime.optional(),
    closedBy: z.string().optional(),
    competenceCircle: CompetenceCircleSchema,
    indicators: z.array(z.looseObject({ regionId: z.string(), progress: z.array(IndicatorProgressSchema) })),
    lateAmendments: z
      .array(
        z.looseObject({
          eventId: z.string(),
          regionId: z.string(),
          detailType: z.enum(DETAIL_TYPES),
          item: z.string(),
          revision: z.int().min(1),
          reportedAt: dateTime,
          receivedAt: dateTime,
          acceptedAt: dateTime,
        }),
      )
      .meta({ description: 'Reports made by the cutoff that the closed review does not reflect: they reached the backend after it was closed. In the order the bus accepted them.' }),
  })
  .meta({ id: 'Review', description: 'The competence-circle view as known at the cutoff, with indicator change since baseline.' });

const DocumentSchema = z
  .looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string(), version: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'OpenApiDocument', description: 'This document.' });

/** The response schemas of the document, for tests that hold handler output against them. */
export const responseSchemas = {
  Error: ErrorSchema,
  Accepted: AcceptedSchema,
  Catalogue: CatalogueSchema,
  CompetenceCircle: CompetenceCircleSchema,
  Rejections: RejectionsSchema,
  Findings: FindingsSchema,
  RegionDetail: RegionDetailSchema,
  IndicatorComparison: IndicatorComparisonSchema,
  Review: ReviewSchema,
} as const;

// ---------------------------------------------------------------------------------------------
// Parameters

const PATH_PARAMETERS: Readonly<Record<string, z.ZodType>> = {
  regionId: slug.meta({
    description: `Id of a region of the registry (see GET /v1/catalogue), e.g. \`wetzlar\`; \`${MINISTRY_ID}\` for the ministry's findings.`,
    example: 'wetzlar',
  }),
  indicatorId: slug.meta({ description: 'Id of an indicator of the catalogue (see GET /v1/catalogue).' }),
  reviewId: z.enum(REVIEW_IDS).meta({
    description: REVIEW_IDS.map((id) => `\`${id}\`: ${REVIEWS[id].title}, cutoff ${REVIEWS[id].cutoff}`).join('; '),
  }),
};

const pathParamsOf = (path: string) => {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  if (names.length === 0) return undefined;
  return z.object(
    Object.fromEntries(names.map((n) => [n, PATH_PARAMETERS[n] ?? z.string().meta({ description: `The ${n} named by the path.` })])),
  );
};

const findingsQuery = z.object({
  fieldOfAction: fieldOfAction.optional().meta({ description: 'Only findings in this field of action.' }),
  regionId: slug.optional().meta({ description: `Only findings of this region (or \`${MINISTRY_ID}\`).` }),
});

// ---------------------------------------------------------------------------------------------
// Operations

const jsonContent = (schema: z.ZodType) => ({ 'application/json': { schema } });

interface OperationSpec {
  readonly success: { readonly status: 200 | 201 | 202 | 204; readonly response: ResponseConfig };
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  /** Validates query or body: 400. */
  readonly validatesInput?: boolean;
  /** Reads a JSON body and publishes to the bus: 413, 415, 502. */
  readonly publishes?: boolean;
  /** Reads a JSON body: 413, 415. */
  readonly readsBody?: boolean;
  /** 409 and why. */
  readonly conflict?: string;
  /** Answers without the store (otherwise: 503 when the store is not available). */
  readonly storeless?: boolean;
  readonly description?: string;
}

const ok = (description: string, schema: z.ZodType): OperationSpec['success'] => ({
  status: 200,
  response: { description, content: jsonContent(schema) },
});

const SubscriptionSchema = z
  .object({
    subscriptionId: z.string(),
    subscriber: z.string(),
    municipality: z.string(),
    callbackUrl: z.string(),
    fieldsOfAction: z.array(fieldOfAction),
    secret: z.string().meta({ description: 'The HMAC-SHA256 key of the signatures; shown only in this response.' }),
    createdAt: dateTime,
    signature: z.string().meta({ description: 'How deliveries are signed.' }),
  })
  .meta({ id: 'Subscription' });

const STATIC_OPERATIONS: Readonly<Record<string, OperationSpec>> = {
  getSubscriptions: {
    success: ok("The caller's subscriptions (without their secrets).", z.object({ subscriptions: z.array(SubscriptionSchema.omit({ secret: true, signature: true })) })),
  },
  deleteSubscription: {
    success: { status: 204, response: { description: 'The subscription is gone; no further deliveries start.' } },
  },
  postSubscription: {
    success: { status: 201, response: { description: 'The subscription, with its signing secret.', content: jsonContent(SubscriptionSchema) } },
    body: subscriptionRequestSchema.meta({ id: 'SubscriptionRequest' }),
    validatesInput: true,
    readsBody: true,
    description:
      'Each new finding (in the given fields of action, or all) is delivered to callbackUrl as a POST with the header x-modellregionen-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, and x-modellregionen-delivery naming the delivery (the same on every retry). Failed deliveries are retried with exponential backoff for about a day, then kept for a redrive; never lost. The callback must be https on a public host.',
  },
  closeReview: {
    success: ok('The review, now closed.', ReviewSchema),
    conflict: 'The review is closed already; a closed review stays as it was.',
    description: 'Freezes the review: later corrections no longer change it and are listed as late amendments. No request body.',
  },
  getRejections: { success: ok("The region's quarantined reports, newest first.", RejectionsSchema) },
  getRegion: { success: ok('The region.', RegionDetailSchema) },
  getCatalogue: { success: ok('The catalogues.', CatalogueSchema), storeless: true },
  getCompetenceCircle: {
    success: ok('The competence-circle view.', CompetenceCircleSchema),
    query: z.object({
      asOf: isoDate.optional().meta({
        format: 'date',
        description:
          'A date (YYYY-MM-DD, Europe/Berlin): only reports made before the end of that day count. Default: today, with every report.',
        example: '2012-02-29',
      }),
    }),
    validatesInput: true,
  },
  getIndicator: { success: ok('The indicator for all model regions.', IndicatorComparisonSchema) },
  getReview: { success: ok('The review: open (computed now) or closed (frozen).', ReviewSchema) },
  getFindings: { success: ok('The published findings, newest first.', FindingsSchema), query: findingsQuery, validatesInput: true },
  getFindingsAtom: {
    success: {
      status: 200,
      response: {
        description: 'An Atom 1.0 feed (RFC 4287) of the published findings, newest first.',
        content: { 'application/atom+xml': { schema: z.string().meta({ description: 'The Atom document.' }) } },
      },
    },
    query: findingsQuery,
    validatesInput: true,
    description: 'Errors are answered as JSON, like everywhere in the API.',
  },
  [OPENAPI_ROUTE.id]: { success: ok('The OpenAPI 3.1 document of the API.', DocumentSchema) },
};

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

const reportOperation = (detailType: DetailType, body: z.ZodType): OperationSpec => ({
  success: { status: 202, response: { description: 'Accepted: the report is valid and on the bus.', content: jsonContent(AcceptedSchema) } },
  body,
  validatesInput: true,
  publishes: true,
  description:
    `The body is a \`${detailType}\` detail without \`regionId\` (from the path) and \`reportedBy\` (from the token); ` +
    'unknown fields are rejected. The report is validated exactly as the aggregation will validate it.',
});

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Bad input (`validation_failed` with the offending fields in `details`, `bad_request`, `invalid_json`).',
  401: 'No bearer token, or the token is not valid (`unauthorized`).',
  403: 'The token names a role or region that may not call this (`forbidden`).',
  404: 'The path names nothing that exists (`not_found`).',
  409: 'Conflict (`conflict`).',
  413: `The body is larger than ${MAX_BODY_BYTES / 1024} KiB (\`payload_too_large\`).`,
  415: 'The body is not sent as application/json (`unsupported_media_type`).',
  500: 'An unexpected error; it says nothing of the internals (`internal_error`).',
  502: 'The event bus did not accept the report; nothing was recorded, send it again (`bad_gateway`).',
  503: 'The data store is unreachable, too slow or throttling; try again after the seconds in Retry-After (`service_unavailable`).',
};

const errorResponse = (status: number, description?: string): ResponseConfig => ({
  description: description ?? ERROR_DESCRIPTIONS[status] ?? 'Error.',
  ...(status === 503
    ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } } } }
    : {}),
  content: jsonContent(ErrorSchema),
});

// ---------------------------------------------------------------------------------------------
// Who may call a route: found by asking its access rule about sample principals.

const PROBE_REGION = 'region-a';
const OTHER_REGION = 'region-b';
const coordinator: Principal = { role: 'coordinator', subject: 'probe', name: 'probe', regionId: PROBE_REGION };
const ministryPrincipal: Principal = { role: 'ministry', subject: 'probe', name: 'probe' };
const subscriber: Principal = { role: 'subscriber', subject: 'probe', name: 'probe', municipality: 'probe' };

const accessDescription = (route: Pick<Route, 'access' | 'path'>): string => {
  const access = route.access;
  if (access === 'public') return 'Public: no token needed.';
  const allowed = (p: Principal, regionId: string) => access(p, { regionId, indicatorId: 'probe', reviewId: 'probe' }) === true;
  const who: string[] = [];
  const byRegion = route.path.includes('{regionId}');
  if (allowed(coordinator, PROBE_REGION)) {
    who.push(byRegion && !allowed(coordinator, OTHER_REGION) ? 'the coordinator of the region in the path' : 'coordinators');
  }
  const ministryRegion = allowed(ministryPrincipal, PROBE_REGION);
  const ministryOwn = allowed(ministryPrincipal, MINISTRY_ID);
  if (ministryRegion) who.push('the ministry');
  else if (byRegion && ministryOwn) who.push(`the ministry (under regionId \`${MINISTRY_ID}\`)`);
  if (allowed(subscriber, PROBE_REGION)) who.push('subscribers');
  return who.length === 0 ? 'No role may call this.' : `Who may call it: ${who.join(', ')}.`;
};

// ---------------------------------------------------------------------------------------------
// Tags

const TAGS = [
  { name: 'Reporting', description: 'Coordinators report milestones, projects, indicator values and findings, and see rejected reports.' },
  { name: 'Views', description: 'The catalogue, the competence circle, a region, an indicator across regions.' },
  { name: 'Reviews', description: 'The mid-term review and the final evaluation.' },
  { name: 'Findings', description: 'What the regions learn, for every municipality.' },
  { name: 'Meta', description: 'About the API itself.' },
] as const;
type Tag = (typeof TAGS)[number]['name'];

const tagsOf = (route: Pick<Route, 'method' | 'path'>): Tag[] => {
  const { method, path } = route;
  if (path === OPENAPI_PATH) return ['Meta'];
  if (path.startsWith('/v1/reviews')) return ['Reviews'];
  if (path.startsWith('/v1/findings')) return ['Findings'];
  if (path.startsWith('/v1/regions/') && method === 'POST') return path.endsWith('/findings') ? ['Reporting', 'Findings'] : ['Reporting'];
  if (path.endsWith('/rejections')) return ['Reporting'];
  return ['Views'];
};

// ---------------------------------------------------------------------------------------------
// The document

const UNDOCUMENTED = 'Undocumented: openapi.ts describes no response for this route yet.';

type DocumentedRoute = Pick<Route, 'id' | 'method' | 'path' | 'summary' | 'access'>;

const operationOf = (route: DocumentedRoute, spec: OperationSpec | undefined): RouteConfig => {
  const isPublic = route.access === 'public';
  const params = pathParamsOf(route.path);
  const responses: RouteConfig['responses'] = {};
  if (spec === undefined) {
    responses['200'] = { description: UNDOCUMENTED, content: jsonContent(z.unknown()) };
  } else {
    responses[String(spec.success.status)] = spec.success.response;
  }
  if (spec?.validatesInput) responses['400'] = errorResponse(400);
  if (!isPublic) {
    responses['401'] = errorResponse(401);
    responses['403'] = errorResponse(403);
  }
  if (params !== undefined) responses['404'] = errorResponse(404);
  if (spec?.conflict !== undefined) responses['409'] = errorResponse(409, spec.conflict);
  if (spec?.publishes || spec?.readsBody) {
    responses['413'] = errorResponse(413);
    responses['415'] = errorResponse(415);
  }
  responses['500'] = errorResponse(500);
  if (spec?.publishes) responses['502'] = errorResponse(502);
  if (!isPublic && !spec?.publishes && !spec?.storeless) responses['503'] = errorResponse(503);

  const request: NonNullable<RouteConfig['request']> = {};
  if (params !== undefined) request.params = params;
  if (spec?.query !== undefined) request.query = spec.query;
  if (spec?.body !== undefined) {
    request.body = { required: true, description: `${spec.readsBody ? 'The request' : 'The report'} (application/json, at most ${MAX_BODY_BYTES / 1024} KiB).`, content: jsonContent(spec.body) };
  }

  return {
    method: route.method === 'GET' ? 'get' : route.method === 'DELETE' ? 'delete' : 'post',
    path: route.path,
    operationId: route.id,
    summary: route.summary,
    description: [spec?.description, accessDescription(route)].filter((s) => s !== undefined).join('\n\n'),
    tags: tagsOf(route),
    ...(isPublic ? { security: [] } : {}),
    ...(Object.keys(request).length > 0 ? { request } : {}),
    responses,
  };
};

const INFO_DESCRIPTION = [
  'Reporting backend of the Hessian programme "Modellregionen Integration".',
  '',
  'Roles (from the bearer token; Amazon Cognito on AWS, a local development issuer offline):',
  '- **coordinator**: the coordination office of one model region. Reports milestones, projects, indicator values and findings for its own region, sees its region and its rejected reports.',
  `- **ministry**: steers the programme. Sees every region, the competence circle, indicators across regions and the reviews; closes reviews; publishes findings under \`${MINISTRY_ID}\`.`,
  '- **subscriber**: another municipality. Reads the published findings (JSON and Atom) and subscribes webhooks to new ones.',
  '',
  'Every error is `{ "error": { "code", "message", "details"? } }` with the matching status.',
].join('\n');

/**
 * The OpenAPI 3.1.0 document of the API: one operation per route of ROUTES, plus
 * `GET /v1/openapi.json` itself.
 */
export function buildOpenApiDocument(options: OpenApiOptions = {}): OpenApiDocument {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const bodies = buildReportBodySchemas(catalogue);
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A JWT naming the role (`cognito:groups`) and, for coordinators, the region (`custom:region`).',
  });

  const routes: DocumentedRoute[] = [...ROUTES];
  if (!routes.some((r) => r.method === OPENAPI_ROUTE.method && r.path === OPENAPI_ROUTE.path)) {
    routes.push({ ...OPENAPI_ROUTE, access: 'public' });
  }
  for (const route of routes) {
    const detailType = REPORT_ROUTE_DETAIL_TYPES[route.id];
    const spec =
      detailType !== undefined
        ? reportOperation(detailType, bodies[detailType].meta({ id: `${detailType}Body`, description: BODY_DESCRIPTIONS[detailType] }))
        : route.path === OPENAPI_ROUTE.path
          ? STATIC_OPERATIONS[OPENAPI_ROUTE.id]
          : STATIC_OPERATIONS[route.id];
    registry.registerPath(operationOf(route, spec));
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Modellregionen Integration API', version: '1.0.0', description: INFO_DESCRIPTION },
    servers: [{ url: options.serverUrl ?? DEFAULT_SERVER_URL }],
    security: [{ bearerAuth: [] }],
    tags: TAGS.map((t) => ({ ...t })),
  });
}

let lastServed: { catalogue: Catalogue; serverUrl: string; document: OpenApiDocument } | undefined;

/**
 * Handler for `GET /v1/openapi.json` (public), for the route table: the document with this
 * deployment's URL and catalogue. A function declaration, so that routes.ts may import it even
 * though this module imports routes.ts.
 */
export async function getOpenApiDocument(ctx: RouteContext): Promise<RouteResult> {
  const host = ctx.event.requestContext.domainName;
  const proto = ctx.event.headers?.['x-forwarded-proto'] ?? 'https';
  const serverUrl = `${proto}://${host}`;
  const { catalogue } = ctx.deps;
  // Building takes some milliseconds; a warm function answers from the last build.
  if (lastServed === undefined || lastServed.catalogue !== catalogue || lastServed.serverUrl !== serverUrl) {
    lastServed = { catalogue, serverUrl, document: buildOpenApiDocument({ serverUrl, catalogue }) };
  }
  return json(lastServed.document);
}
