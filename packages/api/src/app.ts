import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpRouter from '@middy/http-router';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ApiDeps } from './context';
import { dispatch } from './dispatch';
import { notFound } from './errors';
import { errorResponseMiddleware } from './middleware/error-response';
import type { ApiFunction } from './route';
import { ROUTES } from './routes';

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
