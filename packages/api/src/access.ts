import { MINISTRY_ID } from '@modellregionen/events';
import type { Principal, Role } from './principal';

/** Decides whether a principal may call a route with these path parameters; a string says why not. */
export type Access = (principal: Principal, params: Readonly<Record<string, string>>) => true | string;

export const anyRole: Access = () => true;

export const roles =
  (...allowed: Role[]): Access =>
  (p) =>
    allowed.includes(p.role) || `this route is for ${allowed.join(' or ')}; the token names a ${p.role}`;

/** The ministry, or the coordinator of the region in the path. */
export const ownRegionOrMinistry: Access = (p, { regionId }) => {
  if (p.role === 'ministry') return true;
  if (p.role === 'coordinator') return p.regionId === regionId || `a coordinator of ${p.regionId} cannot see ${regionId}`;
  return 'subscribers read findings only';
};

/** Only the region's own coordinator reports for it. */
export const reporterOfRegion: Access = (p, { regionId }) => {
  if (p.role === 'coordinator') return p.regionId === regionId || `a coordinator of ${p.regionId} cannot report for ${regionId}`;
  return `only the coordinator of ${regionId} reports for it`;
};

/** Findings: the region's coordinator, or the ministry under its own id. */
export const publisherOfFindings: Access = (p, params) => {
  if (p.role === 'ministry') {
    return params.regionId === MINISTRY_ID || `the ministry publishes findings under /v1/regions/${MINISTRY_ID}/findings`;
  }
  return reporterOfRegion(p, params);
};
