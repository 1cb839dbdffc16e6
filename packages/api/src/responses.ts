import type { z } from 'zod';
import { MAX_BODY_BYTES } from './middleware/json-body';
import type { Route } from './route';
import { errorSchema } from './schemas/common';

export const JSON_MEDIA_TYPE = 'application/json';

/** One response a route may give, as declared (success) or as the declaration implies (errors). */
export interface DeclaredResponse {
  readonly status: number;
  readonly description: string;
  /** The body's schema; undefined when there is no body. */
  readonly schema: z.ZodType | undefined;
  readonly mediaType: string;
  /** A 503 says in Retry-After when to try again. */
  readonly retryAfter: boolean;
}

const ERROR_DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Bad input (`validation_failed` with the offending fields in `details`, `bad_request`, `invalid_json`).',
  401: 'No bearer token, or the token is not valid (`unauthorized`).',
  403: 'The token names a role or region that may not call this (`forbidden`).',
  404: 'The path names nothing that exists (`not_found`).',
  409: 'Conflict (`conflict`).',
  413: `The body is larger than ${MAX_BODY_BYTES / 1024} KiB (\`payload_too_large\`).`,
  415: 'The body is not sent as application/json in UTF-8 (`unsupported_media_type`).',
  500: 'An unexpected error; it says nothing of the internals (`internal_error`).',
  502: 'The event bus did not accept the report; nothing was recorded, send it again (`bad_gateway`).',
  503: 'The data store is unreachable, too slow or throttling; try again after the seconds in Retry-After (`service_unavailable`).',
};

const errorResponse = (status: number, description?: string): DeclaredResponse => ({
  status,
  description: description ?? ERROR_DESCRIPTIONS[status] ?? 'Error.',
  schema: errorSchema,
  mediaType: JSON_MEDIA_TYPE,
  retryAfter: status === 503,
});

/** Every response of a route by status: its declared successes, then its errors. */
export const responsesOf = (route: Route): DeclaredResponse[] => {
  const { request = {}, errors = {} } = route;
  const raised = new Map<number, string | undefined>();
  const raise = (status: number, description?: string) => raised.set(status, description ?? raised.get(status));
  // Bad percent-encoding of a path parameter, a query or a body the declaration refuses.
  if (request.params !== undefined || request.query !== undefined || request.body !== undefined) raise(400);
  if (route.access !== 'public') {
    raise(401);
    raise(403);
  }
  if (request.params !== undefined) raise(404);
  if (request.body !== undefined) {
    raise(413);
    raise(415);
  }
  raise(500);
  for (const [status, description] of Object.entries(errors)) raise(Number(status), description === true ? undefined : description);
  const successes = Object.entries(route.responses).map(
    ([status, response]): DeclaredResponse => ({
      status: Number(status),
      description: response.description,
      schema: response.schema,
      mediaType: response.mediaType ?? JSON_MEDIA_TYPE,
      retryAfter: false,
    }),
  );
  const failures = [...raised].sort(([a], [b]) => a - b).map(([status, description]) => errorResponse(status, description));
  return [...successes, ...failures];
};
