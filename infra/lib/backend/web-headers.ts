import { Duration } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
// The headers the local server sends with every page and file of the app: one definition for both
// places. (A relative path: the local package exports its runtime, and this file needs none of it.)
import { WEB_SECURITY_HEADERS } from '@modellregionen/web/serving';

/** HSTS for two years, the app's host and any below it; only where the app is served over https. */
const HSTS_MAX_AGE = Duration.days(730);

/**
 * The local Content-Security-Policy with `connect-src` widened by `connectSources`: on AWS the app
 * fetches the user pool's discovery document (cognito-idp) and exchanges the code for tokens at
 * the hosted UI's domain. Everything else stays `'self'`.
 */
export const contentSecurityPolicy = (connectSources: readonly string[], local: string = WEB_SECURITY_HEADERS['content-security-policy'] ?? ''): string => {
  const directives = local
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d !== '')
    .map((d) => {
      const [name = '', ...values] = d.split(/\s+/);
      return { name: name.toLowerCase(), values };
    });
  if (!directives.some((d) => d.name === 'default-src')) throw new Error(`the local CSP has no default-src: ${local}`);
  // Without its own connect-src, connect-src falls back to default-src: start from that.
  const fallback = directives.find((d) => d.name === 'default-src')!.values;
  const existing = directives.find((d) => d.name === 'connect-src');
  const connect = { name: 'connect-src', values: [...new Set([...(existing?.values ?? fallback), ...connectSources])] };
  const merged = existing ? directives.map((d) => (d === existing ? connect : d)) : [...directives, connect];
  return merged.map((d) => [d.name, ...d.values].join(' ')).join('; ');
};

const REFERRER_POLICIES = new Set<string>(Object.values(cloudfront.HeadersReferrerPolicy));
const FRAME_OPTIONS = new Set<string>(Object.values(cloudfront.HeadersFrameOption));

/**
 * The local server's headers as a CloudFront response headers policy: those CloudFront has a
 * field for go there, the others as custom headers, plus HSTS. `override: false`: a header the
 * origin sets itself stands. The bucket sets none of them, so the app's files always carry these;
 * the API sets its own, stricter ones (`default-src 'none'`), which are kept, and API Gateway's own
 * answers (a refused token, throttling) get these.
 */
export const webResponseHeaders = (
  connectSources: readonly string[],
  local: Readonly<Record<string, string>> = WEB_SECURITY_HEADERS,
): Pick<cloudfront.ResponseHeadersPolicyProps, 'securityHeadersBehavior' | 'customHeadersBehavior'> => {
  const override = false;
  const security: { -readonly [K in keyof cloudfront.ResponseSecurityHeadersBehavior]: cloudfront.ResponseSecurityHeadersBehavior[K] } = {
    strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, override },
  };
  const custom: cloudfront.ResponseCustomHeader[] = [];
  for (const [name, value] of Object.entries(local)) {
    switch (name.toLowerCase()) {
      case 'content-security-policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: contentSecurityPolicy(connectSources, value), override };
        break;
      case 'x-content-type-options':
        if (value !== 'nosniff') throw new Error(`x-content-type-options can only be nosniff, not ${value}`);
        security.contentTypeOptions = { override };
        break;
      case 'x-frame-options':
        if (!FRAME_OPTIONS.has(value)) throw new Error(`x-frame-options ${value} is not one CloudFront sends`);
        security.frameOptions = { frameOption: value as cloudfront.HeadersFrameOption, override };
        break;
      case 'referrer-policy':
        if (!REFERRER_POLICIES.has(value)) throw new Error(`referrer-policy ${value} is not one CloudFront sends`);
        security.referrerPolicy = { referrerPolicy: value as cloudfront.HeadersReferrerPolicy, override };
        break;
      default:
        custom.push({ header: name, value, override });
    }
  }
  return { securityHeadersBehavior: security, customHeadersBehavior: custom.length > 0 ? { customHeaders: custom } : undefined };
};
