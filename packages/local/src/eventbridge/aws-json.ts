import type { IncomingMessage, ServerResponse } from 'node:http';
import { jsonNestingDepth, MAX_JSON_DEPTH } from './json-depth';

/** An error as the AWS JSON 1.1 protocol returns it; the SDK maps `__type` to an exception class. */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export const MAX_REQUEST_BYTES = 1024 * 1024;

/**
 * How much of an oversized body is still read (and thrown away) before the answer. A client that
 * is still sending when the server closes the connection gets a reset instead of the 413, and the
 * SDKs retry a reset as a network error; a body beyond this is a flood, and its connection is cut.
 */
export const MAX_DISCARDED_BYTES = 32 * MAX_REQUEST_BYTES;

/**
 * AWS answers a request over its size limit with a bare 413 and `Connection: close`. The body
 * added here names the error, so the SDK reports a RequestEntityTooLargeException with a reason
 * instead of an error called "413" without a message.
 */
export const requestTooLarge = (limit = MAX_REQUEST_BYTES): AwsError =>
  new AwsError('RequestEntityTooLargeException', `The request body is larger than ${limit} bytes.`, 413);

/** Whether the request declares (Content-Length) a body larger than `limit`. */
export const declaresMoreThan = (req: IncomingMessage, limit = MAX_REQUEST_BYTES): boolean => {
  const declared = Number(req.headers['content-length']);
  return Number.isFinite(declared) && declared > limit;
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the whole body as UTF-8 text. A body over `limit` is read to its end (up to
 * {@link MAX_DISCARDED_BYTES} more) without keeping it, then refused with a 413, so that the client
 * has finished sending and reads the answer.
 */
export const readBody = (req: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<string> =>
  new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size <= limit + MAX_DISCARDED_BYTES) chunks = [];
      else {
        req.destroy();
        reject(requestTooLarge(limit));
      }
    });
    req.on('end', () => {
      if (size > limit) return reject(requestTooLarge(limit));
      try {
        resolve(utf8.decode(Buffer.concat(chunks)));
      } catch {
        reject(new AwsError('SerializationException', 'The request body is not valid UTF-8.'));
      }
    });
    // The client went away mid-body: nobody reads the answer, but it is not a fault of the bus.
    req.on('error', () => reject(new AwsError('SerializationException', 'The request body was cut off.')));
  });

/**
 * Parses a request body: a JSON object (an empty body stands for `{}`), nested at most
 * {@link MAX_JSON_DEPTH} levels. Anything else is a SerializationException, as AWS's parser answers.
 */
export const parseRequestObject = (text: string): Record<string, unknown> => {
  if (text === '') return {};
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
    throw new AwsError('SerializationException', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AwsError('SerializationException', 'The request body is not valid JSON.');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AwsError('SerializationException', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
};

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': crypto.randomUUID(),
    // As AWS does: the connection that carried an oversized body is not kept for another request.
    ...(status === 413 ? { connection: 'close' } : {}),
  });
  res.end(text);
};

export const sendError = (res: ServerResponse, err: AwsError): void => sendJson(res, err.status, { __type: err.type, message: err.message });
