// The capacity of the API's reads, measured through the API's own handler (the route table, its
// parsing, access rules and handlers) as the local runtime and the Lambda function run it.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createApiHandler, createTokenVerifier, publicHttpsOnly } from '@modellregionen/api';
import { defaultCatalogue, validator } from '@modellregionen/events';
import { CapacityMeter, createReportStore, createSubscriptionStore, meteredDocuments } from '@modellregionen/store';
import { DEV_AUDIENCE, DEV_ISSUER, openDevIssuer } from '../dev-issuer';
import { lambdaContext } from '../local-adapter';
import type { BenchStore } from './store';

const getRequest = (path: string, query: Record<string, string>, token: string): APIGatewayProxyEventV2 => {
  const rawQueryString = new URLSearchParams(query).toString();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers: { authorization: `Bearer ${token}`, host: '127.0.0.1' },
    ...(rawQueryString === '' ? {} : { queryStringParameters: query }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: '127.0.0.1',
      domainPrefix: '127',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: 'bench',
      routeKey: '$default',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    isBase64Encoded: false,
  };
};

export const startApiReads = async (store: BenchStore) => {
  const issuer = await openDevIssuer();
  const ministry = await issuer.sign({ role: 'ministry' });
  const jwks = { kind: 'jwks', issuer: DEV_ISSUER, audience: DEV_AUDIENCE, jwksUri: 'http://127.0.0.1/.well-known/jwks.json', jwks: issuer.jwks } as const;

  return {
    /** Read units of one `GET /v1/competence-circle` (with `asOf` when given) on the table. */
    async competenceCircle(tableName: string, asOf?: string): Promise<number> {
      const meter = new CapacityMeter();
      const doc = meteredDocuments(store.newDocuments(), meter);
      const api = createApiHandler(
        {
          catalogue: defaultCatalogue,
          validator,
          store: createReportStore({ client: doc, tableName }),
          subscriptions: createSubscriptionStore({ client: doc, tableName }),
          callbackPolicy: publicHttpsOnly,
          verifier: createTokenVerifier(jwks),
          publishReport: () => Promise.reject(new Error('the bench only reads')),
          now: () => new Date(),
          log: (message, error) => console.error(`api: ${message}`, error),
        },
        ['read'],
      );
      const response = await api(getRequest('/v1/competence-circle', asOf === undefined ? {} : { asOf }, ministry), lambdaContext('bench-api-read'));
      const body = typeof response === 'object' && response.body !== undefined ? (JSON.parse(response.body) as { regions?: unknown[] }) : {};
      if (typeof response !== 'object' || response.statusCode !== 200 || !Array.isArray(body.regions)) {
        throw new Error(`GET /v1/competence-circle${asOf ? `?asOf=${asOf}` : ''} answered ${JSON.stringify(response).slice(0, 500)}`);
      }
      return meter.readUnits;
    },
  };
};
