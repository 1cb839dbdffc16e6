import { type Access, anyRole, ownRegionOrMinistry, publisherOfFindings, reporterOfRegion, roles } from './access';
import type { RouteContext, RouteResult } from './context';
import { getFindings, getFindingsAtom } from './handlers/findings';
import { postReport } from './handlers/reports';
import { closeReview, getReview } from './handlers/reviews';
import { deleteSubscription, getSubscriptions, postSubscription } from './handlers/subscriptions';
import { getCatalogue, getCompetenceCircle, getIndicator, getRegion, getRejections } from './handlers/views';
// openapi.ts reads ROUTES only inside functions, so this cycle is safe.
import { getOpenApiDocument } from './openapi';

/** Which deployed function serves a route: writers publish to the bus, readers query the table. */
export type ApiFunction = 'read' | 'write';

export interface Route {
  readonly id: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly fn: ApiFunction;
  /** Who may call it; `public` needs no token. */
  readonly access: Access | 'public';
  readonly summary: string;
  readonly handler: (ctx: RouteContext) => Promise<RouteResult>;
}

const ministry = roles('ministry');

/**
 * Every route of the HTTP API, once: the Lambda routers, the local server, the role-matrix test,
 * the OpenAPI document and the CDK stack's API routes all come from this table.
 */
export const ROUTES: readonly Route[] = [
  { id: 'postMilestone', method: 'POST', path: '/v1/regions/{regionId}/milestones', fn: 'write', access: reporterOfRegion, summary: 'Report a roadmap milestone', handler: postReport('MilestoneReported') },
  { id: 'postProject', method: 'POST', path: '/v1/regions/{regionId}/projects', fn: 'write', access: reporterOfRegion, summary: 'Report a pilot project', handler: postReport('ProjectReported') },
  { id: 'postIndicator', method: 'POST', path: '/v1/regions/{regionId}/indicators', fn: 'write', access: reporterOfRegion, summary: 'Report an indicator value for a period', handler: postReport('IndicatorReported') },
  { id: 'postFinding', method: 'POST', path: '/v1/regions/{regionId}/findings', fn: 'write', access: publisherOfFindings, summary: 'Publish a finding', handler: postReport('FindingPublished') },
  { id: 'postSubscription', method: 'POST', path: '/v1/subscriptions', fn: 'write', access: roles('subscriber'), summary: 'Subscribe a webhook to new findings', handler: postSubscription },
  { id: 'getSubscriptions', method: 'GET', path: '/v1/subscriptions', fn: 'read', access: roles('subscriber'), summary: "The caller's webhook subscriptions", handler: getSubscriptions },
  { id: 'deleteSubscription', method: 'DELETE', path: '/v1/subscriptions/{subscriptionId}', fn: 'write', access: roles('subscriber'), summary: 'End a webhook subscription', handler: deleteSubscription },
  { id: 'closeReview', method: 'POST', path: '/v1/reviews/{reviewId}/close', fn: 'write', access: ministry, summary: 'Close (freeze) a review', handler: closeReview },
  { id: 'getRejections', method: 'GET', path: '/v1/regions/{regionId}/rejections', fn: 'read', access: ownRegionOrMinistry, summary: "A region's quarantined reports, newest first", handler: getRejections },
  { id: 'getRegion', method: 'GET', path: '/v1/regions/{regionId}', fn: 'read', access: ownRegionOrMinistry, summary: "A region's milestones, projects, indicators and findings", handler: getRegion },
  { id: 'getCatalogue', method: 'GET', path: '/v1/catalogue', fn: 'read', access: anyRole, summary: 'Regions, fields of action and indicators', handler: getCatalogue },
  { id: 'getCompetenceCircle', method: 'GET', path: '/v1/competence-circle', fn: 'read', access: ministry, summary: 'All model regions side by side', handler: getCompetenceCircle },
  { id: 'getIndicator', method: 'GET', path: '/v1/indicators/{indicatorId}', fn: 'read', access: ministry, summary: 'One indicator for all regions, per period, with the gap', handler: getIndicator },
  { id: 'getReview', method: 'GET', path: '/v1/reviews/{reviewId}', fn: 'read', access: ministry, summary: 'The mid-term review or the final evaluation', handler: getReview },
  { id: 'getFindings', method: 'GET', path: '/v1/findings', fn: 'read', access: anyRole, summary: 'Published findings', handler: getFindings },
  { id: 'getFindingsAtom', method: 'GET', path: '/v1/findings.atom', fn: 'read', access: anyRole, summary: 'Published findings as an Atom feed', handler: getFindingsAtom },
  { id: 'getOpenApi', method: 'GET', path: '/v1/openapi.json', fn: 'read', access: 'public', summary: 'This API as an OpenAPI 3.1 document', handler: getOpenApiDocument },
];
