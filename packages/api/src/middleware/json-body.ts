import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { badRequest, HttpError } from '../errors';

/** Largest request body the API reads; a report is a few kilobytes. */
export const MAX_BODY_BYTES = 128 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a JSON request body. Written here rather than taken from @middy/http-json-body-parser
 * because the API's contract answers malformed JSON with 400 and oversized bodies with 413,
 * which that parser does not (it answers 415 for both).
 */
export const readJsonBody = (event: APIGatewayProxyEventV2): unknown => {
  const type = event.headers?.['content-type'];
  if (type === undefined || !JSON_TYPE.test(type)) {
    throw new HttpError(415, 'unsupported_media_type', `send the body as application/json (got ${type ?? 'no content type'})`);
  }
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) {
    throw new HttpError(413, 'payload_too_large', `the body is ${bytes.length} bytes; at most ${MAX_BODY_BYTES} are accepted`);
  }
  const text = bytes.toString('utf8');
  if (text.trim() === '') throw badRequest('the body is empty; send a JSON object');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new HttpError(400, 'invalid_json', `the body is not valid JSON: ${(err as Error).message}`);
  }
};
