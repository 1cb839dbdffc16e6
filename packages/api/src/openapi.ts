/**
 * The OpenAPI 3.1 document of the HTTP API (SPEC section 4), generated from the route table: each
 * operation, its parameters, body, responses and who may call it are the route's own declaration,
 * the very schemas the router parses requests with and the tests hold responses to.
 *
 * Metadata is attached with zod's own `.meta()` (which @asteasolutions/zod-to-openapi reads), so
 * `extendZodWithOpenApi` is not called and no zod prototype is changed.
 */
import { OpenApiGeneratorV31, OpenAPIRegistry, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { type Catalogue, defaultCatalogue, MINISTRY_ID } from '@modellregionen/events';
import { describeAccess } from './access';
import { MAX_BODY_BYTES } from './middleware/json-body';
import { type DeclaredResponse, responsesOf } from './responses';
import { resolveSchema, type Route } from './route';
import { type OpenApiDocument, openApiDocumentSchema } from './schemas/openapi-document';
import { TAGS } from './tags';

export interface OpenApiOptions {
  /** Base URL of the API for `servers` (default `http://127.0.0.1:3000`, the local runtime). */
  readonly serverUrl?: string;
  /** The catalogue the parameters and report bodies are checked against (default: the shipped one). */
  readonly catalogue?: Catalogue;
}

const DEFAULT_SERVER_URL = 'http://127.0.0.1:3000';

const INFO_DESCRIPTION = [
  'Reporting backend of the Hessian programme "Modellregionen Integration".',
  '',
  'Roles (from the bearer token; Amazon Cognito on AWS, a local development issuer offline):',
  '- **coordinator**: the coordination office of one model region. Reports milestones, projects, indicator values and findings for its own region, sees its region and its rejected reports.',
  `- **ministry**: steers the programme. Sees every region, the competence circle, indicators across regions and the reviews; closes reviews; publishes findings under \`${MINISTRY_ID}\`.`,
  '- **subscriber**: another municipality. Reads the published findings (JSON and Atom) and subscribes webhooks to new ones.',
  '',
  'Every error is `{ "error": { "code", "message", "details"? } }` with the matching status.',
].join('\n');

const responseConfig = (response: DeclaredResponse): ResponseConfig => ({
  description: response.description,
  ...(response.retryAfter
    ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } } } }
    : {}),
  ...(response.schema !== undefined ? { content: { [response.mediaType]: { schema: response.schema } } } : {}),
});

const operationOf = (route: Route, catalogue: Catalogue): RouteConfig => {
  const { params, query, body } = route.request ?? {};
  const request: NonNullable<RouteConfig['request']> = {};
  if (params !== undefined) request.params = resolveSchema(params, catalogue);
  if (query !== undefined) request.query = resolveSchema(query, catalogue);
  if (body !== undefined) {
    request.body = {
      required: true,
      description: `${body.description} (application/json, at most ${MAX_BODY_BYTES / 1024} KiB).`,
      content: { 'application/json': { schema: resolveSchema(body.schema, catalogue) } },
    };
  }
  return {
    method: route.method === 'GET' ? 'get' : route.method === 'DELETE' ? 'delete' : 'post',
    path: route.path,
    operationId: route.id,
    summary: route.summary,
    description: [route.description, describeAccess(route.access)].filter((s) => s !== undefined).join('\n\n'),
    tags: [...route.tags],
    ...(route.access === 'public' ? { security: [] } : {}),
    ...(Object.keys(request).length > 0 ? { request } : {}),
    responses: Object.fromEntries(responsesOf(route).map((r) => [String(r.status), responseConfig(r)])),
  };
};

/** The OpenAPI 3.1.0 document of these routes: one operation per route. */
export const buildOpenApiDocument = (routes: readonly Route[], options: OpenApiOptions = {}): OpenApiDocument => {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'A JWT naming the role (`cognito:groups`) and, for coordinators, the region (`custom:region`).',
  });
  for (const route of routes) registry.registerPath(operationOf(route, catalogue));
  // Held to the schema the route that serves it declares: a route the generator cannot describe fails here, not in a client.
  return openApiDocumentSchema.parse(
    new OpenApiGeneratorV31(registry.definitions).generateDocument({
      openapi: '3.1.0',
      info: { title: 'Modellregionen Integration API', version: '1.0.0', description: INFO_DESCRIPTION },
      servers: [{ url: options.serverUrl ?? DEFAULT_SERVER_URL }],
      security: [{ bearerAuth: [] }],
      tags: TAGS.map((t) => ({ ...t })),
    }),
  );
};

let lastServed: { routes: readonly Route[]; catalogue: Catalogue; serverUrl: string; document: OpenApiDocument } | undefined;

/** The document a deployment serves, with its URL and catalogue; a warm function answers from the last build. */
export const servedOpenApiDocument = (routes: readonly Route[], catalogue: Catalogue, serverUrl: string): OpenApiDocument => {
  if (lastServed?.routes !== routes || lastServed.catalogue !== catalogue || lastServed.serverUrl !== serverUrl) {
    lastServed = { routes, catalogue, serverUrl, document: buildOpenApiDocument(routes, { serverUrl, catalogue }) };
  }
  return lastServed.document;
};
