import { Agent as HttpAgent, type IncomingMessage, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { AwsTransportError } from './errors';

export interface CallLimits {
  /** To open a TCP (and TLS) connection. */
  readonly connectionTimeoutMs: number;
  /** For one attempt, from sending the request to the response headers, and of silence while reading the body. */
  readonly requestTimeoutMs: number;
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
}

export interface HttpAnswer {
  readonly statusCode: number;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

// Connections are kept open between calls: a Lambda function's invocations reuse them, as the
// AWS SDK's do, instead of paying a TLS handshake per call.
const agents = { 'http:': new HttpAgent({ keepAlive: true, maxSockets: 50 }), 'https:': new HttpsAgent({ keepAlive: true, maxSockets: 50 }) };

/**
 * One POST, bounded: it fails with a `TimeoutError` when the connection is not open within
 * `connectionTimeoutMs`, or the answer's headers, or any part of its body, keep it waiting
 * `requestTimeoutMs`; with a `NetworkError` when the connection fails.
 */
export const post = (url: URL, headers: Record<string, string>, body: string, limits: CallLimits): Promise<HttpAnswer> =>
  new Promise<HttpAnswer>((resolve, reject) => {
    const secure = url.protocol === 'https:';
    let settled = false;
    const fail = (err: AwsTransportError) => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(err);
    };
    const req = (secure ? httpsRequest : httpRequest)(url, { method: 'POST', headers, agent: agents[secure ? 'https:' : 'http:'] }, (res) => {
      clearTimeout(answerTimer);
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        settled = true;
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (err) => fail(new AwsTransportError('NetworkError', `the answer of ${url.host} broke off: ${err.message}`, { cause: err })));
      res.on('close', () => {
        if (!res.complete) fail(new AwsTransportError('NetworkError', `the answer of ${url.host} broke off`));
      });
    });
    let answerTimer: NodeJS.Timeout | undefined;
    const connectTimer = setTimeout(
      () => fail(new AwsTransportError('TimeoutError', `no connection to ${url.host} within ${limits.connectionTimeoutMs} ms`)),
      limits.connectionTimeoutMs,
    );
    const waitForAnswer = () => {
      clearTimeout(connectTimer);
      answerTimer = setTimeout(
        () => fail(new AwsTransportError('TimeoutError', `${url.host} did not answer within ${limits.requestTimeoutMs} ms`)),
        limits.requestTimeoutMs,
      );
    };
    req.on('socket', (socket) => {
      // A kept-alive socket is open already; a new one reports when it is.
      if (!socket.connecting) waitForAnswer();
      else socket.once(secure ? 'secureConnect' : 'connect', waitForAnswer);
    });
    // Silence in the middle of the body: the same bound as for the headers (per request, so that
    // a kept-alive socket does not collect listeners).
    req.setTimeout(limits.requestTimeoutMs, () => fail(new AwsTransportError('TimeoutError', `${url.host} went silent for ${limits.requestTimeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(connectTimer);
      clearTimeout(answerTimer);
      fail(new AwsTransportError('NetworkError', `${url.host}: ${err.message}`, { cause: err, ...(err.code ? { code: err.code } : {}) }));
    });
    req.on('close', () => {
      clearTimeout(connectTimer);
      clearTimeout(answerTimer);
    });
    req.end(body);
  });
