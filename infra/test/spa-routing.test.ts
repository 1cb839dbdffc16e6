// The CloudFront Function in front of the app's bucket, run as CloudFront runs it: the app's
// routes get index.html, files keep their path, and the API's paths never get the app's page.
import { describe, expect, it } from 'vitest';
import { isApiPath } from '@modellregionen/web/serving';
import { SPA_ROUTING_FUNCTION } from '../lib/backend/spa-routing';

type Request = { uri: string; method: string; querystring: Record<string, unknown> };
// The function's source is plain JavaScript sent to CloudFront as it stands; evaluate it the same way.
const handler = new Function(`${SPA_ROUTING_FUNCTION}; return handler;`)() as (event: { request: Request }) => Request;
const route = (uri: string) => handler({ request: { uri, method: 'GET', querystring: { ziel: { value: '/x' } } } });

describe('the routing function (viewer request)', () => {
  it.each(['/', '/anmeldung', '/anmeldung/callback', '/ministerium/kompetenzkreis', '/regionen/main-kinzig-hanau', '/assets', '/assets/'])(
    'answers the app route %s with /index.html, keeping the query',
    (uri) => {
      const request = route(uri);
      expect(request.uri).toBe('/index.html');
      expect(request.querystring).toEqual({ ziel: { value: '/x' } });
    },
  );

  it.each(['/index.html', '/config.json', '/favicon.svg', '/assets/index-Dx3f9a.js', '/assets/index-Q1w2e3.css', '/robots.txt', '/assets/missing.js'])(
    "keeps the file %s (a missing one is the bucket's 404)",
    (uri) => {
      expect(route(uri).uri).toBe(uri);
    },
  );

  it('never answers a path of the API with the app: /v1 itself stays a 404 (/v1/* goes to the API before this function)', () => {
    expect(route('/v1').uri).toBe('/v1');
    for (const uri of ['/v1', '/v1/', '/v1/competence-circle']) expect(isApiPath(uri), uri).toBe(true);
  });

  it('treats a leading dot as a hidden name, not an extension, as Node does: the app, not a file', () => {
    expect(route('/.source-hash').uri).toBe('/index.html');
  });

  it('is plain ES5 for cloudfront-js-2.0 without imports or Node globals', () => {
    expect(SPA_ROUTING_FUNCTION).toMatch(/^function handler\(event\) \{/);
    expect(SPA_ROUTING_FUNCTION).not.toMatch(/\b(import|require|process|Buffer)\b|=>/);
  });
});
