// The deployed API handlers, wired from their environment as on AWS (a JWKS issuer instead of a
// Cognito pool, since there is none offline), called with API Gateway payload 2.0 events.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER, type DevIssuer, lambdaContext, openDevIssuer } from '@modellregionen/local';
import { startTestStore, type TestStore } from '../../../test/support/dynamodb';
import { startEventBridgeCapture } from '../../../test/support/eventbridge-capture';
import { checkedHandler } from './response-contract';

type Handler = (event: APIGatewayProxyEventV2, context: ReturnType<typeof lambdaContext>) => Promise<APIGatewayProxyStructuredResultV2>;

let db: TestStore;
let bus: Awaited<ReturnType<typeof startEventBridgeCapture>>;
let jwksServer: Server;
let issuer: DevIssuer;
let read: Handler;
let write: Handler;

beforeAll(async () => {
  db = await startTestStore();
  bus = await startEventBridgeCapture();
  issuer = await openDevIssuer();
  // aws-jwt-verify fetches keys over HTTPS only: serve them with a throwaway self-signed certificate.
  const dir = mkdtempSync(join(tmpdir(), 'jwks-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
    { stdio: 'ignore' },
  );
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  jwksServer = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) =>
    res.end(JSON.stringify(issuer.jwks)),
  );
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', () => resolve()));
  Object.assign(process.env, {
    TABLE_NAME: db.tableName,
    EVENT_BUS_NAME: 'modellregionen',
    JWT_ISSUER: DEV_ISSUER,
    JWT_AUDIENCE: DEV_AUDIENCE,
    JWKS_URI: `https://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`,
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'local-admin',
    AWS_SECRET_ACCESS_KEY: 'x',
    AWS_ENDPOINT_URL_DYNAMODB: db.endpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: bus.endpoint,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  read = checkedHandler((await import('../../../functions/api-read/handler')).handler as unknown as Handler, ['read']);
  write = checkedHandler((await import('../../../functions/api-write/handler')).handler as unknown as Handler, ['write']);
});
afterAll(async () => {
  jwksServer?.close();
  await bus?.stop();
  await db?.stop();
});

const event = (method: string, path: string, token: string, body?: unknown): APIGatewayProxyEventV2 => ({
  version: '2.0',
  routeKey: '$default',
  rawPath: path,
  rawQueryString: '',
  headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
  requestContext: {
    accountId: '111111111111',
    apiId: 'api',
    domainName: 'api.example.org',
    domainPrefix: 'api',
    http: { method, path, protocol: 'HTTP/1.1', sourceIp: '192.0.2.1', userAgent: 'test' },
    requestId: 'r',
    routeKey: '$default',
    stage: '$default',
    time: '',
    timeEpoch: 0,
  },
  ...(body ? { body: JSON.stringify(body) } : {}),
  isBase64Encoded: false,
});

describe('the API Lambda handlers', () => {
  it('write: fetches the issuer keys from JWKS_URI, validates, and puts the report on the bus', async () => {
    const token = await issuer.sign({ role: 'coordinator', regionId: 'offenbach' });
    const result = await write(
      event('POST', '/v1/regions/offenbach/findings', token, {
        schemaVersion: 1,
        revision: 1,
        reportedAt: '2012-10-09T12:00:00+02:00',
        findingId: 'lotsen',
        title: 'Lotsen',
        summary: 'Bildungslotsen helfen.',
        fieldOfAction: 'education',
      }),
      lambdaContext('api-write'),
    );
    expect(result.statusCode).toBe(202);
    expect(bus.entries).toEqual([
      expect.objectContaining({ Source: 'modellregion.offenbach', DetailType: 'FindingPublished', EventBusName: 'modellregionen' }),
    ]);
    expect(JSON.parse(bus.entries[0]!.Detail)).toMatchObject({ regionId: 'offenbach', reportedBy: 'Koordination offenbach' });
  });

  it('write: answers 502 when the bus does not take the report, so the coordinator sends it again', async () => {
    const token = await issuer.sign({ role: 'coordinator', regionId: 'offenbach' });
    bus.failNextCalls(1);
    const before = bus.entries.length;
    const result = await write(
      event('POST', '/v1/regions/offenbach/findings', token, {
        schemaVersion: 1,
        revision: 2,
        reportedAt: '2012-10-10T12:00:00+02:00',
        findingId: 'lotsen',
        title: 'Lotsen',
        summary: 'Bildungslotsen helfen.',
        fieldOfAction: 'education',
      }),
      lambdaContext('api-write'),
    );
    expect(result.statusCode).toBe(502);
    expect(JSON.parse(String(result.body))).toEqual({
      error: { code: 'bad_gateway', message: 'the event bus did not accept the report; nothing was recorded, send it again' },
    });
    expect(bus.entries).toHaveLength(before);
  });

  it('read: serves only read routes; write serves only write routes', async () => {
    const token = await issuer.sign({ role: 'ministry' });
    expect((await read(event('GET', '/v1/competence-circle', token), lambdaContext('api-read'))).statusCode).toBe(200);
    expect((await read(event('POST', '/v1/reviews/final/close', token), lambdaContext('api-read'))).statusCode).toBe(404);
    expect((await write(event('GET', '/v1/catalogue', token), lambdaContext('api-write'))).statusCode).toBe(404);
  });
});
