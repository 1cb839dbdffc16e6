import { type DetailType, isoDate, regionSource } from '@modellregionen/events';
import { badRequest, HttpError } from '../errors';
import type { Principal } from '../principal';
import type { RouteContext, RouteResult } from '../context';
import { readJsonBody } from '../middleware/json-body';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * POST /v1/regions/{regionId}/<kind>: validates the report exactly as the aggregation will, then
 * puts it on the bus; 202 with the event id. `regionId` comes from the path and `reportedBy`
 * from the token, so a coordinator cannot report in another's name.
 */
export const postReport =
  (detailType: DetailType) =>
  async ({ deps, principal, params, event }: RouteContext): Promise<RouteResult> => {
    const body = readJsonBody(event);
    if (!isObject(body)) throw badRequest('the body must be a JSON object');
    const taken = (['regionId', 'reportedBy'] as const).filter((k) => Object.hasOwn(body, k));
    if (taken.length > 0) {
      throw badRequest(
        'the body must not name the region or the reporter',
        taken.map((k) => ({ path: k, message: k === 'regionId' ? 'comes from the path; leave it out' : 'comes from the token; leave it out' })),
      );
    }
    const regionId = params.regionId!;
    const detail = { ...body, regionId, reportedBy: (principal as Principal).name };
    const result = deps.validator.validateEvent({
      id: 'api-request',
      source: regionSource(regionId),
      'detail-type': detailType,
      time: deps.now().toISOString(),
      detail,
    });
    if (!result.ok) throw badRequest(`the ${detailType} report is not valid`, result.errors);
    let eventId: string;
    try {
      eventId = await deps.publishReport({ regionId, detailType, detail });
    } catch (err) {
      deps.log('publishing a report failed', err);
      throw new HttpError(502, 'bad_gateway', 'the event bus did not accept the report; nothing was recorded, send it again');
    }
    return { status: 202, body: { eventId, detailType, regionId } };
  };

/** A query parameter that must be a date (YYYY-MM-DD), or undefined. */
export const dateParam = (query: Readonly<Record<string, string>>, name: string): string | undefined => {
  const value = query[name];
  if (value === undefined) return undefined;
  const parsed = isoDate.safeParse(value);
  if (!parsed.success) throw badRequest(`query parameter ${name} is not valid`, [{ path: name, message: parsed.error.issues[0]?.message ?? 'must be a date' }]);
  return value;
};
