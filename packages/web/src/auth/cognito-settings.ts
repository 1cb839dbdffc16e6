import { type UserManagerSettings, WebStorageStateStore } from 'oidc-client-ts';
import type { CognitoAuthConfig } from './config';

/**
 * oidc-client-ts settings for Cognito's hosted sign-in: the authorization-code flow, which the
 * library always runs with PKCE (S256) unless told not to; no client secret (a public client);
 * tokens in sessionStorage, so they end with the tab; no session iframe (Cognito has none) and
 * no user-info call (the API takes the ID token's claims).
 */
export const cognitoSettings = (config: CognitoAuthConfig, storage: Storage): UserManagerSettings & { disablePKCE: false } => ({
  authority: config.authority,
  client_id: config.clientId,
  redirect_uri: config.redirectUri,
  post_logout_redirect_uri: config.postLogoutRedirectUri,
  response_type: 'code',
  response_mode: 'query',
  scope: config.scope,
  disablePKCE: false,
  loadUserInfo: false,
  monitorSession: false,
  automaticSilentRenew: true,
  // Cognito's refresh-token grant answers with a new ID token; renewing without an iframe keeps
  // the CSP free of frame sources.
  silentRequestTimeoutInSeconds: 10,
  userStore: new WebStorageStateStore({ store: storage }),
  stateStore: new WebStorageStateStore({ store: storage }),
});

/**
 * Cognito's own sign-out (its discovery document names no end_session_endpoint): the hosted UI's
 * /logout with the app client and where to return, which must be a sign-out URL of the client.
 */
export const cognitoLogoutUrl = (config: CognitoAuthConfig): string => {
  const url = new URL('/logout', config.cognitoDomain);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('logout_uri', config.postLogoutRedirectUri);
  return url.href;
};
