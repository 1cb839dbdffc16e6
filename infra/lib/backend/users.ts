import { Aws, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ROLES } from '@modellregionen/api';

interface UserDirectoryProps {
  /**
   * What happens to the user pool when it leaves the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Prefix of the hosted sign-in's domain, `https://<prefix>.auth.<region>.amazoncognito.com`:
   * lowercase letters, digits and hyphens, unique in the AWS region across all accounts, without
   * `aws`, `amazon` or `cognito`.
   * @default `modellregionen-<account id>`
   */
  readonly domainPrefix?: string;
}

/** The scopes the web app asks for: `openid` makes Cognito issue the ID token the API takes. */
export const WEB_APP_SCOPES: readonly cognito.OAuthScope[] = [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE];

/** Where the web app takes the code back, and where it lands after signing out (packages/web/src/app.tsx). */
export const SIGN_IN_CALLBACK_PATH = '/anmeldung/callback';
export const SIGNED_OUT_PATH = '/anmeldung';

/**
 * The API's users: a Cognito user pool that administrators fill (MFA, no self sign-up), a group per
 * role, the client the API's tokens are issued to, and the hosted sign-in's domain. The web app's
 * client comes with the web app (`addWebAppClient`), whose addresses it needs.
 */
export class UserDirectory extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** The hosted sign-in (Cognito's managed UI) the web app sends users to. */
  readonly domain: cognito.UserPoolDomain;
  /** The pool as OIDC issuer (`iss` of its tokens, and where its discovery document is). */
  readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: UserDirectoryProps = {}) {
    super(scope, id);
    // 'Default' is left out of logical ids: the pool and its client keep the logical ids they had
    // before this construct existed. Under a new one CloudFormation would create an empty pool and
    // keep the old one, with every account, outside the stack.
    this.userPool = new cognito.UserPool(this, 'Default', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      customAttributes: {
        region: new cognito.StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
        municipality: new cognito.StringAttribute({ mutable: true, minLen: 1, maxLen: 200 }),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const role of ROLES) new cognito.CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role });
    this.client = this.userPool.addClient('ApiClient', {
      authFlows: { userSrp: true },
      // Signs in through the API (SRP) only. With the hosted UI's domain, the OAuth flows CDK
      // would otherwise enable (implicit and code, to https://example.com) would become usable.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      // The custom attributes the API reads are set by administrators only.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    // As API Gateway's authorizer builds it.
    this.issuerUrl = `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`;
    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `modellregionen-${Aws.ACCOUNT_ID}` },
    });
  }

  /**
   * The web app's client: Cognito's hosted sign-in with the authorization-code grant only, for a
   * public client (no secret: a browser cannot keep one), which the app runs with PKCE (S256,
   * oidc-client-ts). Cognito has no switch that demands PKCE of a client; with no secret and no
   * other flow, a stolen code is useless without the verifier the app kept in the tab.
   * `appUrls` are the addresses the app is served at (`https://host`, no path); each gets its
   * callback and sign-out URL. ID tokens live an hour, as the API client's: the API refuses any
   * that expires more than a day ahead.
   */
  addWebAppClient(appUrls: readonly string[]): cognito.UserPoolClient {
    if (appUrls.length === 0) throw new Error('the web app client needs at least one address of the app');
    return this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [...WEB_APP_SCOPES],
        callbackUrls: appUrls.map((url) => `${url}${SIGN_IN_CALLBACK_PATH}`),
        logoutUrls: appUrls.map((url) => `${url}${SIGNED_OUT_PATH}`),
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      // A working day; the app keeps tokens in the tab's sessionStorage, which ends with the tab.
      refreshTokenValidity: Duration.hours(12),
      enableTokenRevocation: true,
      // As the API client: the custom attributes the API reads are set by administrators only.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
  }
}
