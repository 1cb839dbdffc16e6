// Holds a response of the API to what its route declares for that status: a declared status, the
// declared media type, and a body the declared schema accepts (every schema is strict, so a field
// the declaration does not name fails too). The tests' HTTP helpers call it on every response.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { expect } from 'vitest';
import { z } from 'zod';
import { type ApiFunction, type DeclaredResponse, responsesOf, type Route, ROUTES } from '@modellregionen/api';

/** Served by the local runtime's server beside the API, not by the API. */
const LOCAL_PATHS = new Set(['/health', '/.well-known/jwks.json']);

const templates = ROUTES.map((route) => ({
  route,
  pattern: new RegExp(`^${route.path.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
}));

/** The route that serves a request, among the routes of the given functions (default: all). */
export const routeOf = (method: string, path: string, functions: readonly ApiFunction[] = ['read', 'write']): Route | undefined =>
  templates.find((t) => functions.includes(t.route.fn) && t.route.method === method.toUpperCase() && t.pattern.test(path))?.route;

/** The declared response of a route for a status. */
export const declaredResponse = (routeId: string, status: number): DeclaredResponse => {
  const route = ROUTES.find((r) => r.id === routeId);
  const response = route && responsesOf(route).find((r) => r.status === status);
  if (response === undefined) throw new Error(`${routeId} declares no ${status}`);
  return response;
};

/** What the router answers for a path no route serves. */
const NO_ROUTE = declaredResponse('getRegion', 404);

export interface SeenResponse {
  readonly status: number;
  readonly contentType: string | null | undefined;
  readonly text: string;
}

/** Why the response breaks the declaration of the route it came from, or undefined when it does not. */
export const contractViolation = (method: string, target: string, response: SeenResponse, functions?: readonly ApiFunction[]): string | undefined => {
  const path = target.split('?')[0] ?? target;
  if (LOCAL_PATHS.has(path)) return undefined;
  const route = routeOf(method, path, functions);
  const label = `${method} ${path} -> ${response.status}${route ? ` (${route.id})` : ''}`;
  const declared = route ? responsesOf(route).find((r) => r.status === response.status) : response.status === 404 ? NO_ROUTE : undefined;
  if (declared === undefined) {
    const statuses = route ? responsesOf(route).map((r) => r.status) : [404];
    return `${label}: the status is not declared (declared: ${statuses.join(', ')})`;
  }
  if (declared.schema === undefined) return response.text === '' ? undefined : `${label}: declared without a body, answered ${response.text.slice(0, 200)}`;
  const essence = response.contentType?.split(';')[0]?.trim().toLowerCase();
  if (essence !== declared.mediaType) return `${label}: answered ${response.contentType ?? 'no content type'}, declared ${declared.mediaType}`;
  let body: unknown = response.text;
  if (declared.mediaType === 'application/json') {
    try {
      body = JSON.parse(response.text);
    } catch {
      return `${label}: the body is not JSON: ${response.text.slice(0, 200)}`;
    }
  }
  const parsed = declared.schema.safeParse(body);
  return parsed.success ? undefined : `${label}: the body breaks its declared schema:\n${z.prettifyError(parsed.error)}`;
};

export const expectDeclaredResponse = (method: string, target: string, response: SeenResponse, functions?: readonly ApiFunction[]): void => {
  const violation = contractViolation(method, target, response, functions);
  expect(violation, violation).toBeUndefined();
};

type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** A Lambda handler of the API (serving the routes of these functions) whose every result is held to its route's declaration. */
export const checkedHandler =
  (handler: LambdaHandler, functions?: readonly ApiFunction[]): LambdaHandler =>
  async (event, context) => {
    const result = await handler(event, context);
    const contentType = result.headers?.['content-type'];
    expectDeclaredResponse(
      event.requestContext.http.method,
      event.rawPath,
      { status: result.statusCode ?? 200, contentType: contentType === undefined ? undefined : String(contentType), text: result.body ?? '' },
      functions,
    );
    return result;
  };
