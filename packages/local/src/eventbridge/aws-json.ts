import type { IncomingMessage, ServerResponse } from 'node:http';

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

export const readBody = (req: IncomingMessage, limit = MAX_REQUEST_BYTES): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new AwsError('ValidationException', `Request body is larger than ${limit} bytes.`, 413));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

export const sendJson = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': crypto.randomUUID(),
  });
  res.end(text);
};

export const sendError = (res: ServerResponse, err: AwsError): void =>
  sendJson(res, err.status, { __type: err.type, message: err.message });
