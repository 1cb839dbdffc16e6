// How the web app is served, locally (packages/local) and on AWS (the CloudFront response
// headers policy in infra): one definition for both.

/**
 * Headers of every page and file of the web app. The CSP allows nothing but this origin: no inline
 * scripts or styles, no other hosts, no plugins, no framing.
 */
export const WEB_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Paths the web app never answers: the API's, whatever the app's routes are. */
export const isApiPath = (path: string): boolean => path === '/v1' || path.startsWith('/v1/');
