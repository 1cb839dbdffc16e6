import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '@modellregionen/events';
import type { ApiDeps } from '../src/context';
import { prebuiltOpenApiDocument } from '../src/lambda/prebuilt-openapi';
import { servedOpenApiDocument } from '../src/openapi';
import { ROUTES } from '../src/routes';

const openApiRoute = ROUTES.find((r) => r.id === 'getOpenApi')!;
const requestTo = (domainName: string) => ({ requestContext: { domainName }, headers: {} }) as unknown as APIGatewayProxyEventV2;

describe('the OpenAPI document the Lambda functions serve (built ahead of time)', () => {
  it.each(['http://127.0.0.1:3000', 'https://abc123.execute-api.eu-central-1.amazonaws.com'])(
    'is, served at %s, the document the routes generate for the shipped catalogue, to the byte (else run `npm run openapi`)',
    (url) => {
      expect(JSON.stringify(prebuiltOpenApiDocument(url))).toBe(JSON.stringify(servedOpenApiDocument(ROUTES, defaultCatalogue, url)));
    },
  );

  it('is what GET /v1/openapi.json answers when the deployment gives it, naming the server the request came to', async () => {
    const reply = await openApiRoute.handler({
      deps: { catalogue: defaultCatalogue, openApiDocument: prebuiltOpenApiDocument } as ApiDeps,
      principal: undefined,
      params: {},
      query: {},
      body: undefined,
      event: requestTo('api.example.org'),
    });
    expect(reply).toEqual({ status: 200, body: servedOpenApiDocument(ROUTES, defaultCatalogue, 'https://api.example.org') });
  });
});
