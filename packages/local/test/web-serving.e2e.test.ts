import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '@modellregionen/local';

const INDEX =
  '<!doctype html><html lang="de"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="app"></div></body></html>';

/** A raw request, so that paths reach the server exactly as written (fetch would normalise `..`). */
const raw = (base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
    const url = new URL(base);
    const req = request({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });

describe('the local server serves the web app next to the API', () => {
  let runtime: LocalRuntime;
  let dist: string;
  let base: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log("app")');
    writeFileSync(join(dist, 'assets', 'index-abc123.css'), 'body{}');
    writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(dist, '.source-hash'), 'secret-ish');
    runtime = await startLocalRuntime({ inMemory: true, ports: { api: 0, events: 0, store: 0 }, webDir: dist });
    base = runtime.urls.api;
  });
  afterAll(async () => {
    await runtime?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers the app\u2019s routes with index.html and a strict CSP, so reloads and shared links work', async () => {
    for (const path of ['/', '/kompetenzkreis?stichtag=2012-02-29', '/regionen/wetzlar/meilensteine/neu', '/anmeldung/callback?code=x&state=y']) {
      const res = await raw(base, 'GET', path);
      expect([path, res.status, res.text]).toEqual([path, 200, INDEX]);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe("default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves the built files with their content types; hashed assets are cached for a year', async () => {
    const js = await raw(base, 'GET', '/assets/index-abc123.js');
    expect([js.status, js.headers['content-type'], js.headers['cache-control']]).toEqual([
      200,
      'text/javascript; charset=utf-8',
      'public, max-age=31536000, immutable',
    ]);
    expect((await raw(base, 'GET', '/assets/index-abc123.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw(base, 'GET', '/favicon.svg')).headers['content-type']).toBe('image/svg+xml');
    const head = await raw(base, 'HEAD', '/assets/index-abc123.js');
    expect([head.status, head.headers['content-length'], head.text]).toEqual([200, '18', '']);
  });

  it('never answers /v1 with the app: the API\u2019s own 404s and 401s stay JSON', async () => {
    const missing = await raw(base, 'GET', '/v1/no-such-route');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ error: { code: 'not_found' } });
    const unauthorized = await raw(base, 'GET', '/v1/competence-circle');
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers['content-type']).toBe('application/json');
    expect((await raw(base, 'GET', '/v1')).status).toBe(404);
    expect((await raw(base, 'GET', '/v1')).text).not.toBe(INDEX);
  });

  it('gives a 404 for missing files, hidden files and paths that try to leave the folder, never a 500', async () => {
    for (const path of [
      '/assets/missing.js',
      '/.source-hash',
      '/assets/../.source-hash',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/%00.js',
      '/a%5c..%5cindex.html.js',
    ]) {
      const res = await raw(base, 'GET', path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.text).not.toContain('secret-ish');
    }
    // Encoded dots the URL parser resolves first: the path is /etc/passwd, an app route like any other.
    expect(await raw(base, 'GET', '/%2e%2e/%2e%2e/etc/passwd')).toMatchObject({ status: 200, text: INDEX });
    expect((await raw(base, 'GET', '/%E0%A4%A')).status).toBe(400);
    const post = await raw(base, 'POST', '/kompetenzkreis');
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('serves config.json naming the development sign-in', async () => {
    const res = await raw(base, 'GET', '/config.json');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ auth: 'dev', devTokenUrl: '/local/dev-token' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('signs development ID tokens that the API accepts, for at most a working day', async () => {
    const choices = JSON.parse((await raw(base, 'GET', '/local/dev-token')).text) as { regions: { id: string }[] };
    expect(choices.regions.map((r) => r.id)).toEqual(['kassel', 'wetzlar', 'wiesbaden', 'hochtaunuskreis', 'offenbach', 'main-kinzig-hanau']);

    const res = await raw(
      base,
      'POST',
      '/local/dev-token',
      { 'content-type': 'application/json' },
      JSON.stringify({ role: 'coordinator', regionId: 'wetzlar' }),
    );
    expect(res.status).toBe(200);
    const { idToken, expiresAt } = JSON.parse(res.text) as { idToken: string; expiresAt: string };
    const claims = decodeJwt(idToken);
    expect(claims).toMatchObject({ token_use: 'id', 'cognito:groups': ['coordinator'], 'custom:region': 'wetzlar', name: 'Koordination Stadt Wetzlar' });
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);
    expect(Date.parse(expiresAt)).toBe(claims.exp! * 1000);
    const region = await raw(base, 'GET', '/v1/regions/wetzlar', { authorization: `Bearer ${idToken}` });
    expect(region.status).toBe(200);
    expect((await raw(base, 'GET', '/v1/regions/kassel', { authorization: `Bearer ${idToken}` })).status).toBe(403);

    const subscriber = JSON.parse(
      (
        await raw(
          base,
          'POST',
          '/local/dev-token',
          { 'content-type': 'application/json; charset=utf-8' },
          JSON.stringify({ role: 'subscriber', municipality: 'Stadt Gießen' }),
        )
      ).text,
    ) as { idToken: string };
    expect(decodeJwt(subscriber.idToken)).toMatchObject({ 'cognito:groups': ['subscriber'], 'custom:municipality': 'Stadt Gießen' });
  });

  it('refuses bad sign-in requests with a precise 4xx', async () => {
    const post = (body: string, type = 'application/json') => raw(base, 'POST', '/local/dev-token', { 'content-type': type }, body);
    const cases: [Promise<{ status: number; text: string }>, number, string][] = [
      [post(JSON.stringify({ role: 'coordinator', regionId: 'gießen' })), 400, 'regionId'],
      [post(JSON.stringify({ role: 'coordinator' })), 400, 'regionId'],
      [post(JSON.stringify({ role: 'admin' })), 400, 'role'],
      [post(JSON.stringify({ role: 'subscriber', municipality: '   ' })), 400, 'municipality'],
      [post(JSON.stringify({ role: 'ministry', isAdmin: true })), 400, 'isAdmin'],
      [post('{'), 400, 'invalid_json'],
      [post(JSON.stringify({ role: 'ministry' }), 'text/plain'), 415, 'unsupported_media_type'],
      [post(JSON.stringify({ role: 'ministry', name: 'x'.repeat(5000) })), 413, 'payload_too_large'],
      [raw(base, 'DELETE', '/local/dev-token'), 405, 'method_not_allowed'],
    ];
    for (const [pending, status, mentions] of cases) {
      const res = await pending;
      expect([res.status, res.text.includes(mentions)]).toEqual([status, true]);
    }
  });

  it('has no development sign-in in the API\u2019s routes (the Lambda functions never serve it)', async () => {
    const { ROUTES } = await import('@modellregionen/api');
    expect(ROUTES.some((r) => r.path.startsWith('/local'))).toBe(false);
  });
});
