import { Validator } from '@seriousme/openapi-schema-validator';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type Catalogue, defaultCatalogue, type RegionEvent, regionSource, validator as eventValidator } from '@modellregionen/events';
import { competenceCircleOf } from '@modellregionen/domain';
import type { ApiDeps } from '../src/context';
import { catalogueView } from '../src/handlers/views';
import { buildOpenApiDocument } from '../src/openapi';
import { ROUTES } from '../src/routes';
import { declaredResponse } from './response-contract';

const OPENAPI_PATH = '/v1/openapi.json';

// The document is plain JSON; walking it in a test is easiest untyped.
// biome-ignore lint/suspicious/noExplicitAny: the test walks an arbitrary OpenAPI document by its paths.
type Json = any;

const build = (options?: Parameters<typeof buildOpenApiDocument>[1]): Json => JSON.parse(JSON.stringify(buildOpenApiDocument(ROUTES, options)));
const doc = build();

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** Every operation of the document as [METHOD, path, operation]. */
const operationsOf = (d: Json): [string, string, Json][] =>
  Object.entries(d.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m] !== undefined).map((m): [string, string, Json] => [m.toUpperCase(), path, item[m]]),
  );

const operation = (method: string, path: string): Json => {
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (op === undefined) throw new Error(`no operation ${method} ${path}`);
  return op;
};

/** Follows a local `$ref` (`#/components/...`). */
const deref = (d: Json, node: Json): Json => {
  if (node?.$ref === undefined) return node;
  const ref = String(node.$ref);
  expect(ref.startsWith('#/')).toBe(true);
  return deref(
    d,
    ref
      .slice(2)
      .split('/')
      .reduce((at: Json, key) => at?.[key], d),
  );
};

const REPORT_ROUTES = {
  postMilestone: ['milestoneId', 'title', 'status', 'dueDate'],
  postProject: ['projectId', 'title', 'fieldOfAction', 'status', 'startDate', 'funding'],
  postIndicator: ['indicatorId', 'period', 'values'],
  postFinding: ['findingId', 'title', 'summary', 'fieldOfAction'],
} as const;

const bodySchemaOf = (d: Json, routeId: string): Json => {
  const route = ROUTES.find((r) => r.id === routeId)!;
  const op = d.paths[route.path][route.method.toLowerCase()];
  return deref(d, op.requestBody.content['application/json'].schema);
};

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1.0 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    if (!result.valid) console.error(JSON.stringify(result.errors, null, 2));
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    expect(validator.version).toBe('3.1');
  });

  it('names the API, the server and the bearer security scheme', () => {
    expect(doc.info).toMatchObject({ title: 'Modellregionen Integration API', version: '1.0.0' });
    for (const role of ['coordinator', 'ministry', 'subscriber']) expect(doc.info.description).toContain(role);
    expect(doc.servers).toEqual([{ url: 'http://127.0.0.1:3000' }]);
    expect(build({ serverUrl: 'https://api.example.org' }).servers).toEqual([{ url: 'https://api.example.org' }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
  });

  it('has exactly one operation per route of ROUTES, including GET /v1/openapi.json', () => {
    expect(ROUTES.some((r) => r.path === OPENAPI_PATH && r.access === 'public')).toBe(true);
    const expected = ROUTES.map((r) => `${r.method} ${r.path} ${r.id}`).sort();
    const actual = operationsOf(doc)
      .map(([method, path, op]) => `${method} ${path} ${op.operationId}`)
      .sort();
    expect(actual).toEqual(expected);
    for (const route of ROUTES) expect(operation(route.method, route.path).summary).toBe(route.summary);
    const ids = operationsOf(doc).map(([, , op]) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('describes a response for every route (none falls back to the undocumented default)', () => {
    for (const [method, path, op] of operationsOf(doc)) {
      const success = Object.entries(op.responses as Record<string, Json>).filter(([status]) => status.startsWith('2'));
      expect(success, `${method} ${path}`).toHaveLength(1);
      expect(success[0]![1].description, `${method} ${path}`).not.toMatch(/^Undocumented/);
      expect(op.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
    }
  });

  it('serves itself publicly', () => {
    const op = operation('GET', OPENAPI_PATH);
    expect(op.security).toEqual([]);
    expect(op.responses['401']).toBeUndefined();
    expect(op.responses['200'].content['application/json']).toBeDefined();
  });

  it('declares every {name} path segment as a required, described path parameter', () => {
    for (const [method, path, op] of operationsOf(doc)) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const params = ((op.parameters ?? []) as Json[]).filter((p) => p.in === 'path');
      expect(params.map((p) => p.name).sort(), `${method} ${path}`).toEqual([...names].sort());
      for (const p of params) {
        expect(p.required).toBe(true);
        expect(typeof p.description === 'string' && p.description.length > 0, `${method} ${path} ${p.name}`).toBe(true);
      }
    }
    expect(operation('GET', '/v1/reviews/{reviewId}').parameters[0].schema.enum).toEqual(['midterm', 'final']);
  });

  it('lists 401 and 403 on every non-public operation, and every error with the shared error schema', () => {
    const errorSchema = deref(doc, { $ref: '#/components/schemas/Error' });
    expect(errorSchema.required).toEqual(['error']);
    expect(errorSchema.properties.error.required).toEqual(['code', 'message']);
    expect(Object.keys(errorSchema.properties.error.properties)).toEqual(['code', 'message', 'details']);

    for (const route of ROUTES) {
      const op = operation(route.method, route.path);
      if (route.access !== 'public') {
        expect(op.responses['401'], route.id).toBeDefined();
        expect(op.responses['403'], route.id).toBeDefined();
        expect(op.security, route.id).toBeUndefined();
      }
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        if (Number(status) >= 400) {
          expect(response.content['application/json'].schema, `${route.id} ${status}`).toEqual({ $ref: '#/components/schemas/Error' });
        }
      }
      if (route.path.includes('{')) expect(op.responses['404'], route.id).toBeDefined();
    }
  });

  it('describes the report routes: body, 202, and 400, 413, 415, 502', () => {
    for (const id of Object.keys(REPORT_ROUTES)) {
      const route = ROUTES.find((r) => r.id === id)!;
      const op = operation(route.method, route.path);
      expect(op.requestBody.required, id).toBe(true);
      for (const status of ['400', '401', '403', '404', '413', '415', '502']) expect(op.responses[status], `${id} ${status}`).toBeDefined();
      const accepted = deref(doc, op.responses['202'].content['application/json'].schema);
      expect(accepted.required).toEqual(['eventId', 'detailType', 'regionId']);
    }
  });

  it('describes 503 with Retry-After on every route that reads or writes the store', () => {
    const storeRoutes = [
      'getRegion',
      'getItemRevisions',
      'getRejections',
      'getCompetenceCircle',
      'getFunding',
      'getIndicator',
      'getReview',
      'closeReview',
      'getFindings',
      'getFindingsAtom',
      'postSubscription',
      'getSubscriptions',
      'deleteSubscription',
    ];
    for (const id of storeRoutes) {
      const route = ROUTES.find((r) => r.id === id)!;
      const unavailable = operation(route.method, route.path).responses['503'];
      expect(unavailable, id).toBeDefined();
      expect(unavailable.headers['Retry-After'].schema, id).toEqual({ type: 'integer', minimum: 1 });
      expect(unavailable.description, id).toContain('service_unavailable');
    }
    expect(deref(doc, doc.components.schemas.Error).properties.error.properties.code.enum).toContain('service_unavailable');
  });

  it('gives the report bodies without regionId and reportedBy, closed to unknown fields, with their required fields', () => {
    for (const [id, fields] of Object.entries(REPORT_ROUTES)) {
      const body = bodySchemaOf(doc, id);
      expect(body.type, id).toBe('object');
      expect(body.additionalProperties, id).toBe(false);
      expect(body.required, id).toEqual(expect.arrayContaining(['schemaVersion', 'revision', 'reportedAt', ...fields]));
      for (const field of body.required as string[]) expect(body.properties[field], `${id} ${field}`).toBeDefined();
      expect(Object.keys(body.properties), id).not.toContain('regionId');
      expect(Object.keys(body.properties), id).not.toContain('reportedBy');
    }
    const milestone = bodySchemaOf(doc, 'postMilestone');
    expect(milestone.required).toEqual(expect.arrayContaining(['milestoneId', 'status', 'dueDate', 'revision', 'reportedAt', 'schemaVersion']));
    expect(milestone.required).not.toContain('achievedDate');
    expect(milestone.properties.status.enum).toEqual(['planned', 'in_progress', 'achieved', 'delayed', 'cancelled']);
    expect(milestone.properties.reportedAt.format).toBe('date-time');
    expect(bodySchemaOf(doc, 'postProject').properties.funding.items.additionalProperties).toBe(false);
    expect(bodySchemaOf(doc, 'postIndicator').properties.values.additionalProperties).toBe(false);
  });

  it('takes the indicator ids of the report body from the catalogue it is given', () => {
    expect(bodySchemaOf(doc, 'postIndicator').properties.indicatorId.enum).toEqual(defaultCatalogue.indicators.map((i) => i.id));
    const small: Catalogue = { ...defaultCatalogue, indicators: defaultCatalogue.indicators.slice(0, 2) };
    const other = build({ catalogue: small });
    expect(bodySchemaOf(other, 'postIndicator').properties.indicatorId.enum).toEqual(small.indicators.map((i) => i.id));
  });

  it('gives POST /v1/reviews/{reviewId}/close no body, and a 409', () => {
    const op = operation('POST', '/v1/reviews/{reviewId}/close');
    expect(op.requestBody).toBeUndefined();
    expect(op.responses['409']).toBeDefined();
    expect(op.responses['413']).toBeUndefined();
  });

  it('declares the query parameters', () => {
    const query = (method: string, path: string) =>
      Object.fromEntries(((operation(method, path).parameters ?? []) as Json[]).filter((p) => p.in === 'query').map((p) => [p.name, p]));
    const circle = query('GET', '/v1/competence-circle');
    expect(Object.keys(circle)).toEqual(['asOf']);
    expect(circle.asOf.required).toBe(false);
    expect(circle.asOf.schema.format).toBe('date');
    for (const path of ['/v1/findings', '/v1/findings.atom']) {
      const q = query('GET', path);
      expect(Object.keys(q).sort(), path).toEqual(['fieldOfAction', 'regionId']);
      expect(q.fieldOfAction.schema.enum).toContain('education');
      expect(q.fieldOfAction.required).toBe(false);
      expect(q.regionId.required).toBe(false);
      expect(operation('GET', path).responses['400'], path).toBeDefined();
    }
  });

  it('gives the competence-circle view with asOf, regions and totals', () => {
    const view = deref(doc, operation('GET', '/v1/competence-circle').responses['200'].content['application/json'].schema);
    expect(Object.keys(view.properties)).toEqual(['asOf', 'regions', 'totals']);
    expect(view.required).toEqual(['asOf', 'regions', 'totals']);
    const row = deref(doc, view.properties.regions.items);
    expect(Object.keys(row.properties)).toEqual(['regionId', 'name', 'milestones', 'projects', 'indicators', 'lastReportedAt']);
    const milestones = deref(doc, row.properties.milestones);
    expect(Object.keys(milestones.properties.byStatus.properties)).toEqual(['planned', 'in_progress', 'achieved', 'delayed', 'cancelled']);
    expect(Object.keys(view.properties.totals.properties)).toEqual(['milestones', 'projects', 'indicators']);
  });

  it('serves the Atom feed as application/atom+xml', () => {
    const content = operation('GET', '/v1/findings.atom').responses['200'].content;
    expect(Object.keys(content)).toEqual(['application/atom+xml']);
    expect(content['application/atom+xml'].schema.type).toBe('string');
    const list = deref(doc, operation('GET', '/v1/findings').responses['200'].content['application/json'].schema);
    const finding = deref(doc, list.properties.findings.items);
    expect(Object.keys(finding.properties).sort()).toEqual(
      [
        'regionId',
        'regionName',
        'findingId',
        'title',
        'summary',
        'fieldOfAction',
        'fieldOfActionTitle',
        'tags',
        'relatedProjectIds',
        'revision',
        'reportedAt',
        'reportedBy',
      ].sort(),
    );
  });

  it('is the same every time it is built (no state carried between builds)', () => {
    expect(build()).toEqual(doc);
  });
});

describe('the response schemas hold what the handlers answer', () => {
  let counter = 0;
  const report = (regionId: string, detailType: RegionEvent['detailType'], detail: Record<string, unknown>): RegionEvent => {
    const result = eventValidator.validateEvent({
      id: `evt-${++counter}`,
      'detail-type': detailType,
      source: regionSource(regionId),
      time: '2012-02-11T00:00:00Z',
      detail: { schemaVersion: 1, regionId, revision: 1, reportedAt: '2012-02-10T09:30:00+01:00', reportedBy: 'Koordination', ...detail },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.value;
  };

  it('the competence circle (exact shape)', () => {
    const events = [
      report('wetzlar', 'MilestoneReported', { milestoneId: 'm1', title: 'Leitbild', status: 'delayed', dueDate: '2011-12-31' }),
      report('wetzlar', 'ProjectReported', {
        projectId: 'p1',
        title: 'Elternlotsen',
        fieldOfAction: 'education',
        status: 'running',
        startDate: '2011-01-01',
        funding: [{ programme: 'Modellregionen', source: 'land', amountEur: 25000 }],
      }),
    ];
    const view = competenceCircleOf(events, { catalogue: defaultCatalogue, asOf: '2012-02-29' });
    const schema = declaredResponse('getCompetenceCircle', 200).schema!;
    expect(() => schema.parse(view)).not.toThrow();
    expect(() => schema.parse(competenceCircleOf([], { catalogue: defaultCatalogue, asOf: '2012-02-29' }))).not.toThrow();
    expect(schema.safeParse({ ...view, extra: 1 }).success).toBe(false);
  });

  it('the catalogue', async () => {
    expect(() => declaredResponse('getCatalogue', 200).schema!.parse(catalogueView(defaultCatalogue))).not.toThrow();
  });

  it('GET /v1/openapi.json answers the document for the deployment it runs in', async () => {
    const route = ROUTES.find((r) => r.path === OPENAPI_PATH)!;
    const result = await route.handler({
      deps: { catalogue: defaultCatalogue } as ApiDeps,
      principal: undefined,
      params: {},
      query: {},
      body: undefined,
      event: { requestContext: { domainName: 'api.example.org' }, headers: {} } as unknown as APIGatewayProxyEventV2,
    });
    expect(result.status).toBe(200);
    expect(() => declaredResponse(route.id, 200).schema!.parse(result.body)).not.toThrow();
    const body = JSON.parse(JSON.stringify(result.body)) as Json;
    expect(body.openapi).toBe('3.1.0');
    expect(body.servers).toEqual([{ url: 'https://api.example.org' }]);
  });
});
