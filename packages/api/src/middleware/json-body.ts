import { MIMEType } from 'node:util';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { badRequest, HttpError } from '../errors';

/** Largest request body the API reads; a report is a few kilobytes. */
export const MAX_BODY_BYTES = 128 * 1024;

const JSON_ESSENCE = /^application\/(?:[\w.+-]+\+)?json$/;

/** The media type of a Content-Type header (WHATWG rules: case-insensitive, quoted parameters), or undefined. */
const mediaTypeOf = (header: string | undefined): MIMEType | undefined => {
  if (header === undefined) return undefined;
  try {
    return new MIMEType(header);
  } catch {
    return undefined;
  }
};

// A lone surrogate cannot come from UTF-8 bytes: such a string body was never valid UTF-8.
const LONE_SURROGATE = /\p{Cs}/u;
const utf8 = new TextDecoder('utf-8', { fatal: true });

const notUtf8 = () => badRequest('the body is not valid UTF-8');

/**
 * Reads a JSON request body. Written here rather than taken from @middy/http-json-body-parser
 * because the API's contract answers malformed JSON with 400 and oversized bodies with 413,
 * which that parser does not (it answers 415 for both). JSON is UTF-8 (RFC 8259): a body
 * declared in another charset is a 415, bytes that are not UTF-8 a 400, never replaced.
 */
export const readJsonBody = (event: APIGatewayProxyEventV2): unknown => {
  const header = event.headers?.['content-type'];
  const type = mediaTypeOf(header);
  if (type === undefined || !JSON_ESSENCE.test(type.essence)) {
    throw new HttpError(415, 'unsupported_media_type', `send the body as application/json (got ${header ?? 'no content type'})`);
  }
  const charset = type.params.get('charset');
  if (charset !== null && charset.toLowerCase() !== 'utf-8') {
    throw new HttpError(415, 'unsupported_media_type', `send the body as UTF-8 (charset=utf-8 or no charset); charset=${charset} is not supported`);
  }
  const raw = event.body ?? '';
  if (!event.isBase64Encoded && LONE_SURROGATE.test(raw)) throw notUtf8();
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) {
    throw new HttpError(413, 'payload_too_large', `the body is ${bytes.length} bytes; at most ${MAX_BODY_BYTES} are accepted`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw notUtf8();
  }
  if (text.trim() === '') throw badRequest('the body is empty; send a JSON object');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new HttpError(400, 'invalid_json', `the body is not valid JSON: ${(err as Error).message}`);
  }
};
