import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { ApiDeps } from './context';
import { forbidden, unauthorized } from './errors';
import { type Principal, principalFromClaims } from './principal';
import { InvalidTokenError, invalidTokenError } from './token-verifier';

/** The caller named by the request's bearer token: 401 without a valid token, 403 when it names no principal. */
export const authenticate = async (event: APIGatewayProxyEventV2, deps: ApiDeps): Promise<Principal> => {
  const header = event.headers?.authorization;
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (token === undefined) throw unauthorized('send a bearer token: Authorization: Bearer <token>');
  let claims: unknown;
  try {
    claims = await deps.verifier.verify(token);
  } catch (err) {
    const invalid = err instanceof InvalidTokenError ? err : invalidTokenError(err);
    if (invalid.keySetUnavailable) deps.log('the signing keys could not be fetched', invalid.cause);
    throw unauthorized(`the token is not valid: ${invalid.reason}`);
  }
  const principal = principalFromClaims(claims);
  if ('invalid' in principal) throw forbidden(principal.invalid);
  return principal;
};
