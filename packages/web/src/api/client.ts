import { endSession, sessionStore } from '../auth/session';
import type { ErrorBody, FieldError } from './types';

/** A refused or failed call: the API's status, code, message and field errors (status 0: no answer). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: readonly FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const isErrorBody = (v: unknown): v is ErrorBody => typeof v === 'object' && v !== null && typeof (v as ErrorBody).error?.message === 'string';

const request = async <T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> => {
  const session = sessionStore.get();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (session) headers.authorization = `Bearer ${session.idToken}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(signal ? { signal } : {}),
      cache: 'no-store',
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network', 'the server does not answer');
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    // An expired or refused token ends the session: the sign-in screen says why, never a blank page.
    if (response.status === 401 && session) endSession('expired');
    const retryAfter = Number(response.headers.get('retry-after'));
    if (isErrorBody(json)) {
      throw new ApiError(response.status, json.error.code, json.error.message, json.error.details ?? [], Number.isFinite(retryAfter) ? retryAfter : undefined);
    }
    throw new ApiError(response.status, `http_${response.status}`, `HTTP ${response.status}`);
  }
  return json as T;
};

/** The /v1 API of this origin, with the session's ID token as bearer token. */
export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body: unknown) => request<T>('POST', path, body),
  delete: (path: string) => request<undefined>('DELETE', path),
  /** A non-JSON resource (the Atom feed) with the bearer token, as a Blob. */
  async blob(path: string): Promise<Blob> {
    const session = sessionStore.get();
    const response = await fetch(path, { headers: session ? { authorization: `Bearer ${session.idToken}` } : {}, cache: 'no-store' }).catch(() => {
      throw new ApiError(0, 'network', 'the server does not answer');
    });
    if (response.status === 401 && session) endSession('expired');
    if (!response.ok) throw new ApiError(response.status, `http_${response.status}`, `HTTP ${response.status}`);
    return response.blob();
  },
};

export const enc = encodeURIComponent;
