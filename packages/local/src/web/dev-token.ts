import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { DevIssuer } from '../dev-issuer';
import { type Catalogue, isReportingRegion } from '@modellregionen/events';

/** The development sign-in of the web app; a route of the local server only, never of the Lambda functions. */
export const DEV_TOKEN_PATH = '/local/dev-token';
/** A working day; the API accepts at most 24 hours. */
const DEV_TOKEN_LIFETIME_SECONDS = 8 * 3600;
const MAX_BODY_BYTES = 4096;

const name = z.string().trim().min(1, { message: 'must not be empty' }).max(100, { message: 'must be at most 100 characters' });

const requestSchema = (catalogue: Catalogue) => {
  const regions = catalogue.regions.filter(isReportingRegion).map((r) => r.id);
  return z.discriminatedUnion(
    'role',
    [
      z.strictObject({ role: z.literal('ministry'), name: name.optional() }),
      z.strictObject({
        role: z.literal('coordinator'),
        regionId: z.string().refine((id) => regions.includes(id), { message: `must be a region of the registry (${regions.join(', ')})` }),
        name: name.optional(),
      }),
      z.strictObject({ role: z.literal('subscriber'), municipality: name, name: name.optional() }),
    ],
    { message: 'must be ministry, coordinator or subscriber' },
  );
};

const sendJson = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store', ...headers });
  res.end(text);
};

const error = (
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  details?: { path: string; message: string }[],
  headers: Record<string, string> = {},
) => sendJson(res, status, { error: { code, message, ...(details ? { details } : {}) } }, headers);

const readBody = async (req: IncomingMessage): Promise<Buffer | 'too-large'> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
};

/**
 * `GET /local/dev-token`: the roles and regions to choose from.
 * `POST /local/dev-token` with `{ role, regionId?, municipality?, name? }`: an ID token of the local
 * development issuer for that role, as `npm run token` prints it. Only JSON is taken, so that a
 * page of another origin cannot make the browser send it without a CORS preflight (which this
 * server never grants).
 */
export const createDevTokenRoute = (input: { issuer: DevIssuer; catalogue: Catalogue; now?: () => number }) => {
  const schema = requestSchema(input.catalogue);
  // The sign-in screen has no token yet to read the catalogue with; it gets the regions from here.
  const choices = {
    roles: ['ministry', 'coordinator', 'subscriber'],
    regions: input.catalogue.regions.filter(isReportingRegion).map(({ id, name, role }) => ({ id, name, role })),
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === 'GET') return sendJson(res, 200, choices);
    if (req.method !== 'POST') return error(res, 405, 'method_not_allowed', `use POST ${DEV_TOKEN_PATH}`, undefined, { allow: 'GET, POST' });
    if (!/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(req.headers['content-type'] ?? '')) {
      return error(res, 415, 'unsupported_media_type', 'send the request as application/json');
    }
    const body = await readBody(req);
    if (body === 'too-large') return error(res, 413, 'payload_too_large', `the request body exceeds ${MAX_BODY_BYTES} bytes`);
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'));
    } catch {
      return error(res, 400, 'invalid_json', 'the body is not valid JSON');
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      return error(
        res,
        400,
        'validation_failed',
        'the sign-in request is not valid',
        parsed.error.issues.map((i) => ({
          path: i.path.map(String).join('.') || (i.code === 'unrecognized_keys' ? i.keys.join(',') : ''),
          message: i.code === 'unrecognized_keys' ? 'is not a known field' : i.message,
        })),
      );
    }
    const request = parsed.data;
    const region = request.role === 'coordinator' ? input.catalogue.regions.find((r) => r.id === request.regionId) : undefined;
    // The name becomes `reportedBy` of every report: a coordinator's names the office, not the id.
    const displayName = request.name ?? (region ? `Koordination ${region.name}` : undefined);
    const issuedAt = Math.floor((input.now?.() ?? Date.now()) / 1000);
    const idToken = await input.issuer.sign({
      role: request.role,
      ...(request.role === 'coordinator' ? { regionId: request.regionId } : {}),
      ...(request.role === 'subscriber' ? { municipality: request.municipality } : {}),
      ...(displayName ? { name: displayName } : {}),
      issuedAt,
      expiresIn: DEV_TOKEN_LIFETIME_SECONDS,
    });
    sendJson(res, 200, { idToken, expiresAt: new Date((issuedAt + DEV_TOKEN_LIFETIME_SECONDS) * 1000).toISOString() });
  };
};
