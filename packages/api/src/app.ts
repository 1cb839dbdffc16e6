import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpRouter from '@middy/http-router';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { MINISTRY_ID } from '@modellregionen/events';
import type { ApiDeps, RouteContext } from './context';
import { badRequest, forbidden, notFound, unauthorized } from './errors';
import { errorResponseMiddleware } from './middleware/error-response';
import { type Principal, principalFromClaims } from './principal';
import { type ApiFunction, type Route, ROUTES } from './routes';
import { InvalidTokenError, invalidTokenError } from './token-verifier';

const authenticate = async (event: APIGatewayProxyEventV2, deps: ApiDeps): Promise<Principal> => {
  const header = event.headers?.authorization;
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (token === undefined) throw unauthorized('send a bearer token: Authorization: Bearer <token>');
  let claims: unknown;
  try {
    claims = await deps.verifier.verify(token);
  } catch (err) {
    const invalid = err instanceof InvalidTokenError ? err : invalidTokenError(err);
    if (invalid.keySetUnavailable) deps.log('the signing keys could not be fetched', invalid.cause);
    throw unauthorized(`the token is not valid: ${invalid.reason}`);
  }
  const principal = principalFromClaims(claims);
  if ('invalid' in principal) throw forbidden(principal.invalid);
  return principal;
};

const decodeParam = (name: string, value: string): string => {
  try {
    return decodeURIComponent(value);
  } catch {
    throw badRequest(`path parameter ${name} is not valid percent-encoding`, [{ path: name, message: 'is not valid percent-encoding' }]);
  }
};

/** Path parameters that name things: an unknown one is a 404 before anything else is looked at. */
const checkParams = (params: Record<string, string>, deps: ApiDeps): void => {
  const { regionId } = params;
  if (regionId !== undefined && regionId !== MINISTRY_ID && !deps.catalogue.regions.some((r) => r.id === regionId)) {
    throw notFound(`no region ${regionId} in the registry (see GET /v1/catalogue)`);
  }
};

const dispatch = async (route: Route, event: APIGatewayProxyEventV2, deps: ApiDeps): Promise<APIGatewayProxyStructuredResultV2> => {
  const principal = route.access === 'public' ? undefined : await authenticate(event, deps);
  const params = Object.fromEntries(Object.entries(event.pathParameters ?? {}).map(([k, v]) => [k, decodeParam(k, v ?? '')]));
  checkParams(params, deps);
  if (principal !== undefined && route.access !== 'public') {
    const allowed = route.access(principal, params);
    if (allowed !== true) throw forbidden(allowed);
  }
  const query = Object.fromEntries(
    Object.entries(event.queryStringParameters ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, v]])),
  );
  const ctx: RouteContext = { deps, principal, params, query, event };
  const result = await route.handler(ctx);
  return {
    statusCode: result.status,
    headers: { 'content-type': result.contentType ?? 'application/json', 'cache-control': 'no-store' },
    body: typeof result.body === 'string' ? result.body : JSON.stringify(result.body),
  };
};

/**
 * The API as one Lambda handler (API Gateway HTTP API, payload 2.0) for the routes of the given
 * functions: middy with its router, header normalisation and security headers, and our error
 * shape for everything that goes wrong.
 */
export const createApiHandler = (deps: ApiDeps, functions: readonly ApiFunction[] = ['read', 'write']) => {
  const routes = ROUTES.filter((r) => functions.includes(r.fn));
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(httpHeaderNormalizer())
    .use(httpSecurityHeaders())
    .use(errorResponseMiddleware(deps.log))
    .handler(
      httpRouter({
        routes: routes.map((route) => ({
          method: route.method,
          path: route.path,
          handler: (event: APIGatewayProxyEventV2) => dispatch(route, event, deps),
        })),
        notFoundResponse: ({ method, path }: { method: string; path: string }) => {
          throw notFound(`no route for ${method} ${path}`);
        },
      }) as unknown as (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>,
    );
};
export type ApiHandler = ReturnType<typeof createApiHandler>;
