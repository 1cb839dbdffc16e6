// The token verifier of both kinds (Cognito on AWS, the local issuer's JWKS locally): which tokens
// it accepts, what it tells the caller about the others, and how it finds keys it does not know.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, InvalidTokenError, type TokenVerifierConfig } from '../src/token-verifier';

type Key = { kid: string; privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey']; publicJwk: JWK };
const newKey = async (kid: string): Promise<Key> => {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
};
const jwksOf = (...keys: Key[]): Jwks => ({ keys: keys.map((k) => k.publicJwk as Jwks['keys'][number]) });

const now = () => Math.floor(Date.now() / 1000);
const HOUR = 3600;

/** A key set served over http on the loopback interface, as the local runtime serves its issuer's. */
let jwksServer: Server;
let served: Jwks = { keys: [] };
let fetches = 0;
let jwksUri = '';
beforeAll(async () => {
  jwksServer = createServer((_req, res) => {
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(served));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', () => resolve()));
  jwksUri = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise<void>((resolve) => jwksServer.close(() => resolve())));

const USER_POOL = 'eu-central-1_Modell1';
const CLIENT_ID = 'modellregionen-web';
const COGNITO_ISSUER = `https://cognito-idp.eu-central-1.amazonaws.com/${USER_POOL}`;
const LOCAL_ISSUER = 'https://modellregionen.local/dev-issuer';
const LOCAL_AUDIENCE = 'modellregionen-local';

/** Each kind with the issuer and audience its tokens must name. */
const KINDS = {
  jwks: {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    config: (jwks: Jwks): TokenVerifierConfig => ({ kind: 'jwks', issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwksUri, jwks }),
  },
  cognito: {
    issuer: COGNITO_ISSUER,
    audience: CLIENT_ID,
    config: (jwks: Jwks): TokenVerifierConfig => ({ kind: 'cognito', userPoolId: USER_POOL, clientId: CLIENT_ID, jwks }),
  },
} as const;

const sign = (key: Key, claims: Record<string, unknown>) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' }).sign(key.privateKey);

const refusal = async (promise: Promise<unknown>): Promise<InvalidTokenError> => {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InvalidTokenError);
  return err as InvalidTokenError;
};

describe.each(Object.entries(KINDS))('the %s verifier', (_kind, { issuer, audience, config }) => {
  let key: Key;
  let verify: (token: string) => Promise<unknown>;
  beforeAll(async () => {
    key = await newKey('k1');
    const verifier = createTokenVerifier(config(jwksOf(key)));
    verify = (token) => verifier.verify(token);
  });
  const claims = (overrides: Record<string, unknown> = {}) => ({
    sub: 'coordinator:wetzlar',
    iss: issuer,
    aud: audience,
    token_use: 'id',
    'cognito:groups': ['coordinator'],
    'custom:region': 'wetzlar',
    iat: now(),
    exp: now() + 12 * HOUR,
    ...overrides,
  });
  const without = (name: string) => Object.fromEntries(Object.entries(claims()).filter(([k]) => k !== name));

  it('accepts an ID token of its issuer that expires within a day', async () => {
    await expect(verify(await sign(key, claims()))).resolves.toMatchObject({ sub: 'coordinator:wetzlar' });
    await expect(verify(await sign(key, claims({ exp: now() + 24 * HOUR })))).resolves.toBeDefined();
  });

  it('tolerates an issue time up to a minute ahead of its clock (clock skew)', async () => {
    await expect(verify(await sign(key, claims({ iat: now() + 45 })))).resolves.toBeDefined();
  });

  it.each([
    ['without exp', () => without('exp'), 'the token has no expiry (exp)'],
    ['expiring in 100 years', () => claims({ exp: now() + 100 * 365 * 24 * HOUR }), 'the token expires more than 24 hours from now'],
    ['expiring in 25 hours', () => claims({ exp: now() + 25 * HOUR }), 'the token expires more than 24 hours from now'],
    ['without iat', () => without('iat'), 'the token has no issue time (iat)'],
    ['issued 5 minutes in the future', () => claims({ iat: now() + 300 }), 'the token is issued in the future (iat)'],
    ['that is an access token', () => claims({ token_use: 'access' }), 'only ID tokens are accepted (token_use must be "id")'],
    ['without token_use', () => without('token_use'), 'only ID tokens are accepted (token_use must be "id")'],
    ['that has expired', () => claims({ iat: now() - 2 * HOUR, exp: now() - HOUR }), 'it has expired'],
    ['of another issuer', () => claims({ iss: 'https://login.example.org/other' }), 'it is not issued by the expected issuer'],
    ['without an issuer', () => without('iss'), 'it is not issued by the expected issuer'],
    ['for another audience', () => claims({ aud: 'someone-else' }), 'it is issued for another client'],
  ])('refuses a token %s, and says why', async (_name, make, reason) => {
    const err = await refusal(verify(await sign(key, make())));
    expect(err.reason).toBe(reason);
  });

  it('refuses forged and malformed tokens without naming library internals', async () => {
    const good = await sign(key, claims());
    const [header, payload, signature] = good.split('.') as [string, string, string];
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const stranger = { ...(await newKey('k1')) };
    const hmac = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(new TextEncoder().encode(JSON.stringify(key.publicJwk)));
    const cases: [string, string][] = [
      ['garbage', 'not-a-token'],
      ['alg none', `${b64({ alg: 'none', kid: 'k1' })}.${payload}.`],
      ['alg none with a signature', `${b64({ alg: 'none', kid: 'k1' })}.${payload}.${signature}`],
      ['HS256 keyed with the public key', hmac],
      ['a signature of another key under the same kid', await sign(stranger, claims())],
      ['a tampered payload', `${header}.${b64(claims({ 'cognito:groups': ['ministry'] }))}.${signature}`],
      ['no kid', `${b64({ alg: 'RS256' })}.${payload}.${signature}`],
    ];
    for (const [name, token] of cases) {
      const err = await refusal(verify(token));
      expect(err.reason, name).toMatch(
        /^(it is not a well-formed JWT|it is not signed with an accepted algorithm|its signature is not valid|it names no signing key \(kid\))$/,
      );
      expect(err.message, name).toBe(err.reason);
    }
  });
});

describe('keys the verifier does not know yet (jwks)', () => {
  it('fetches the key set again for an unknown kid, over http from this machine, and accepts the new key', async () => {
    const [first, rotated] = await Promise.all([newKey('dev-1'), newKey('dev-2')]);
    served = jwksOf(first);
    const verifier = createTokenVerifier({ kind: 'jwks', issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwksUri, jwks: jwksOf(first) });
    const claims = { sub: 'ministry:ministerium', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, token_use: 'id', iat: now(), exp: now() + HOUR };
    const before = fetches;
    await expect(verifier.verify(await sign(first, claims))).resolves.toBeDefined();
    expect(fetches, 'a cached key needs no fetch').toBe(before);

    // The issuer rotates its key: the key set now has the new one.
    served = jwksOf(first, rotated);
    await expect(verifier.verify(await sign(rotated, claims))).resolves.toMatchObject({ sub: 'ministry:ministerium' });
    expect(fetches).toBe(before + 1);
    await expect(verifier.verify(await sign(rotated, claims))).resolves.toBeDefined();
    expect(fetches, 'the new key is cached').toBe(before + 1);
  });

  it('refuses a kid the key set does not have as "signed by an unknown key", and a flood of them fetches at most once', async () => {
    const known = await newKey('dev-1');
    served = jwksOf(known);
    const verifier = createTokenVerifier({ kind: 'jwks', issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwksUri, jwks: jwksOf(known) });
    const claims = { sub: 'x', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, token_use: 'id', iat: now(), exp: now() + HOUR };
    const before = fetches;
    const stranger = await newKey('unknown');
    for (let i = 0; i < 20; i += 1) {
      const err = await refusal(verifier.verify(await sign({ ...stranger, kid: `unknown-${i}` }, claims)));
      expect(err.reason).toBe('it is signed by an unknown key');
      expect(err.keySetUnavailable).toBe(false);
    }
    // The library's penalty box: after a fetch that did not find the kid, no fetch for 10 s.
    expect(fetches - before).toBe(1);
    // Known keys still work meanwhile.
    await expect(verifier.verify(await sign(known, claims))).resolves.toBeDefined();
  });

  it('says "unknown key" when the key set cannot be fetched, and marks it as our failure, not the token\'s', async () => {
    const known = await newKey('dev-1');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const verifier = createTokenVerifier({
      kind: 'jwks',
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      jwksUri: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      jwks: jwksOf(known),
    });
    const stranger = await newKey('dev-2');
    const err = await refusal(
      verifier.verify(await sign(stranger, { sub: 'x', iss: LOCAL_ISSUER, aud: LOCAL_AUDIENCE, token_use: 'id', iat: now(), exp: now() + HOUR })),
    );
    expect(err.reason).toBe('it is signed by an unknown key');
    expect(err.keySetUnavailable).toBe(true);
    expect(err.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch|Protocol/i);
  });

  it('fetches keys over https, or over http only from this machine', () => {
    const config = (uri: string): TokenVerifierConfig => ({ kind: 'jwks', issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, jwksUri: uri });
    expect(() => createTokenVerifier(config('http://keys.example.org/jwks.json'))).toThrow(/over https, or over http from this machine only/);
    expect(() => createTokenVerifier(config('ftp://127.0.0.1/jwks.json'))).toThrow(/over https/);
    expect(() => createTokenVerifier(config('https://keys.example.org/jwks.json'))).not.toThrow();
    expect(() => createTokenVerifier(config('http://[::1]:3000/jwks.json'))).not.toThrow();
  });
});

describe('a Cognito pool with several app clients (the API client and the web app)', () => {
  const WEB_CLIENT = 'modellregionen-browser';
  const claims = (aud: string) => ({
    sub: 'ministry:ministerium',
    iss: COGNITO_ISSUER,
    aud,
    token_use: 'id',
    'cognito:groups': ['ministry'],
    iat: now(),
    exp: now() + HOUR,
  });

  it("accepts an ID token of any of the pool's listed clients, and refuses other clients' tokens", async () => {
    const key = await newKey('k1');
    const verifier = createTokenVerifier({ kind: 'cognito', userPoolId: USER_POOL, clientId: [CLIENT_ID, WEB_CLIENT], jwks: jwksOf(key) });
    await expect(verifier.verify(await sign(key, claims(CLIENT_ID)))).resolves.toMatchObject({ aud: CLIENT_ID });
    await expect(verifier.verify(await sign(key, claims(WEB_CLIENT)))).resolves.toMatchObject({ aud: WEB_CLIENT });
    const err = await refusal(verifier.verify(await sign(key, claims('someone-else'))));
    expect(err.reason).toBe('it is issued for another client');
  });

  it('reads the clients from USER_POOL_CLIENT_ID as a comma-separated list (the stack sets it so)', async () => {
    const { verifierConfigFromEnv } = await import('../src/lambda/wiring');
    const saved = { ...process.env };
    try {
      process.env.USER_POOL_ID = USER_POOL;
      process.env.USER_POOL_CLIENT_ID = `${CLIENT_ID},${WEB_CLIENT}`;
      expect(verifierConfigFromEnv()).toEqual({ kind: 'cognito', userPoolId: USER_POOL, clientId: [CLIENT_ID, WEB_CLIENT] });
      process.env.USER_POOL_CLIENT_ID = CLIENT_ID;
      expect(verifierConfigFromEnv()).toEqual({ kind: 'cognito', userPoolId: USER_POOL, clientId: [CLIENT_ID] });
      process.env.USER_POOL_CLIENT_ID = ' , ';
      expect(() => verifierConfigFromEnv()).toThrow('USER_POOL_CLIENT_ID names no app client');
    } finally {
      process.env = saved;
    }
  });
});
