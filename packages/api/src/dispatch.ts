import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { decideAccess } from './access';
import { authenticate } from './authenticate';
import type { ApiDeps } from './context';
import { forbidden } from './errors';
import { parseBody, parsePathParameters, parseQuery } from './request-input';
import { JSON_MEDIA_TYPE } from './responses';
import type { Route, SuccessStatus } from './route';

const regionOf = (params: unknown): string | undefined => {
  const regionId = typeof params === 'object' && params !== null && 'regionId' in params ? params.regionId : undefined;
  return typeof regionId === 'string' ? regionId : undefined;
};

/**
 * One request to one route, by the route's declaration: the caller (401), the path (400 for bad
 * encoding, 404 for what names nothing), the access rule (403), the query and the body (400, 413,
 * 415), then the handler, whose reply is sent as its status declares.
 */
export const dispatch = async (route: Route, event: APIGatewayProxyEventV2, deps: ApiDeps): Promise<APIGatewayProxyStructuredResultV2> => {
  const principal = route.access === 'public' ? undefined : await authenticate(event, deps);
  const { params: declaredParams, query: declaredQuery, body: declaredBody } = route.request ?? {};
  const params = parsePathParameters(declaredParams, event, deps.catalogue);
  if (principal !== undefined && route.access !== 'public') {
    const allowed = decideAccess(route.access, principal, regionOf(params));
    if (allowed !== true) throw forbidden(allowed);
  }
  const query = parseQuery(declaredQuery, event, deps.catalogue);
  const body = declaredBody === undefined ? undefined : parseBody(declaredBody, event, deps.catalogue);
  const reply = await route.handler({ deps, principal, params, query, body, event });
  const declared = route.responses[reply.status as SuccessStatus];
  const mediaType = declared?.mediaType ?? JSON_MEDIA_TYPE;
  const isJson = mediaType === JSON_MEDIA_TYPE;
  return {
    statusCode: reply.status,
    headers: { 'content-type': isJson ? mediaType : `${mediaType}; charset=utf-8`, 'cache-control': 'no-store' },
    body: declared?.schema === undefined ? '' : isJson ? JSON.stringify(reply.body) : String(reply.body),
  };
};
