import { describe, expect, it } from 'vitest';
import { cognitoLogoutUrl, cognitoSettings } from '../src/auth/cognito-settings';
import { ConfigError, loadConfig, parseConfig } from '../src/auth/config';

const cognito = {
  auth: 'cognito',
  authority: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbCdEf123/',
  clientId: '4f8kq1example0client0id',
  redirectUri: 'https://modellregionen.example.org/anmeldung/callback',
  cognitoDomain: 'https://modellregionen.auth.eu-central-1.amazoncognito.com/',
  postLogoutRedirectUri: 'https://modellregionen.example.org/anmeldung',
};

const memoryStorage = (): Storage => {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
};

describe('config.json', () => {
  it('locally names the development sign-in, by default at /local/dev-token', () => {
    expect(parseConfig({ auth: 'dev' })).toEqual({ auth: 'dev', devTokenUrl: '/local/dev-token' });
    expect(parseConfig({ auth: 'dev', devTokenUrl: '/elsewhere' })).toEqual({ auth: 'dev', devTokenUrl: '/elsewhere' });
  });

  it('refuses a development sign-in on another origin', () => {
    expect(() => parseConfig({ auth: 'dev', devTokenUrl: 'https://evil.example/token' })).toThrow(ConfigError);
    expect(() => parseConfig({ auth: 'dev', devTokenUrl: '//evil.example/token' })).toThrow(/a path on this origin/);
  });

  it('on AWS names Cognito: the issuer and the hosted UI without trailing slashes, the default scope', () => {
    expect(parseConfig(cognito)).toEqual({
      auth: 'cognito',
      authority: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbCdEf123',
      clientId: '4f8kq1example0client0id',
      redirectUri: 'https://modellregionen.example.org/anmeldung/callback',
      cognitoDomain: 'https://modellregionen.auth.eu-central-1.amazoncognito.com',
      postLogoutRedirectUri: 'https://modellregionen.example.org/anmeldung',
      scope: 'openid email profile',
    });
  });

  it.each([
    [{ ...cognito, clientId: '' }, /clientId/],
    [{ ...cognito, clientId: 'a b' }, /clientId/],
    [{ ...cognito, authority: 'http://cognito-idp.example.com/pool' }, /authority must use https/],
    [{ ...cognito, redirectUri: 'anmeldung/callback' }, /redirectUri must be an absolute URL/],
    [{ ...cognito, cognitoDomain: undefined }, /cognitoDomain is required/],
    [{ ...cognito, postLogoutRedirectUri: 'https://user:pw@example.org/' }, /must not carry credentials/],
    [{ ...cognito, scope: 'email profile' }, /scope must include openid/],
    [{ auth: 'saml' }, /auth must be "dev" or "cognito"/],
    [[], /a JSON object/],
    [null, /a JSON object/],
  ])('refuses %j precisely', (raw, message) => {
    expect(() => parseConfig(raw)).toThrow(message);
  });

  it('allows http to this machine, for trying the Cognito flow locally', () => {
    expect(parseConfig({ ...cognito, redirectUri: 'http://127.0.0.1:3000/anmeldung/callback' })).toMatchObject({
      redirectUri: 'http://127.0.0.1:3000/anmeldung/callback',
    });
  });

  it('says what is wrong when config.json cannot be loaded or read', async () => {
    const answer =
      (status: number, body: string): typeof fetch =>
      async () =>
        new Response(body, { status });
    await expect(loadConfig(answer(404, 'not found'))).rejects.toThrow('config.json could not be loaded: HTTP 404');
    await expect(loadConfig(answer(200, '{'))).rejects.toThrow('config.json is not valid JSON');
    await expect(loadConfig(async () => Promise.reject(new TypeError('fetch failed')))).rejects.toThrow('the server does not answer');
    expect(await loadConfig(answer(200, '{"auth":"dev"}'))).toEqual({ auth: 'dev', devTokenUrl: '/local/dev-token' });
  });
});

describe('the Cognito sign-in through oidc-client-ts', () => {
  const config = parseConfig(cognito);
  if (config.auth !== 'cognito') throw new Error('unreachable');

  it('runs the authorization-code flow with PKCE as a public client, tokens kept for the tab only', () => {
    const storage = memoryStorage();
    const settings = cognitoSettings(config, storage);
    expect(settings).toMatchObject({
      authority: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_AbCdEf123',
      client_id: '4f8kq1example0client0id',
      redirect_uri: 'https://modellregionen.example.org/anmeldung/callback',
      post_logout_redirect_uri: 'https://modellregionen.example.org/anmeldung',
      response_type: 'code',
      scope: 'openid email profile',
      disablePKCE: false,
      monitorSession: false,
      loadUserInfo: false,
    });
    expect(settings).not.toHaveProperty('client_secret');
  });

  it('signs out through the hosted UI\u2019s /logout with the client and the sign-out URL', () => {
    const url = new URL(cognitoLogoutUrl(config));
    expect(url.origin + url.pathname).toBe('https://modellregionen.auth.eu-central-1.amazoncognito.com/logout');
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: '4f8kq1example0client0id', logout_uri: 'https://modellregionen.example.org/anmeldung' });
  });
});
