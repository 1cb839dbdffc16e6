import { createServer, type Server } from 'node:http';

/**
 * The local HTTP API (port 3000). It serves `GET /health` for now; the `/v1` routes of the API
 * are mounted here as they are built.
 */
export const createApiServer = (health: () => Promise<Record<string, unknown>>): Server =>
  createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: unknown) => {
        const text = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      };
      try {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
          send(200, { status: 'ok', ...(await health()) });
          return;
        }
        send(404, { error: { code: 'not_found', message: `no route for ${req.method} ${path}` } });
      } catch (err) {
        send(503, { error: { code: 'unavailable', message: err instanceof Error ? err.message : String(err) } });
      }
    })();
  });
