// Cognito's hosted sign-in through oidc-client-ts. Loaded only when config.json says "cognito",
// so the development build's first load carries none of it.
import { UserManager } from 'oidc-client-ts';
import type { CognitoAuthConfig } from './config';
import { cognitoLogoutUrl, cognitoSettings } from './cognito-settings';

let manager: UserManager | undefined;
const managerFor = (config: CognitoAuthConfig): UserManager => (manager ??= new UserManager(cognitoSettings(config, sessionStorage)));

/** Sends the browser to the hosted sign-in; `returnTo` comes back through the state. */
export const startSignIn = (config: CognitoAuthConfig, returnTo: string): Promise<void> => managerFor(config).signinRedirect({ state: { returnTo } });

/** On /anmeldung/callback: exchanges the code (with the PKCE verifier) for the tokens. */
export const completeSignIn = async (config: CognitoAuthConfig): Promise<{ idToken: string; returnTo: string }> => {
  const user = await managerFor(config).signinRedirectCallback();
  if (!user.id_token) throw new Error('Cognito returned no ID token');
  const state = user.state as { returnTo?: unknown } | undefined;
  return { idToken: user.id_token, returnTo: typeof state?.returnTo === 'string' ? state.returnTo : '/' };
};

/** Follows renewed tokens (refresh-token grant) so the API keeps getting a valid ID token. */
const _onTokenRenewed = (config: CognitoAuthConfig, listener: (idToken: string) => void): void => {
  managerFor(config).events.addUserLoaded((user) => {
    if (user.id_token) listener(user.id_token);
  });
};

/** Forgets the tokens here and ends the hosted UI's session, which returns to the sign-in screen. */
export const signOutEverywhere = async (config: CognitoAuthConfig): Promise<void> => {
  await managerFor(config).removeUser();
  window.location.assign(cognitoLogoutUrl(config));
};
