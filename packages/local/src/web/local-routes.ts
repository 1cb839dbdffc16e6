import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DevIssuer } from '../dev-issuer';
import type { Catalogue } from '@modellregionen/events';
import { createDevTokenRoute, DEV_TOKEN_PATH } from './dev-token';
import { WEB_SECURITY_HEADERS } from '@modellregionen/web/serving';
import { createStaticSite } from './static-site';

/** The app's run-time configuration on this machine: the development sign-in (on AWS: Cognito). */
const LOCAL_WEB_CONFIG = { auth: 'dev', devTokenUrl: DEV_TOKEN_PATH } as const;

/**
 * What the local HTTP server answers besides the API: the development sign-in, the web app's
 * configuration and, when it is built, the web app itself. Returns false for what it does not own.
 */
export const createLocalRoutes = (input: { issuer: DevIssuer; catalogue: Catalogue; webDir?: string }) => {
  const devToken = createDevTokenRoute(input);
  const site = input.webDir === undefined ? undefined : createStaticSite(input.webDir);
  const config = JSON.stringify(LOCAL_WEB_CONFIG);
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (path === DEV_TOKEN_PATH) {
      await devToken(req, res);
      return true;
    }
    if (site === undefined) return false;
    if (path === '/config.json' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, {
        ...WEB_SECURITY_HEADERS,
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(config),
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : config);
      return true;
    }
    return site(req, res, path);
  };
};
