// Stands in for @aws-sdk/credential-provider-node in the function bundles (SDK_STAND_INS in lambda-bundles.ts).
// Lambda hands a function its role's credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and
// AWS_SESSION_TOKEN, the first link of the SDK's default chain. The other links (SSO, shared ini
// files, credential processes, web identity, container and instance metadata) never answer there,
// but their code and the clients they bring (STS, SSO, SSO-OIDC, sign-in) are half of the SDK's
// bytes in a bundle.
import { fromEnv } from '@aws-sdk/credential-provider-env';

type EnvInit = Parameters<typeof fromEnv>[0];

/**
 * The SDK clients' default credentials in a Lambda function: the environment's.
 * @public (esbuild substitutes this module for the SDK's, see SDK_STAND_INS in lambda-bundles.ts)
 */
export const defaultProvider = (init?: EnvInit) => fromEnv(init);
