import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

/** Cognito issues ID tokens for at most a day; the local issuer keeps to the same bound. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * How far the issuer's clock may run ahead of ours. A minute covers ordinary NTP drift between
 * machines without letting a token dated in the future live noticeably longer than it should.
 */
const CLOCK_SKEW_SECONDS = 60;

/** A token whose signature is good but whose claims this API does not accept. */
export class TokenClaimError extends Error {
  override readonly name = 'TokenClaimError';
}

/**
 * The claims every token must carry, whoever issued it: an ID token (the role and region are in
 * the ID token, not in the access token), dated (`iat` not in the future), and expiring within a
 * day (`exp` present and at most 24 hours ahead). aws-jwt-verify checks that `exp` has not passed,
 * but accepts a token without one, or with one a century away.
 */
export const checkIdTokenClaims = (payload: JwtPayload, nowSeconds: number): void => {
  if (payload.token_use !== 'id') throw new TokenClaimError('only ID tokens are accepted (token_use must be "id")');
  if (typeof payload.exp !== 'number') throw new TokenClaimError('the token has no expiry (exp)');
  if (payload.exp > nowSeconds + MAX_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
    throw new TokenClaimError('the token expires more than 24 hours from now');
  }
  if (typeof payload.iat !== 'number') throw new TokenClaimError('the token has no issue time (iat)');
  if (payload.iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new TokenClaimError('the token is issued in the future (iat)');
};
