import { MINISTRY_ID } from '@modellregionen/events';
import type { Principal, Role } from './principal';

/**
 * Who may call a route, as data: the router decides by it, the OpenAPI document describes it, and
 * a 403 says it. A grant admits every caller of its role, or only where the path's `regionId` is
 * the coordinator's own region (`ownRegion`) or one given id (`pathRegion`, the ministry's own).
 */
export type Grant =
  | { readonly role: Role; readonly ownRegion?: undefined; readonly pathRegion?: undefined }
  | { readonly role: 'coordinator'; readonly ownRegion: true; readonly pathRegion?: undefined }
  | { readonly role: Role; readonly pathRegion: string; readonly ownRegion?: undefined };

/** A route's access rule: `public` needs no token; otherwise any one of the grants admits. */
export type Access = 'public' | readonly Grant[];

/** The principal a route with this access rule is called by. */
export type PrincipalOf<A extends Access> = A extends readonly (infer G extends Grant)[] ? Extract<Principal, { role: G['role'] }> : undefined;

export const ANY_ROLE = [{ role: 'coordinator' }, { role: 'ministry' }, { role: 'subscriber' }] as const satisfies readonly Grant[];
/** The coordinator of the region in the path reports for it. */
export const REPORTER = [{ role: 'coordinator', ownRegion: true }] as const satisfies readonly Grant[];
/** Findings: the region's coordinator, or the ministry under its own id. */
export const PUBLISHER = [...REPORTER, { role: 'ministry', pathRegion: MINISTRY_ID }] as const satisfies readonly Grant[];
export const OWN_REGION_OR_MINISTRY = [...REPORTER, { role: 'ministry' }] as const satisfies readonly Grant[];
export const MINISTRY = [{ role: 'ministry' }] as const satisfies readonly Grant[];
export const SUBSCRIBER = [{ role: 'subscriber' }] as const satisfies readonly Grant[];

const admits = (grant: Grant, principal: Principal, regionId: string | undefined): boolean => {
  if (grant.role !== principal.role) return false;
  if (grant.ownRegion) return principal.role === 'coordinator' && principal.regionId === regionId;
  if (grant.pathRegion !== undefined) return grant.pathRegion === regionId;
  return true;
};

const ROLE_NAMES: Record<Role, string> = { coordinator: 'coordinators', ministry: 'the ministry', subscriber: 'subscribers' };

/** Whom a grant admits; with the path's region when it is known, else in general. */
const describeGrant = (grant: Grant, regionId: string | undefined): string => {
  if (grant.ownRegion) return regionId === undefined ? 'the coordinator of the region in the path' : `the coordinator of ${regionId}`;
  if (grant.pathRegion !== undefined) return `${ROLE_NAMES[grant.role]} (under regionId \`${grant.pathRegion}\`)`;
  return ROLE_NAMES[grant.role];
};

const describeCaller = (p: Principal): string =>
  p.role === 'coordinator' ? `a coordinator of ${p.regionId}` : p.role === 'ministry' ? 'the ministry' : 'a subscriber';

const orList = (items: readonly string[]): string => (items.length <= 1 ? (items[0] ?? 'nobody') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);

/** Whether the principal may call a route with this rule; otherwise why not, for the 403. */
export const decideAccess = (grants: readonly Grant[], principal: Principal, regionId: string | undefined): true | string =>
  grants.some((g) => admits(g, principal, regionId)) ||
  `this route is for ${orList(grants.map((g) => describeGrant(g, regionId)))}; the token names ${describeCaller(principal)}`;

/** The rule in words, for the OpenAPI document. */
export const describeAccess = (access: Access): string =>
  access === 'public' ? 'Public: no token needed.' : `Who may call it: ${access.map((g) => describeGrant(g, undefined)).join(', ')}.`;
