import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '@modellregionen/api';
import { type LocalRuntime, startLocalRuntime } from '@modellregionen/local';
import { call, type Caller, tokensFor, validBodies } from './api-support';

type Expectation = Record<Caller, number>;
const unauthenticated = { none: 401, expired: 401, badSignature: 401, forged: 401, otherIssuer: 401 };

/** The role matrix: what each caller gets on each route (path region: wetzlar). */
const MATRIX: Record<string, Expectation> = {
  postMilestone: { ...unauthenticated, coordinatorSameRegion: 202, coordinatorOtherRegion: 403, ministry: 403, subscriber: 403 },
  postProject: { ...unauthenticated, coordinatorSameRegion: 202, coordinatorOtherRegion: 403, ministry: 403, subscriber: 403 },
  postIndicator: { ...unauthenticated, coordinatorSameRegion: 202, coordinatorOtherRegion: 403, ministry: 403, subscriber: 403 },
  postFinding: { ...unauthenticated, coordinatorSameRegion: 202, coordinatorOtherRegion: 403, ministry: 403, subscriber: 403 },
  postSubscription: { ...unauthenticated, coordinatorSameRegion: 403, coordinatorOtherRegion: 403, ministry: 403, subscriber: 201 },
  getSubscriptions: { ...unauthenticated, coordinatorSameRegion: 403, coordinatorOtherRegion: 403, ministry: 403, subscriber: 200 },
  // Allowed, but there is no such subscription.
  deleteSubscription: { ...unauthenticated, coordinatorSameRegion: 403, coordinatorOtherRegion: 403, ministry: 403, subscriber: 404 },
  closeReview: { ...unauthenticated, coordinatorSameRegion: 403, coordinatorOtherRegion: 403, ministry: 200, subscriber: 403 },
  getRejections: { ...unauthenticated, coordinatorSameRegion: 200, coordinatorOtherRegion: 403, ministry: 200, subscriber: 403 },
  getRegion: { ...unauthenticated, coordinatorSameRegion: 200, coordinatorOtherRegion: 403, ministry: 200, subscriber: 403 },
  getItemRevisions: { ...unauthenticated, coordinatorSameRegion: 200, coordinatorOtherRegion: 403, ministry: 200, subscriber: 403 },
  getCatalogue: { ...unauthenticated, coordinatorSameRegion: 200, coordinatorOtherRegion: 200, ministry: 200, subscriber: 200 },
  getCompetenceCircle: { ...unauthenticated, coordinatorSameRegion: 403, coordinatorOtherRegion: 403, ministry: 200, subscriber: 403 },
  getFunding: { ...unauthenticated, coordinatorSameRegion: 403, coordinatorOtherRegion: 403, ministry: 200, subscriber: 403 },
  getIndicator: { ...unauthenticated, coordinatorSameRegion: 403, coordinatorOtherRegion: 403, ministry: 200, subscriber: 403 },
  getReview: { ...unauthenticated, coordinatorSameRegion: 403, coordinatorOtherRegion: 403, ministry: 200, subscriber: 403 },
  getFindings: { ...unauthenticated, coordinatorSameRegion: 200, coordinatorOtherRegion: 200, ministry: 200, subscriber: 200 },
  getFindingsAtom: { ...unauthenticated, coordinatorSameRegion: 200, coordinatorOtherRegion: 200, ministry: 200, subscriber: 200 },
  getOpenApi: {
    none: 200,
    expired: 200,
    badSignature: 200,
    forged: 200,
    otherIssuer: 200,
    coordinatorSameRegion: 200,
    coordinatorOtherRegion: 200,
    ministry: 200,
    subscriber: 200,
  },
};

/** The query a route needs to answer at all (its parameters' own errors are bad-input's to test). */
const QUERY: Record<string, string> = { getItemRevisions: '?item=milestone%23integrationskonzept' };
const PARAMS: Record<string, string> = { regionId: 'wetzlar', indicatorId: 'unemployment-rate', reviewId: 'midterm', subscriptionId: 'no-such-subscription' };
const BODY: Record<string, unknown> = {
  postMilestone: validBodies.milestones,
  postProject: validBodies.projects,
  postIndicator: validBodies.indicators,
  postFinding: validBodies.findings,
  postSubscription: { callbackUrl: 'https://www.giessen.de/integration/webhook', fieldsOfAction: ['education'] },
};

let runtime: LocalRuntime;
let tokens: Awaited<ReturnType<typeof tokensFor>>;
beforeAll(async () => {
  runtime = await startLocalRuntime({ inMemory: true, ports: { api: 0, events: 0, store: 0 } });
  tokens = await tokensFor(runtime);
});
afterAll(async () => runtime?.stop());

describe('the role matrix', () => {
  it('covers every route', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(ROUTES.map((r) => r.id).sort());
  });

  for (const route of ROUTES) {
    describe(`${route.method} ${route.path}`, () => {
      const path = `${route.path.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name]!)}${QUERY[route.id] ?? ''}`;
      const expected = MATRIX[route.id]!;
      for (const caller of Object.keys(expected) as Caller[]) {
        it(`${caller} gets ${expected[caller]}`, async () => {
          const response = await call(runtime, route.method, path, { token: tokens[caller], body: BODY[route.id] });
          expect({ status: response.status, body: response.status >= 400 ? response.json : 'ok' }).toMatchObject({
            status: expected[caller],
            ...(expected[caller] >= 400 ? { body: { error: { code: expect.any(String), message: expect.any(String) } } } : {}),
          });
        });
      }
    });
  }

  it('answers 404 for an unknown region before it looks at the role', async () => {
    const response = await call(runtime, 'GET', '/v1/regions/frankfurt', { token: tokens.ministry });
    expect(response.status).toBe(404);
    expect(response.json).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers 404 for any path parameter that names nothing, whoever asks, with what there is', async () => {
    for (const token of [tokens.ministry, tokens.subscriber]) {
      expect((await call(runtime, 'GET', '/v1/regions/frankfurt/rejections', { token })).json).toEqual({
        error: { code: 'not_found', message: 'no region frankfurt in the registry (see GET /v1/catalogue)' },
      });
      expect((await call(runtime, 'GET', '/v1/indicators/happiness', { token })).json).toEqual({
        error: { code: 'not_found', message: 'no indicator happiness in the catalogue (see GET /v1/catalogue)' },
      });
      expect((await call(runtime, 'POST', '/v1/reviews/interim/close', { token })).json).toEqual({
        error: { code: 'not_found', message: 'no review interim; the reviews are midterm and final' },
      });
    }
  });

  it('lets the ministry publish findings under its own id only', async () => {
    const ok = await call(runtime, 'POST', '/v1/regions/ministerium/findings', { token: tokens.ministry, body: validBodies.findings });
    expect(ok.status).toBe(202);
    const wrong = await call(runtime, 'POST', '/v1/regions/ministerium/milestones', { token: tokens.ministry, body: validBodies.milestones });
    expect(wrong.status).toBe(403);
  });

  it('answers 404 in the error shape for an unknown route', async () => {
    const response = await call(runtime, 'GET', '/v1/nothing-here', { token: tokens.ministry });
    expect(response).toMatchObject({ status: 404, json: { error: { code: 'not_found' } } });
  });
});
