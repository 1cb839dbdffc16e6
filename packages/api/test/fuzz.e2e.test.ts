// Fuzzing the HTTP API through the local runtime's port (adapter, handler, verifier, store): deep
// nesting, prototype-named keys, oversize bodies, broken encodings, forged tokens. The API answers
// only 2xx and 4xx (4xx in its error shape, 401s without internals), and nothing it refuses
// leaves a trace: no archived event, no stored item.
// A short run is part of `npm test`; FUZZ_RUNS=5000 npx vitest run packages/api/test/fuzz.e2e.test.ts for a long one.
import { request } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { type LocalRuntime, openDevIssuer, startLocalRuntime } from '@modellregionen/local';
import { validBodies } from './api-support';
import { expectDeclaredResponse } from './response-contract';
import { type HostileRequest, hostileRequests, makeTokens, type Tokens } from './hostile-requests';

const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

let runtime: LocalRuntime;
let tokens: Tokens;
beforeAll(async () => {
  // The issuer's key in a file of our own, so that the tests can forge tokens with the real key.
  const keyFile = join(mkdtempSync(join(tmpdir(), 'fuzz-')), 'dev-issuer-key.json');
  await openDevIssuer(keyFile);
  runtime = await startLocalRuntime({ inMemory: true, devIssuerKeyFile: keyFile, ports: { api: 0, events: 0, store: 0 } });
  tokens = await makeTokens(JSON.parse(readFileSync(keyFile, 'utf8')) as JWK);
  // Something to protect: one accepted report.
  const accepted = await send({
    family: 'setup',
    method: 'POST',
    path: '/v1/regions/wetzlar/milestones',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.coordinator}` },
    body: Buffer.from(JSON.stringify(validBodies.milestones)),
    expect: 'any',
  });
  expect(accepted.status).toBe(202);
  await runtime.settled();
});
afterAll(async () => runtime?.stop());

/** Sends the request byte for byte (fetch would normalise the path and refuse some headers). */
const sendRaw = (r: HostileRequest): Promise<{ status: number; contentType: string; text: string }> =>
  new Promise((resolve, reject) => {
    const url = new URL(runtime.urls.api);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: r.method,
        path: r.path,
        headers: { ...r.headers, ...(r.body ? { 'content-length': String(r.body.length) } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(r.body);
  });

/** Sends the request; whatever the API answers, it answers as the route declares. */
const send = async (r: HostileRequest) => {
  const response = await sendRaw(r);
  expectDeclaredResponse(r.method, r.path, response);
  return response;
};

/** Everything stored: every item of the table, and the archive. */
const snapshot = async () => {
  await runtime.settled();
  const items: unknown[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await runtime.dynamo.send(
      new ScanCommand({ TableName: runtime.tableName, ConsistentRead: true, ...(ExclusiveStartKey ? { ExclusiveStartKey: ExclusiveStartKey as never } : {}) }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return { items: items.map((i) => JSON.stringify(i)).sort(), archived: runtime.archive.size };
};

const INTERNALS = /Protocol|ECONNREFUSED|fetch failed|https?:\/\/127|JWK|JWKS|kid "|aws-jwt-verify|stack|\n\s+at /i;

/** What the API may answer to the request, checked on every run. */
const check = async (r: HostileRequest) => {
  const archivedBefore = runtime.archive.size;
  const { status, contentType, text } = await send(r);
  const label = `${r.family}: ${r.method} ${r.path.slice(0, 120)} -> ${status} ${text.slice(0, 200)}`;
  expect((status >= 200 && status < 300) || (status >= 400 && status < 500), label).toBe(true);
  if (r.expect === 'reject') expect(status, label).toBeGreaterThanOrEqual(400);
  if (r.expect === 'unauthorized') expect(status, label).toBe(401);
  if (status >= 400) {
    expect(contentType, label).toContain('application/json');
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(body.error, label).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    if (status === 401) {
      expect(String(body.error?.message), label).toMatch(/^(the token is not valid: |send a bearer token)/);
      expect(String(body.error?.message), label).not.toMatch(INTERNALS);
    }
    expect(runtime.archive.size, `${label}: a refused request put an event on the bus`).toBe(archivedBefore);
  }
};

describe('fuzzing the HTTP API through the local runtime', () => {
  it('refuses every forged token with a 401 that names no internals', async () => {
    for (const [name, token] of Object.entries(tokens.forged)) {
      await check({
        family: `forged token: ${name}`,
        method: 'GET',
        path: '/v1/findings',
        headers: { authorization: `Bearer ${token}` },
        expect: 'unauthorized',
      });
    }
    const { text } = await send({
      family: 'unknown kid',
      method: 'GET',
      path: '/v1/findings',
      headers: { authorization: `Bearer ${tokens.forged['unknown kid']}` },
      expect: 'unauthorized',
    });
    expect(JSON.parse(text)).toEqual({ error: { code: 'unauthorized', message: 'the token is not valid: it is signed by an unknown key' } });
  });

  it('keeps claims named __proto__ from granting a role', async () => {
    await check({
      family: 'prototype claims',
      method: 'GET',
      path: '/v1/competence-circle',
      headers: { authorization: `Bearer ${tokens.prototypeClaims}` },
      expect: 'reject',
    });
    expect(
      (
        await send({
          family: 'prototype claims',
          method: 'GET',
          path: '/v1/findings',
          headers: { authorization: `Bearer ${tokens.prototypeClaims}` },
          expect: 'any',
        })
      ).status,
    ).toBe(200);
  });

  it("answers 413 to a body over API Gateway's 10 MB, in the error shape", async () => {
    await check({
      family: 'larger than API Gateway takes',
      method: 'POST',
      path: '/v1/regions/wetzlar/milestones',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.coordinator}` },
      body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
      expect: 'reject',
    });
  });

  it(`answers only 2xx and 4xx to ${RUNS} hostile requests, and stores nothing it refuses`, async () => {
    const before = await snapshot();
    await fc.assert(fc.asyncProperty(hostileRequests(tokens), check), { numRuns: RUNS });
    expect(await snapshot()).toEqual(before);
  });
});
