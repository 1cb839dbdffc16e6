// Hostile requests to the HTTP API, as fast-check arbitraries: deep nesting, prototype-named keys,
// oversize bodies, broken encodings, forged tokens. Each says what the API may answer.
import { createPublicKey } from 'node:crypto';
import fc from 'fast-check';
import { importJWK, type JWK, SignJWT } from 'jose';
import { CLAIMS } from '@modellregionen/api';
import { DEV_AUDIENCE, DEV_ISSUER } from '@modellregionen/local';
import { MAX_BODY_BYTES } from '../src/middleware/json-body';
import { validBodies } from './api-support';

export interface HostileRequest {
  readonly family: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Sent as it is: may hold broken percent-encoding. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  /** `reject`: any 4xx; `unauthorized`: 401; `any`: 2xx or 4xx (reads, which change nothing). */
  readonly expect: 'reject' | 'unauthorized' | 'any';
}

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'] as const;

export interface Tokens {
  readonly coordinator: string;
  readonly ministry: string;
  readonly subscriber: string;
  /** Tokens the API must refuse with 401, by what is wrong with them. */
  readonly forged: Readonly<Record<string, string>>;
  /** A subscriber's token, properly signed, whose claims carry `__proto__` naming the ministry's role. */
  readonly prototypeClaims: string;
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Valid tokens and forged ones, signed (where a signature is needed) with the local issuer's own private key. */
export const makeTokens = async (privateJwk: JWK): Promise<Tokens> => {
  const kid = privateJwk.kid ?? 'dev-1';
  const key = await importJWK(privateJwk, 'RS256');
  const now = Math.floor(Date.now() / 1000);
  const claims = (role: string, extra: Record<string, unknown> = {}) => ({
    sub: `${role}:test`,
    iss: DEV_ISSUER,
    aud: DEV_AUDIENCE,
    token_use: 'id',
    iat: now,
    exp: now + 3600,
    [CLAIMS.groups]: [role],
    ...(role === 'coordinator' ? { [CLAIMS.region]: 'wetzlar' } : {}),
    ...(role === 'subscriber' ? { [CLAIMS.municipality]: 'Stadt Gießen' } : {}),
    ...extra,
  });
  const sign = (payload: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT', ...header }).sign(key);
  const without = (payload: Record<string, unknown>, name: string) => Object.fromEntries(Object.entries(payload).filter(([k]) => k !== name));
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const publicPem = createPublicKey({ key: publicJwk as import('node:crypto').JsonWebKey, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  const hmac = (secret: string | Buffer) =>
    new SignJWT(claims('ministry')).setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' }).sign(new Uint8Array(Buffer.from(secret)));
  const ministry = await sign(claims('ministry'));
  const [, ministryPayload, ministrySignature] = ministry.split('.') as [string, string, string];
  return {
    coordinator: await sign(claims('coordinator')),
    ministry,
    subscriber: await sign(claims('subscriber')),
    forged: {
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${ministryPayload}.`,
      'alg none with a signature': `${b64({ alg: 'none', kid })}.${ministryPayload}.${ministrySignature}`,
      'HS256 keyed with the public JWK': await hmac(JSON.stringify(publicJwk)),
      'HS256 keyed with the public PEM': await hmac(publicPem),
      'unknown kid': await sign(claims('ministry'), { kid: 'dev-2' }),
      'kid __proto__': await sign(claims('ministry'), { kid: '__proto__' }),
      'kid constructor': await sign(claims('ministry'), { kid: 'constructor' }),
      'other issuer': await sign(claims('ministry', { iss: 'https://login.example.org/other' })),
      'other audience': await sign(claims('ministry', { aud: 'someone-else' })),
      expired: await sign(claims('ministry', { iat: now - 7200, exp: now - 3600 })),
      'iat in the future': await sign(claims('ministry', { iat: now + 3600, exp: now + 7200 })),
      'no exp': await sign(without(claims('ministry'), 'exp')),
      'no iat': await sign(without(claims('ministry'), 'iat')),
      'exp in 100 years': await sign(claims('ministry', { exp: now + 100 * 365 * 86400 })),
      'access token': await sign(claims('ministry', { token_use: 'access' })),
      'tampered role': `${ministry.split('.')[0]}.${b64(claims('ministry', { [CLAIMS.groups]: ['ministry', 'coordinator'] }))}.${ministrySignature}`,
      'signature cut short': ministry.slice(0, -10),
      garbage: 'eyJhbGciOi.not.a-token',
      'deeply nested payload': `${ministry.split('.')[0]}.${b64(`{"a":${'['.repeat(3000)}${']'.repeat(3000)}}`)}.${ministrySignature}`,
    },
    // Spread copies the parsed `__proto__` member as a plain member, so it is in the signed claims.
    prototypeClaims: await sign({
      ...claims('subscriber'),
      ...(JSON.parse(`{"__proto__":{"${CLAIMS.groups}":["ministry"]},"constructor":{"prototype":{"role":"ministry"}}}`) as object),
    }),
  };
};

const REPORT_KINDS = ['milestones', 'projects', 'indicators', 'findings'] as const;

/** Printable ASCII, as HTTP lets a client put in a header value. */
const headerValue = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });

/** Nesting `depth` levels deep, of arrays, objects, or both. */
const nested = (depth: number, shape: 'array' | 'object' | 'mixed', key: string): string => {
  const open = shape === 'array' ? '[' : shape === 'object' ? `{"${key}":` : `[{"${key}":`;
  const close = shape === 'array' ? ']' : shape === 'object' ? '}' : '}]';
  return `${open.repeat(depth)}1${close.repeat(depth)}`;
};

const deepJson = fc
  .record({
    depth: fc.integer({ min: 1_000, max: 20_000 }),
    shape: fc.constantFrom('array' as const, 'object' as const, 'mixed' as const),
    key: fc.constantFrom('a', ...PROTO_KEYS),
  })
  .map(({ depth, shape, key }) => nested(depth, shape, key));

/**
 * JSON text of a valid report with one member added or replaced (text, so that `__proto__` stays a
 * plain member). It comes last: of repeated members JSON.parse keeps the last.
 */
const withMember = (kind: (typeof REPORT_KINDS)[number], member: string, valueJson: string) => {
  const valid = JSON.stringify(validBodies[kind]);
  return `${valid.slice(0, -1)},${JSON.stringify(member)}:${valueJson}}`;
};

const smallJson = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null');

/** Request bodies that no write route may accept. */
const hostileBody = (kind: (typeof REPORT_KINDS)[number]) =>
  fc.oneof(
    // Deep nesting, as the body, or as the value of a known or unknown member.
    deepJson.map((json) => ({ family: 'deep body', text: json })),
    fc.tuple(fc.constantFrom('title', 'values', 'funding', 'note', 'x'), deepJson).map(([member, json]) => ({
      family: 'deep member',
      text: withMember(kind, member, json),
    })),
    // Prototype-named members, at the top or inside a nested object.
    fc.tuple(fc.constantFrom(...PROTO_KEYS), smallJson).map(([member, value]) => ({ family: 'prototype member', text: withMember(kind, member, value) })),
    fc.tuple(fc.constantFrom(...PROTO_KEYS), smallJson).map(([member, value]) => ({
      family: 'nested prototype member',
      text: JSON.stringify({ ...validBodies.indicators, values: '__VALUES__' }).replace('"__VALUES__"', `{"total":7.9,${JSON.stringify(member)}:${value}}`),
    })),
    // Larger than the API reads.
    fc.integer({ min: MAX_BODY_BYTES + 1, max: 4 * MAX_BODY_BYTES }).map((size) => ({
      family: 'oversize',
      text: withMember(kind, 'note', JSON.stringify('x'.repeat(size))),
    })),
  );

type Encoded = { family: string; body: Buffer; contentType: string };

/** A valid report in a broken or foreign encoding. */
const brokenEncoding = (kind: (typeof REPORT_KINDS)[number]): fc.Arbitrary<Encoded> => {
  const valid = Buffer.from(JSON.stringify({ ...validBodies[kind], title: 'Sprachförderung' }));
  const at = valid.indexOf('ö');
  return fc.oneof(
    fc.constantFrom([0xff], [0xfe, 0xff], [0xc3], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]).map((bad) => ({
      family: 'invalid utf-8',
      body: Buffer.concat([valid.subarray(0, at), Buffer.from(bad), valid.subarray(at + 2)]),
      contentType: 'application/json',
    })),
    fc.constantFrom('utf-16', 'UTF-16LE', 'utf-16be', '"utf-16"', 'latin1', 'iso-8859-1', 'utf-32', 'utf8', 'x').map((charset) => ({
      family: 'foreign charset',
      body: charset.toLowerCase().includes('16') ? Buffer.from(valid.toString('utf8'), 'utf16le') : valid,
      contentType: `application/json; charset=${charset}`,
    })),
  );
};

const brokenPercent = fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '%C0%AF', '%ED%A0%80', '%25%', '%%', '..%2F..%2F', '%2e%2e', '%FF%FE');
const protoSegment = fc.oneof(
  fc.constantFrom(...PROTO_KEYS),
  brokenPercent,
  fc.tuple(fc.constantFrom(...PROTO_KEYS), brokenPercent).map(([a, b]) => `${a}${b}`),
);

/** Read paths with hostile path segments: none names anything, so all are 4xx. */
const hostilePath = fc.oneof(
  protoSegment.map((s) => ({ method: 'GET' as const, path: `/v1/regions/${s}`, as: 'ministry' as const })),
  protoSegment.map((s) => ({ method: 'GET' as const, path: `/v1/regions/${s}/rejections`, as: 'ministry' as const })),
  protoSegment.map((s) => ({ method: 'GET' as const, path: `/v1/indicators/${s}`, as: 'ministry' as const })),
  protoSegment.map((s) => ({ method: 'GET' as const, path: `/v1/reviews/${s}`, as: 'ministry' as const })),
  protoSegment.map((s) => ({ method: 'POST' as const, path: `/v1/reviews/${s}/close`, as: 'ministry' as const })),
  protoSegment.map((s) => ({ method: 'DELETE' as const, path: `/v1/subscriptions/${s}`, as: 'subscriber' as const })),
  protoSegment.map((s) => ({ method: 'POST' as const, path: `/v1/regions/${s}/milestones`, as: 'coordinator' as const })),
  protoSegment.map((s) => ({ method: 'GET' as const, path: `/v1/${s}`, as: 'ministry' as const })),
);

const READ_PATHS = [
  '/v1/findings',
  '/v1/findings.atom',
  '/v1/competence-circle',
  '/v1/regions/wetzlar',
  '/v1/catalogue',
  '/v1/reviews/final',
  '/v1/subscriptions',
] as const;
const readerOf = (path: string): 'subscriber' | 'ministry' => (path === '/v1/subscriptions' ? 'subscriber' : 'ministry');

const queryValue = fc.oneof(
  brokenPercent,
  fc.integer({ min: 500, max: 3_000 }).map((depth) => encodeURIComponent(nested(depth, 'array', 'a'))),
  fc.integer({ min: 500, max: 3_000 }).map((depth) => `${'%5B'.repeat(depth)}`),
  fc.constantFrom('2012-02-30', '2012-02-29', 'education', 'wetzlar', ''),
  headerValue.map(encodeURIComponent),
);
const queryKey = fc.oneof(
  fc.constantFrom(...PROTO_KEYS, 'asOf', 'fieldOfAction', 'regionId', 'asOf[__proto__]', 'a[b][c][d]'),
  brokenPercent,
  fc.integer({ min: 100, max: 1_500 }).map((depth) => `a${'[b]'.repeat(depth)}`),
);

/** Read routes with hostile query strings: reads change nothing, so 2xx or 4xx. */
const hostileQuery = fc
  .tuple(fc.constantFrom(...READ_PATHS), fc.array(fc.tuple(queryKey, queryValue), { minLength: 1, maxLength: 4 }))
  .map(([path, pairs]) => ({ path: `${path}?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`, as: readerOf(path) }))
  .filter(({ path }) => path.length < 12_000);

/** Headers named like Object members, added to any request. */
const protoHeaders = fc.dictionary(fc.constantFrom(...PROTO_KEYS.filter((k) => k !== '__defineGetter__'), 'x-__proto__'), headerValue, { maxKeys: 3 });

export const hostileRequests = (tokens: Tokens): fc.Arbitrary<HostileRequest> => {
  const bearer = (as: 'coordinator' | 'ministry' | 'subscriber') => ({ authorization: `Bearer ${tokens[as]}` });
  const json = { 'content-type': 'application/json' };
  const forgedNames = Object.keys(tokens.forged);
  return fc.oneof(
    // Bodies on the report routes and on subscriptions.
    fc.tuple(fc.constantFrom(...REPORT_KINDS), protoHeaders).chain(([kind, extra]) =>
      hostileBody(kind).map(({ family, text }) => ({
        family,
        method: 'POST' as const,
        path: `/v1/regions/wetzlar/${kind}`,
        headers: { ...extra, ...json, ...bearer('coordinator') },
        body: Buffer.from(text),
        expect: 'reject' as const,
      })),
    ),
    fc.tuple(fc.constantFrom(...PROTO_KEYS), smallJson, fc.boolean()).map(([member, value, first]) => {
      const valid = '"callbackUrl":"https://www.giessen.de/integration/webhook"';
      const extra = `${JSON.stringify(member)}:${value}`;
      return {
        family: 'prototype member (subscription)',
        method: 'POST' as const,
        path: '/v1/subscriptions',
        headers: { ...json, ...bearer('subscriber') },
        body: Buffer.from(first ? `{${extra},${valid}}` : `{${valid},${extra}}`),
        expect: 'reject' as const,
      };
    }),
    fc.tuple(fc.constantFrom(...REPORT_KINDS), fc.constantFrom(...REPORT_KINDS)).chain(([kind, route]) =>
      brokenEncoding(kind).map(({ family, body, contentType }) => ({
        family,
        method: 'POST' as const,
        path: `/v1/regions/wetzlar/${route}`,
        headers: { 'content-type': contentType, ...bearer('coordinator') },
        body,
        expect: 'reject' as const,
      })),
    ),
    // Paths and queries.
    fc.tuple(hostilePath, protoHeaders).map(([{ method, path, as }, extra]) => ({
      family: 'hostile path',
      method,
      path,
      headers: { ...extra, ...bearer(as), ...(method === 'POST' ? json : {}) },
      ...(method === 'POST' ? { body: Buffer.from(JSON.stringify(validBodies.milestones)) } : {}),
      expect: 'reject' as const,
    })),
    fc.tuple(hostileQuery, protoHeaders).map(([{ path, as }, extra]) => ({
      family: 'hostile query',
      method: 'GET' as const,
      path,
      headers: { ...extra, ...bearer(as) },
      expect: 'any' as const,
    })),
    // Tokens: forged ones, garbage, and bearer headers that are not quite.
    fc.tuple(fc.constantFrom(...forgedNames), fc.constantFrom(...READ_PATHS, '/v1/regions/wetzlar/milestones')).map(([name, path]) => ({
      family: `forged token: ${name}`,
      method: path.endsWith('/milestones') ? ('POST' as const) : ('GET' as const),
      path,
      headers: { authorization: `Bearer ${tokens.forged[name]}`, ...(path.endsWith('/milestones') ? json : {}) },
      ...(path.endsWith('/milestones') ? { body: Buffer.from(JSON.stringify(validBodies.milestones)) } : {}),
      expect: 'unauthorized' as const,
    })),
    fc.constantFrom('/v1/competence-circle', '/v1/regions/wetzlar', '/v1/reviews/midterm').map((path) => ({
      family: 'prototype claims',
      method: 'GET' as const,
      path,
      headers: { authorization: `Bearer ${tokens.prototypeClaims}` },
      expect: 'reject' as const,
    })),
    fc
      .tuple(fc.oneof(headerValue, fc.base64String({ maxLength: 200 })), fc.constantFrom('Bearer ', 'bearer ', 'Basic ', 'Bearer  ', ''))
      .map(([garbage, scheme]) => ({
        family: 'garbage authorization',
        method: 'GET' as const,
        path: '/v1/findings',
        headers: { authorization: `${scheme}${garbage}` },
        expect: 'unauthorized' as const,
      })),
  );
};
