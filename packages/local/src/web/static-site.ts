import { isApiPath, WEB_SECURITY_HEADERS } from '@modellregionen/web/serving';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
  res.writeHead(status, { ...WEB_SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
};

const fileAt = async (path: string) => {
  try {
    const s = await stat(path);
    return s.isFile() ? s : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Serves the built web app from `distDir`: its files with their content types, `index.html` for
 * the app's own routes (paths without a file extension) so that a reload or a shared link opens
 * the right screen, and a 404 for a missing file. Hashed assets are cached for a year; the rest
 * is revalidated, so a new build shows at the next load. Returns false for paths it does not own.
 */
export const createStaticSite = (distDir: string) => {
  const root = resolve(distDir);
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (isApiPath(path)) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
      return true;
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      send(res, 400, 'bad request: the path is not valid percent-encoding\n');
      return true;
    }
    // Dot segments, hidden files (the build's source hash) and NUL never name a file of the app.
    const segments = decoded.split('/').filter((s) => s !== '');
    if (decoded.includes('\0') || decoded.includes('\\') || segments.some((s) => s.startsWith('.'))) {
      send(res, 404, 'not found\n');
      return true;
    }
    const candidate = resolve(join(root, ...segments));
    const inside = candidate === root || candidate.startsWith(root + sep);
    let file = inside && segments.length > 0 ? candidate : join(root, 'index.html');
    let info = await fileAt(file);
    if (info === undefined) {
      if (extname(segments[segments.length - 1] ?? '') !== '') {
        send(res, 404, 'not found\n');
        return true;
      }
      file = join(root, 'index.html');
      info = await fileAt(file);
      if (info === undefined) {
        send(res, 503, 'the web app is not built; run npm start again to build it\n');
        return true;
      }
    }
    const immutable = segments[0] === 'assets' && file !== join(root, 'index.html');
    res.writeHead(200, {
      ...WEB_SECURITY_HEADERS,
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'last-modified': info.mtime.toUTCString(),
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    await new Promise<void>((done, fail) => {
      createReadStream(file).on('error', fail).on('end', done).pipe(res);
    });
    return true;
  };
};
