import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { RETRY_AFTER_SECONDS, serviceUnavailable } from '@modellregionen/api';
import { isStoreUnavailable } from '@modellregionen/store';
import { lambdaContext, toGatewayEvent, writeGatewayResult } from './local-adapter';

export interface ApiServerOptions {
  readonly health: () => Promise<Record<string, unknown>>;
  /** The local issuer's public keys, served where the API's verifier fetches them. */
  readonly jwks: unknown;
  /** The deployed API handler (read and write routes), run unchanged. */
  readonly api: (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;
  readonly log: (line: string) => void;
  /** Routes of this machine only (the development sign-in, the web app); false passes the request on to the API. */
  readonly local?: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;
}

export const JWKS_PATH = '/.well-known/jwks.json';

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
};

/**
 * The local HTTP API (port 3000): the API's Lambda handler behind an API Gateway-like adapter,
 * plus `GET /health` and the local issuer's JWKS.
 */
export const createApiServer = (options: ApiServerOptions): Server =>
  createServer((req, res) => {
    void (async () => {
      try {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (path === '/health' && req.method === 'GET') return sendJson(res, 200, { status: 'ok', ...(await options.health()) });
        if (path === JWKS_PATH && req.method === 'GET') return sendJson(res, 200, options.jwks);
        if (options.local && (await options.local(req, res, path))) return;
        const event = await toGatewayEvent(req, req.headers.host ?? '127.0.0.1');
        if (event === 'too-large') {
          return sendJson(res, 413, { error: { code: 'payload_too_large', message: 'the request body exceeds 10 MB' } });
        }
        event.headers['x-forwarded-proto'] = 'http';
        writeGatewayResult(res, await options.api(event, lambdaContext('modellregionen-api')));
      } catch (err) {
        options.log(`api: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        if (res.headersSent) res.end();
        else if (isStoreUnavailable(err)) {
          // The handler answers these itself; this covers whatever reaches the store around it.
          const { code, message } = serviceUnavailable();
          sendJson(res, 503, { error: { code, message } }, { 'retry-after': String(RETRY_AFTER_SECONDS) });
        } else sendJson(res, 500, { error: { code: 'internal_error', message: 'the request could not be processed' } });
      }
    })();
  });
