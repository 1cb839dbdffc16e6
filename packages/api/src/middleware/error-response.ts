import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { isStoreUnavailable } from '@modellregionen/store';
import { type ErrorBody, type ErrorCode, HttpError, RETRY_AFTER_SECONDS, serviceUnavailable } from '../errors';

const CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

const errorResponse = (body: ErrorBody, status: number): APIGatewayProxyStructuredResultV2 => ({
  statusCode: status,
  headers: { 'content-type': 'application/json', ...(status === 503 ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {}) },
  body: JSON.stringify(body),
});

/**
 * Turns every error into the API's error shape. Expected errors (HttpError, and middy's own
 * errors such as the router's 404) keep their status; a store that is unreachable, stalled past
 * the client's timeouts or throttling (and middy's own timeout just before the function's) is a
 * 503 with Retry-After; anything else is logged and becomes a 500 that says nothing of the internals.
 */
export const errorResponseMiddleware = (
  log: (message: string, error: unknown) => void,
): middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> => ({
  onError: async (request) => {
    let err = request.error as (Error & { statusCode?: number; expose?: boolean }) | null;
    if (isStoreUnavailable(err)) {
      log('the store is not available', err);
      err = serviceUnavailable();
    }
    if (err instanceof HttpError) {
      request.response = errorResponse({ error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } }, err.statusCode);
      return;
    }
    const status = err?.statusCode;
    if (status !== undefined && status >= 400 && status < 500 && CODES[status]) {
      request.response = errorResponse({ error: { code: CODES[status]!, message: err?.message ?? 'request refused' } }, status);
      return;
    }
    log('unexpected error', err);
    request.response = errorResponse({ error: { code: 'internal_error', message: 'the request could not be processed' } }, 500);
  },
});
