import * as z from 'zod';
import type { DetailType } from '@modellregionen/events';
import { ANY_ROLE, MINISTRY, OWN_REGION_OR_MINISTRY, PUBLISHER, REPORTER, SUBSCRIBER } from './access';
import { findingsFeed, listFindings } from './handlers/findings';
import { publishReport } from './handlers/reports';
import { closeReview, review } from './handlers/reviews';
import { subscribe, subscriptionsOf, unsubscribe } from './handlers/subscriptions';
import { catalogueView, competenceCircleView, fundingView, indicatorComparison, itemHistory, regionDetail, rejectionsOf } from './handlers/views';
import { asOfQuery, findingsQuery, indicatorPath, itemQuery, regionPath, reviewPath, subscriptionPath } from './parameters';
import { baseUrlOf } from './request-url';
import { route, type Route } from './route';
import { catalogueSchema } from './schemas/catalogue';
import { competenceCircleSchema } from './schemas/competence-circle';
import { findingsSchema } from './schemas/findings';
import { fundingSchema } from './schemas/funding';
import { indicatorComparisonSchema } from './schemas/indicators';
import { openApiDocumentSchema } from './schemas/openapi-document';
import { itemRevisionsSchema, regionDetailSchema, rejectionsSchema } from './schemas/region';
import { acceptedSchema, reportBody } from './schemas/reports';
import { reviewSchema } from './schemas/review';
import { newSubscriptionSchema, subscriptionRequestSchema, subscriptionsSchema } from './schemas/subscriptions';

/** `POST /v1/regions/{regionId}/<kind>`: a report of one detail-type, published to the bus. */
const reportRoute = (id: string, kind: string, detailType: DetailType, summary: string, access: typeof REPORTER | typeof PUBLISHER) =>
  route({
    id,
    method: 'POST',
    path: `/v1/regions/{regionId}/${kind}`,
    fn: 'write',
    access,
    summary,
    description:
      `The body is a \`${detailType}\` detail without \`regionId\` (from the path) and \`reportedBy\` (from the token); ` +
      'unknown fields are rejected. The report is validated exactly as the aggregation will validate it.',
    tags: detailType === 'FindingPublished' ? ['Reporting', 'Findings'] : ['Reporting'],
    request: {
      params: regionPath,
      body: { schema: reportBody(detailType), invalid: `the ${detailType} report is not valid`, description: 'The report' },
    },
    responses: { 202: { description: 'Accepted: the report is valid and on the bus.', schema: acceptedSchema } },
    errors: { 502: true },
    handler: async ({ deps, principal, params, body }) => ({
      status: 202,
      body: await publishReport(deps, { detailType, regionId: params.regionId, reporter: principal, body }),
    }),
  });

const atom = z.string().meta({ description: 'The Atom document.' });

/**
 * Every route of the HTTP API, once, with its contract: the Lambda routers, the local server, the
 * role-matrix test, the OpenAPI document and the CDK stack's API routes all come from this table.
 */
export const ROUTES: readonly Route[] = [
  reportRoute('postMilestone', 'milestones', 'MilestoneReported', 'Report a roadmap milestone', REPORTER),
  reportRoute('postProject', 'projects', 'ProjectReported', 'Report a pilot project', REPORTER),
  reportRoute('postIndicator', 'indicators', 'IndicatorReported', 'Report an indicator value for a period', REPORTER),
  reportRoute('postFinding', 'findings', 'FindingPublished', 'Publish a finding', PUBLISHER),
  route({
    id: 'postSubscription',
    method: 'POST',
    path: '/v1/subscriptions',
    fn: 'write',
    access: SUBSCRIBER,
    summary: 'Subscribe a webhook to new findings',
    description:
      'Each new finding (in the given fields of action, or all) is delivered to callbackUrl as a POST with the header x-modellregionen-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, and x-modellregionen-delivery naming the delivery (the same on every retry). Failed deliveries are retried with exponential backoff for about a day, then kept for a redrive; never lost. The callback must be https on a public host.',
    tags: ['Findings'],
    request: { body: { schema: subscriptionRequestSchema, invalid: 'the subscription is not valid', description: 'The subscription' } },
    responses: { 201: { description: 'The subscription, with its signing secret.', schema: newSubscriptionSchema } },
    errors: { 400: 'Bad input, or a callback URL that is not allowed (`validation_failed`, `bad_request`, `invalid_json`).', 503: true },
    handler: async ({ deps, principal, body }) => ({ status: 201, body: await subscribe(deps, principal, body) }),
  }),
  route({
    id: 'getSubscriptions',
    method: 'GET',
    path: '/v1/subscriptions',
    fn: 'read',
    access: SUBSCRIBER,
    summary: "The caller's webhook subscriptions",
    tags: ['Findings'],
    responses: { 200: { description: "The caller's subscriptions (without their secrets).", schema: subscriptionsSchema } },
    errors: { 503: true },
    handler: async ({ deps, principal }) => ({ status: 200, body: await subscriptionsOf(deps, principal) }),
  }),
  route({
    id: 'deleteSubscription',
    method: 'DELETE',
    path: '/v1/subscriptions/{subscriptionId}',
    fn: 'write',
    access: SUBSCRIBER,
    summary: 'End a webhook subscription',
    tags: ['Findings'],
    request: { params: subscriptionPath },
    responses: { 204: { description: 'The subscription is gone; no further deliveries start.' } },
    errors: { 404: 'No subscription of the caller has this id (`not_found`).', 503: true },
    handler: async ({ deps, principal, params }) => {
      await unsubscribe(deps, principal, params.subscriptionId);
      return { status: 204 };
    },
  }),
  route({
    id: 'closeReview',
    method: 'POST',
    path: '/v1/reviews/{reviewId}/close',
    fn: 'write',
    access: MINISTRY,
    summary: 'Close (freeze) a review',
    description: 'Freezes the review: later corrections no longer change it and are listed as late amendments. No request body.',
    tags: ['Reviews'],
    request: { params: reviewPath },
    responses: { 200: { description: 'The review, now closed.', schema: reviewSchema } },
    errors: { 409: 'The review is closed already; a closed review stays as it was (`conflict`).', 503: true },
    handler: async ({ deps, principal, params }) => ({ status: 200, body: await closeReview(deps, params.reviewId, principal) }),
  }),
  route({
    id: 'getRejections',
    method: 'GET',
    path: '/v1/regions/{regionId}/rejections',
    fn: 'read',
    access: OWN_REGION_OR_MINISTRY,
    summary: "A region's quarantined reports, newest first",
    tags: ['Reporting'],
    request: { params: regionPath },
    responses: { 200: { description: "The region's quarantined reports, newest first.", schema: rejectionsSchema } },
    errors: { 503: true },
    handler: async ({ deps, params }) => ({ status: 200, body: await rejectionsOf(deps, params.regionId) }),
  }),
  route({
    id: 'getRegion',
    method: 'GET',
    path: '/v1/regions/{regionId}',
    fn: 'read',
    access: OWN_REGION_OR_MINISTRY,
    summary: "A region's milestones, projects, indicators and findings",
    tags: ['Views'],
    request: { params: regionPath },
    responses: { 200: { description: 'The region.', schema: regionDetailSchema } },
    errors: { 503: true },
    handler: async ({ deps, params }) => ({ status: 200, body: await regionDetail(deps, params.regionId) }),
  }),
  route({
    id: 'getItemRevisions',
    method: 'GET',
    path: '/v1/regions/{regionId}/revisions',
    fn: 'read',
    access: OWN_REGION_OR_MINISTRY,
    summary: "An item's history: every revision, who reported it and when",
    description:
      'From the audit records the backend keeps of every accepted report, also of those a later revision had superseded before they arrived. ' +
      'An item that was never reported has an empty history (the key names an item that may yet be reported, so this is no 404).',
    tags: ['Views'],
    request: { params: regionPath, query: itemQuery },
    responses: { 200: { description: "The item's revisions, newest first.", schema: itemRevisionsSchema } },
    errors: { 400: 'The item key is missing or malformed (`validation_failed`).', 503: true },
    handler: async ({ deps, params, query }) => ({ status: 200, body: await itemHistory(deps, params.regionId, query.item) }),
  }),
  route({
    id: 'getCatalogue',
    method: 'GET',
    path: '/v1/catalogue',
    fn: 'read',
    access: ANY_ROLE,
    summary: 'Regions, fields of action and indicators',
    tags: ['Views'],
    responses: { 200: { description: 'The catalogues.', schema: catalogueSchema } },
    handler: async ({ deps }) => ({ status: 200, body: catalogueView(deps.catalogue) }),
  }),
  route({
    id: 'getCompetenceCircle',
    method: 'GET',
    path: '/v1/competence-circle',
    fn: 'read',
    access: MINISTRY,
    summary: 'All model regions side by side',
    tags: ['Views'],
    request: { query: asOfQuery },
    responses: { 200: { description: 'The competence-circle view.', schema: competenceCircleSchema } },
    errors: { 503: true },
    handler: async ({ deps, query }) => ({ status: 200, body: await competenceCircleView(deps, query.asOf) }),
  }),
  route({
    id: 'getFunding',
    method: 'GET',
    path: '/v1/funding',
    fn: 'read',
    access: MINISTRY,
    summary: "Funding of the model regions' projects by source, programme and region",
    tags: ['Views'],
    responses: { 200: { description: 'The funding of the current projects.', schema: fundingSchema } },
    errors: { 503: true },
    handler: async ({ deps }) => ({ status: 200, body: await fundingView(deps) }),
  }),
  route({
    id: 'getIndicator',
    method: 'GET',
    path: '/v1/indicators/{indicatorId}',
    fn: 'read',
    access: MINISTRY,
    summary: 'One indicator for all regions, per period, with the gap',
    tags: ['Views'],
    request: { params: indicatorPath },
    responses: { 200: { description: 'The indicator for all model regions.', schema: indicatorComparisonSchema } },
    errors: { 503: true },
    handler: async ({ deps, params }) => ({ status: 200, body: await indicatorComparison(deps, params.indicatorId) }),
  }),
  route({
    id: 'getReview',
    method: 'GET',
    path: '/v1/reviews/{reviewId}',
    fn: 'read',
    access: MINISTRY,
    summary: 'The mid-term review or the final evaluation',
    tags: ['Reviews'],
    request: { params: reviewPath },
    responses: { 200: { description: 'The review: open (computed now) or closed (frozen).', schema: reviewSchema } },
    errors: { 503: true },
    handler: async ({ deps, params }) => ({ status: 200, body: await review(deps, params.reviewId) }),
  }),
  route({
    id: 'getFindings',
    method: 'GET',
    path: '/v1/findings',
    fn: 'read',
    access: ANY_ROLE,
    summary: 'Published findings',
    tags: ['Findings'],
    request: { query: findingsQuery },
    responses: { 200: { description: 'The published findings, newest first.', schema: findingsSchema } },
    errors: { 503: true },
    handler: async ({ deps, query }) => ({ status: 200, body: { findings: await listFindings(deps, query) } }),
  }),
  route({
    id: 'getFindingsAtom',
    method: 'GET',
    path: '/v1/findings.atom',
    fn: 'read',
    access: ANY_ROLE,
    summary: 'Published findings as an Atom feed',
    description: 'Errors are answered as JSON, like everywhere in the API.',
    tags: ['Findings'],
    request: { query: findingsQuery },
    responses: {
      200: { description: 'An Atom 1.0 feed (RFC 4287) of the published findings, newest first.', schema: atom, mediaType: 'application/atom+xml' },
    },
    errors: { 503: true },
    handler: async ({ deps, query, event }) => ({ status: 200, body: await findingsFeed(deps, query, event) }),
  }),
  route({
    id: 'getOpenApi',
    method: 'GET',
    path: '/v1/openapi.json',
    fn: 'read',
    access: 'public',
    summary: 'This API as an OpenAPI 3.1 document',
    tags: ['Meta'],
    responses: { 200: { description: 'The OpenAPI 3.1 document of the API.', schema: openApiDocumentSchema } },
    // ROUTES is read when the document is asked for, long after this table is built. The generator
    // is loaded only where no prebuilt document is given (the Lambda bundles leave it out).
    handler: async ({ deps, event }) => ({
      status: 200,
      body: deps.openApiDocument?.(baseUrlOf(event)) ?? (await import('./openapi')).servedOpenApiDocument(ROUTES, deps.catalogue, baseUrlOf(event)),
    }),
  }),
];
