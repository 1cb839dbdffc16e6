import type { z } from 'zod';
import { type DetailType, regionSource } from '@modellregionen/events';
import type { ApiDeps } from '../context';
import { badRequest, HttpError } from '../errors';
import type { Principal } from '../principal';
import type { acceptedSchema, ReportBody } from '../schemas/reports';

/**
 * POST /v1/regions/{regionId}/<kind>: puts the report on the bus; 202 with the event id.
 * `regionId` comes from the path and `reportedBy` from the token, so a coordinator cannot report
 * in another's name. The body was checked by its schema; the event it becomes is validated as a
 * whole, exactly as the aggregation will (the region as a source, the reporter's name).
 */
export const publishReport = async <T extends DetailType>(
  deps: ApiDeps,
  report: { detailType: T; regionId: string; reporter: Principal; body: ReportBody<T> },
): Promise<z.input<typeof acceptedSchema>> => {
  const { detailType, regionId } = report;
  const detail = { ...report.body, regionId, reportedBy: report.reporter.name };
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
  return { eventId, detailType, regionId };
};
