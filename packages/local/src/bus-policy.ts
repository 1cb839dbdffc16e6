import { type Catalogue, isReportingRegion, MINISTRY_ID, regionSource } from '@modellregionen/events';

/** The access key id that may put any source (the local equivalent of an administrator). */
export const ADMIN_KEY = 'local-admin';

/**
 * The access key id named in a SigV4 `Authorization` header, or undefined when there is none.
 * AWS's access key ids are at most 128 characters; the bound also keeps a forged header of many
 * `Credential=` without a slash from costing quadratic time.
 */
export const accessKeyOf = (authorization: string | undefined): string | undefined => /Credential=([^/,\s]{1,128})\//.exec(authorization ?? '')?.[1];

/**
 * The bus resource policy, as the CDK stack grants it: each region's principal may put events
 * only with its own `Source` (`events:source` condition), the ministry only `ministerium`.
 * Locally the principal is the access key id of the request's signature.
 */
export const createBusPolicy = (catalogue: Catalogue) => {
  const allowed = new Map<string, string>(catalogue.regions.filter(isReportingRegion).map((r) => [r.id, regionSource(r.id)]));
  allowed.set(MINISTRY_ID, MINISTRY_ID);
  return {
    /** Whether `principal` may put an event with `source`. */
    allows(principal: string, source: string): boolean {
      return principal === ADMIN_KEY || allowed.get(principal) === source;
    },
    principals(): string[] {
      return [ADMIN_KEY, ...allowed.keys()];
    },
  };
};
export type BusPolicy = ReturnType<typeof createBusPolicy>;
