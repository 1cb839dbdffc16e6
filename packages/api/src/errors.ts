import type { CodedFieldError } from '@modellregionen/events';

export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'invalid_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'bad_gateway',
  'service_unavailable',
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** An error that becomes `{ "error": { code, message, details? } }` with its status. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: CodedFieldError[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: CodedFieldError[]) => new HttpError(400, details ? 'validation_failed' : 'bad_request', message, details);
export const unauthorized = (message: string) => new HttpError(401, 'unauthorized', message);
export const forbidden = (message: string) => new HttpError(403, 'forbidden', message);
export const notFound = (message: string) => new HttpError(404, 'not_found', message);
export const conflict = (message: string) => new HttpError(409, 'conflict', message);

/** What a 503 asks the client to wait (Retry-After), in seconds: long enough for a store hiccup to pass. */
export const RETRY_AFTER_SECONDS = 5;

export const serviceUnavailable = () =>
  new HttpError(503, 'service_unavailable', `the data store is not available right now; try again in ${RETRY_AFTER_SECONDS} seconds`);

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: CodedFieldError[] };
}
