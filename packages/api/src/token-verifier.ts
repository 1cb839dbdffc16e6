import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwkInvalidKtyError,
  JwkInvalidUseError,
  JwksNotAvailableInCacheError,
  JwksValidationError,
  JwkValidationError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidIssuerError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  ParameterValidationError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import { type Jwks, SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { JsonObject } from 'aws-jwt-verify/safe-json-parse';
import { JwksFetcher, unfetchableJwksUri } from './jwks-fetcher';
import { checkIdTokenClaims, TokenClaimError } from './token-claims';

/**
 * Where tokens come from: the Cognito user pool on AWS, the local issuer's JWKS locally. `jwks`
 * puts keys in the cache up front (the local issuer's, or keys fetched elsewhere); a token signed
 * with a key that is not there makes the verifier fetch the key set again.
 */
export type TokenVerifierConfig =
  | { kind: 'cognito'; userPoolId: string; clientId: string | readonly string[]; jwks?: Jwks }
  | { kind: 'jwks'; issuer: string; audience: string; jwksUri: string; jwks?: Jwks };

export interface TokenVerifier {
  /** The verified claims; rejects with an InvalidTokenError when the token is not accepted. */
  verify(token: string): Promise<JsonObject>;
}

/**
 * Why a token was refused, in words fit for the caller: never the library's message, which may
 * name URLs, key ids or transport failures. `cause` keeps the original for the log.
 */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
  constructor(
    readonly reason: string,
    /** The failure lies on our side (the key set could not be fetched), not in the token. */
    readonly keySetUnavailable: boolean,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

const UNKNOWN_KEY = 'it is signed by an unknown key';

/** Each failure aws-jwt-verify (or our own claim check) reports, as the reason the caller sees. */
export const invalidTokenError = (err: unknown): InvalidTokenError => {
  const reason = (text: string, keySetUnavailable = false) => new InvalidTokenError(text, keySetUnavailable, { cause: err });
  if (err instanceof TokenClaimError) return reason(err.message);
  if (err instanceof JwtParseError) return reason('it is not a well-formed JWT');
  if (err instanceof JwtWithoutValidKidError) return reason('it names no signing key (kid)');
  if (err instanceof KidNotFoundInJwksError || err instanceof WaitPeriodNotYetEndedJwkError) return reason(UNKNOWN_KEY);
  if (err instanceof FetchError || err instanceof JwksValidationError || err instanceof JwkValidationError || err instanceof JwksNotAvailableInCacheError) {
    return reason(UNKNOWN_KEY, true);
  }
  if (err instanceof JwtInvalidSignatureAlgorithmError || err instanceof JwkInvalidUseError || err instanceof JwkInvalidKtyError) {
    return reason('it is not signed with an accepted algorithm');
  }
  if (err instanceof JwtInvalidSignatureError) return reason('its signature is not valid');
  if (err instanceof JwtExpiredError) return reason('it has expired');
  if (err instanceof JwtNotBeforeError) return reason('it is not valid yet (nbf)');
  // The Cognito verifier looks its configuration up by the token's `iss`: a foreign one is a parameter error there.
  if (err instanceof JwtInvalidIssuerError || err instanceof ParameterValidationError) return reason('it is not issued by the expected issuer');
  if (err instanceof JwtInvalidAudienceError || err instanceof CognitoJwtInvalidClientIdError) return reason('it is issued for another client');
  if (err instanceof CognitoJwtInvalidTokenUseError) return reason('only ID tokens are accepted (token_use must be "id")');
  return reason('it could not be verified');
};

/**
 * One code path for both kinds: aws-jwt-verify checks the signature against the key set, the
 * issuer, the audience (the app client on Cognito) and that the token has not expired; our claim
 * check adds what it leaves open (ID tokens only, `exp` required and at most a day ahead, `iat`
 * not in the future). Keys are cached; an unknown `kid` fetches the key set again, at most once
 * per penalty period of the library (10 s) while unknown kids keep coming.
 */
export const createTokenVerifier = (config: TokenVerifierConfig): TokenVerifier => {
  // The library reads Date.now() for `exp`; the claim check reads the same clock.
  const customJwtCheck = ({ payload }: { payload: JwtPayload }) => checkIdTokenClaims(payload, Date.now() / 1000);
  const jwksCache = new SimpleJwksCache({ fetcher: new JwksFetcher() });
  let verify: (token: string) => Promise<JsonObject>;
  if (config.kind === 'cognito') {
    const verifier = CognitoJwtVerifier.create(
      { userPoolId: config.userPoolId, clientId: typeof config.clientId === 'string' ? config.clientId : [...config.clientId], tokenUse: 'id', customJwtCheck },
      { jwksCache },
    );
    if (config.jwks) verifier.cacheJwks(config.jwks);
    verify = (token) => verifier.verify(token);
  } else {
    const refused = unfetchableJwksUri(config.jwksUri);
    if (refused !== undefined) throw new Error(`token verifier: ${refused}`);
    const verifier = JwtVerifier.create({ issuer: config.issuer, audience: config.audience, jwksUri: config.jwksUri, customJwtCheck }, { jwksCache });
    if (config.jwks) verifier.cacheJwks(config.jwks);
    verify = (token) => verifier.verify(token);
  }
  return {
    async verify(token) {
      try {
        return await verify(token);
      } catch (err) {
        throw invalidTokenError(err);
      }
    },
  };
};
