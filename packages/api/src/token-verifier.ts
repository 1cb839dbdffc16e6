import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import type { JsonObject } from 'aws-jwt-verify/safe-json-parse';
import type { Jwks } from 'aws-jwt-verify/jwk';

/** Where tokens come from: the Cognito user pool on AWS, the local issuer's JWKS locally. */
export type TokenVerifierConfig =
  | { kind: 'cognito'; userPoolId: string; clientId: string }
  | { kind: 'jwks'; issuer: string; audience: string; jwksUri: string; jwks?: Jwks };

export interface TokenVerifier {
  /** The verified claims; throws when the token is missing its signature, expired, or foreign. */
  verify(token: string): Promise<JsonObject>;
}

/** One code path for both: aws-jwt-verify checks signature (JWKS), issuer, audience and expiry. */
export const createTokenVerifier = (config: TokenVerifierConfig): TokenVerifier => {
  if (config.kind === 'cognito') {
    const verifier = CognitoJwtVerifier.create({ userPoolId: config.userPoolId, clientId: config.clientId, tokenUse: 'id' });
    return { verify: (token) => verifier.verify(token) };
  }
  const verifier = JwtRsaVerifier.create({ issuer: config.issuer, audience: config.audience, jwksUri: config.jwksUri });
  if (config.jwks) verifier.cacheJwks(config.jwks);
  return { verify: (token) => verifier.verify(token) };
};
