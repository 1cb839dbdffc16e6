export { type ApiHandler, createApiHandler } from './app';
export { type CallbackPolicy, publicHttpsOnly } from './callback-policy';
export { RETRY_AFTER_SECONDS, serviceUnavailable } from './errors';
export { CLAIMS, type Role, ROLES } from './principal';
export { type DeclaredResponse, responsesOf } from './responses';
export type { ApiFunction, Route } from './route';
export { ROUTES } from './routes';
export { MAX_TOKEN_LIFETIME_SECONDS } from './token-claims';
export { createTokenVerifier } from './token-verifier';
