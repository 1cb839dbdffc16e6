import { type LocalRuntime, openDevIssuer } from '@modellregionen/local';
import { expectDeclaredResponse } from './response-contract';

export const validBodies = {
  milestones: {
    schemaVersion: 1,
    revision: 1,
    reportedAt: '2012-02-10T09:30:00+01:00',
    milestoneId: 'integrationskonzept',
    title: 'Integriertes Handlungskonzept beschlossen',
    status: 'in_progress',
    dueDate: '2012-06-30',
  },
  projects: {
    schemaVersion: 1,
    revision: 1,
    reportedAt: '2010-03-15T09:00:00+01:00',
    projectId: 'mama-lernt-deutsch',
    title: 'Mama lernt Deutsch',
    fieldOfAction: 'language',
    status: 'running',
    startDate: '2010-01-01',
    funding: [{ programme: 'Modellregionen Integration', source: 'land', amountEur: 24000 }],
  },
  indicators: {
    schemaVersion: 1,
    revision: 1,
    reportedAt: '2012-01-20T11:00:00+01:00',
    indicatorId: 'unemployment-rate',
    period: '2011',
    values: { total: 7.9, withMigrationBackground: 14.2, withoutMigrationBackground: 6.8 },
  },
  findings: {
    schemaVersion: 1,
    revision: 1,
    reportedAt: '2012-02-28T15:00:00+01:00',
    findingId: 'elternarbeit',
    title: 'Elternarbeit in der Muttersprache wirkt',
    summary: 'Elternabende mit Sprachmittlung erreichen deutlich mehr Familien.',
    fieldOfAction: 'education',
  },
} as const;

/** Tokens for every kind of caller the role matrix distinguishes. */
export const tokensFor = async (runtime: LocalRuntime) => {
  const issuer = runtime.issuer;
  const stranger = await openDevIssuer(); // same kid, another key: a forged signature
  const valid = await issuer.sign({ role: 'coordinator', regionId: 'wetzlar' });
  const [header, payload, signature] = valid.split('.');
  return {
    none: undefined,
    expired: await issuer.sign({ role: 'ministry', issuedAt: Math.floor(Date.now() / 1000) - 7200, expiresIn: 3600 }),
    badSignature: `${header}.${payload}.${signature!.slice(0, -4)}${signature!.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`,
    forged: await stranger.sign({ role: 'ministry' }),
    otherIssuer: await issuer.sign({ role: 'ministry', issuer: 'https://login.example.org/other' }),
    coordinatorSameRegion: valid,
    coordinatorOtherRegion: await issuer.sign({ role: 'coordinator', regionId: 'kassel' }),
    ministry: await issuer.sign({ role: 'ministry' }),
    subscriber: await issuer.sign({ role: 'subscriber', municipality: 'Stadt Gießen' }),
  };
};
export type Caller = keyof Awaited<ReturnType<typeof tokensFor>>;

/** A request to the API of a local runtime; its response is held to the route's declaration. */
export const call = async (
  runtime: LocalRuntime,
  method: string,
  path: string,
  options: { token?: string | undefined; body?: unknown; rawBody?: Uint8Array | string; contentType?: string } = {},
) => {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${runtime.urls.api}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  expectDeclaredResponse(method, path, { status: response.status, contentType: response.headers.get('content-type'), text });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json: json as Record<string, unknown> | undefined, headers: response.headers };
};
