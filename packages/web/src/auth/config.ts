// The app's run-time configuration, `config.json` next to index.html: locally the development
// sign-in, on AWS Cognito's hosted sign-in. The same build runs in both places.

export interface DevAuthConfig {
  readonly auth: 'dev';
  /** The local server's route that signs development tokens. */
  readonly devTokenUrl: string;
}

export interface CognitoAuthConfig {
  readonly auth: 'cognito';
  /** The user pool as OIDC issuer: https://cognito-idp.<region>.amazonaws.com/<poolId> */
  readonly authority: string;
  readonly clientId: string;
  /** Where Cognito sends the browser back with the code: this app's /anmeldung/callback. */
  readonly redirectUri: string;
  /** The hosted UI's domain (https://<prefix>.auth.<region>.amazoncognito.com), for signing out. */
  readonly cognitoDomain: string;
  /** Where Cognito sends the browser after signing out: this app's /anmeldung. */
  readonly postLogoutRedirectUri: string;
  readonly scope: string;
}

export type AppConfig = DevAuthConfig | CognitoAuthConfig;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** https, or http to this machine (a local try of the Cognito flow). */
const secureUrl = (value: unknown, field: string): string => {
  if (typeof value !== 'string' || value === '') throw new ConfigError(`config.json: ${field} is required`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`config.json: ${field} must be an absolute URL, got "${value}"`);
  }
  const local = url.protocol === 'http:' && /^(localhost|127\.0\.0\.1|\[::1\])$/.test(url.hostname);
  if (url.protocol !== 'https:' && !local) throw new ConfigError(`config.json: ${field} must use https, got "${value}"`);
  if (url.username || url.password) throw new ConfigError(`config.json: ${field} must not carry credentials`);
  return value;
};

/** An issuer or a domain without its trailing slash, as URLs are built from it. */
const base = (value: string): string => value.replace(/\/+$/, '');

/** Reads config.json's content; a precise ConfigError names what is wrong. */
export const parseConfig = (raw: unknown): AppConfig => {
  if (!isObject(raw)) throw new ConfigError('config.json must hold a JSON object');
  if (raw.auth === 'dev') {
    const devTokenUrl = raw.devTokenUrl ?? '/local/dev-token';
    if (typeof devTokenUrl !== 'string' || !devTokenUrl.startsWith('/') || devTokenUrl.startsWith('//')) {
      throw new ConfigError('config.json: devTokenUrl must be a path on this origin, such as /local/dev-token');
    }
    return { auth: 'dev', devTokenUrl };
  }
  if (raw.auth === 'cognito') {
    const clientId = raw.clientId;
    if (typeof clientId !== 'string' || !/^[\w+]{1,128}$/.test(clientId)) {
      throw new ConfigError('config.json: clientId must be the app client id (letters, digits, + and _)');
    }
    const scope = raw.scope ?? 'openid email profile';
    if (typeof scope !== 'string' || !scope.split(/\s+/).includes('openid')) {
      throw new ConfigError('config.json: scope must include openid (the API takes ID tokens)');
    }
    return {
      auth: 'cognito',
      authority: base(secureUrl(raw.authority, 'authority')),
      clientId,
      redirectUri: secureUrl(raw.redirectUri, 'redirectUri'),
      cognitoDomain: base(secureUrl(raw.cognitoDomain, 'cognitoDomain')),
      postLogoutRedirectUri: secureUrl(raw.postLogoutRedirectUri, 'postLogoutRedirectUri'),
      scope,
    };
  }
  throw new ConfigError(`config.json: auth must be "dev" or "cognito", got ${JSON.stringify(raw.auth)}`);
};

/** Fetches and reads `/config.json`. */
export const loadConfig = async (fetchImpl: typeof fetch = fetch): Promise<AppConfig> => {
  let response: Response;
  try {
    response = await fetchImpl('/config.json', { cache: 'no-store', headers: { accept: 'application/json' } });
  } catch {
    throw new ConfigError('config.json could not be loaded: the server does not answer');
  }
  if (!response.ok) throw new ConfigError(`config.json could not be loaded: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ConfigError('config.json is not valid JSON');
  }
  return parseConfig(json);
};
