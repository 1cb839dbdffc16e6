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
const AGENT_OPTIONS = { keepAlive: true, maxSockets: 50 };
// Stryker disable next-line ObjectLiteral: without agents of its own a request takes Node's global ones, which keep connections alive too (since Node 19); these bound the sockets per host
const agents = { http: new HttpAgent(AGENT_OPTIONS), https: new HttpsAgent(AGENT_OPTIONS) };

/**
 * One POST, bounded: it fails with a `TimeoutError` when the connection is not open within
 * `connectionTimeoutMs`, or the answer's headers, or any part of its body, keep it waiting
 * `requestTimeoutMs`; with a `NetworkError` when the connection fails.
 */
export const post = (url: URL, headers: Record<string, string>, body: string, limits: CallLimits): Promise<HttpAnswer> =>
  new Promise<HttpAnswer>((resolve, reject) => {
    const secure = url.protocol === 'https:';
    let answerTimer: NodeJS.Timeout | undefined;
    // Stryker disable next-line BlockStatement: a timer left running fires into a settled call (see `settled`) and only keeps the process up to its time
    const clearTimers = () => {
      clearTimeout(connectTimer);
      clearTimeout(answerTimer);
    };
    // Stryker disable next-line BooleanLiteral,ConditionalExpression: a fault after the answer (a late event of a socket gone back to the agent) must not destroy that socket; Node gives none in the tests
    let settled = false;
    const fail = (err: AwsTransportError) => {
      // Stryker disable next-line ConditionalExpression,BooleanLiteral: see `settled`
      if (settled) return;
      // Stryker disable next-line BooleanLiteral: see `settled`
      settled = true;
      clearTimers();
      req.destroy();
      reject(err);
    };
    const brokeOff = () => fail(new AwsTransportError('NetworkError', `the answer of ${url.host} broke off`));
    const req = (secure ? httpsRequest : httpRequest)(url, { method: 'POST', headers, agent: secure ? agents.https : agents.http }, (res) => {
      clearTimeout(answerTimer);
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        // Stryker disable next-line BooleanLiteral: see `settled`
        settled = true;
        clearTimers();
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      // An answer that breaks off before its end is an 'error' of the answer ('aborted').
      res.on('error', brokeOff);
    });
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
      // A kept-alive socket is open already; a new one reports when it is (for TLS, once its handshake is done).
      if (!socket.connecting) waitForAnswer();
      // Stryker disable next-line StringLiteral: the tests have no TLS endpoint whose handshake completes; a stalled one fails on the connection timeout either way
      else socket.once(secure ? 'secureConnect' : 'connect', waitForAnswer);
    });
    // Silence in the middle of the body: the same bound as for the headers (per request, so that
    // a kept-alive socket does not collect listeners).
    req.setTimeout(limits.requestTimeoutMs, () => fail(new AwsTransportError('TimeoutError', `${url.host} went silent for ${limits.requestTimeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) =>
      fail(new AwsTransportError('NetworkError', `${url.host}: ${err.message}`, { cause: err, ...(err.code ? { code: err.code } : {}) })),
    );
    req.end(body);
  });
