// One definition of the app's security headers: the local server's, turned into CloudFront's
// response headers policy, with connect-src widened to exactly the given sources.
import { describe, expect, it } from 'vitest';
import { WEB_SECURITY_HEADERS } from '@modellregionen/web/serving';
import { contentSecurityPolicy, webResponseHeaders } from '../lib/backend/web-headers';

const COGNITO = ['https://modellregionen-1.auth.eu-central-1.amazoncognito.com', 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_Pool/'];

describe('contentSecurityPolicy', () => {
  it("appends connect-src to the local policy, starting from default-src ('self')", () => {
    expect(contentSecurityPolicy(COGNITO, "default-src 'self'; frame-ancestors 'none'")).toBe(
      `default-src 'self'; frame-ancestors 'none'; connect-src 'self' ${COGNITO.join(' ')}`,
    );
  });

  it('widens a connect-src the local policy has, in place, without repeating a source', () => {
    expect(contentSecurityPolicy([...COGNITO, "'self'"], "default-src 'none'; connect-src 'self'; img-src 'self'")).toBe(
      `default-src 'none'; connect-src 'self' ${COGNITO.join(' ')}; img-src 'self'`,
    );
  });

  it("keeps every directive of the local server's policy", () => {
    const local = WEB_SECURITY_HEADERS['content-security-policy']!;
    expect(contentSecurityPolicy(COGNITO).startsWith(`${local}; connect-src`)).toBe(true);
  });

  it('refuses a local policy without default-src, which would leave everything else open', () => {
    expect(() => contentSecurityPolicy(COGNITO, "frame-ancestors 'none'")).toThrow(/no default-src/);
  });
});

describe('webResponseHeaders', () => {
  it('puts the headers CloudFront has a field for there, and the others as custom headers', () => {
    const { securityHeadersBehavior, customHeadersBehavior } = webResponseHeaders(COGNITO, {
      'content-security-policy': "default-src 'self'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(securityHeadersBehavior).toMatchObject({
      contentSecurityPolicy: { contentSecurityPolicy: `default-src 'self'; connect-src 'self' ${COGNITO.join(' ')}`, override: false },
      contentTypeOptions: { override: false },
      frameOptions: { frameOption: 'DENY', override: false },
      referrerPolicy: { referrerPolicy: 'no-referrer', override: false },
      strictTransportSecurity: { includeSubdomains: true, override: false },
    });
    expect(securityHeadersBehavior!.strictTransportSecurity!.accessControlMaxAge.toDays()).toBe(730);
    expect(customHeadersBehavior).toEqual({ customHeaders: [{ header: 'cross-origin-opener-policy', value: 'same-origin', override: false }] });
  });

  it('refuses values CloudFront cannot send, rather than dropping them', () => {
    expect(() => webResponseHeaders(COGNITO, { 'x-frame-options': 'ALLOW-FROM https://a.example' })).toThrow(/x-frame-options/);
    expect(() => webResponseHeaders(COGNITO, { 'referrer-policy': 'no-referrer, strict-origin' })).toThrow(/referrer-policy/);
    expect(() => webResponseHeaders(COGNITO, { 'x-content-type-options': 'sniff' })).toThrow(/nosniff/);
  });
});
