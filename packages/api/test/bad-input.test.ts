import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS_OF_ACTION } from '@modellregionen/events';
import { type LocalRuntime, startLocalRuntime } from '@modellregionen/local';
import { call, tokensFor, validBodies } from './api-support';
import { competenceCircleIn } from '../../../test/support/views';

let runtime: LocalRuntime;
let token: string;
beforeAll(async () => {
  runtime = await startLocalRuntime({ inMemory: true, ports: { api: 0, events: 0, store: 0 } });
  token = (await tokensFor(runtime)).coordinatorSameRegion;
});
afterAll(async () => runtime?.stop());

const WRITE_ROUTES = ['milestones', 'projects', 'indicators', 'findings'] as const;

/** Everything the table holds that a view is made of, to show that nothing changed. */
const snapshot = async () => {
  await runtime.settled();
  return {
    circle: await competenceCircleIn(runtime.store, '2013-12-31'),
    wetzlar: await runtime.store.currentItems('wetzlar'),
    archived: runtime.archive.size,
  };
};

describe('bad input to the write routes gets a precise 4xx', () => {
  it('415 for a body that is not declared as JSON', async () => {
    const r = await call(runtime, 'POST', '/v1/regions/wetzlar/milestones', {
      token,
      rawBody: JSON.stringify(validBodies.milestones),
      contentType: 'text/plain',
    });
    expect(r).toMatchObject({ status: 415, json: { error: { code: 'unsupported_media_type' } } });
  });

  it('413 for a body over 128 KiB', async () => {
    const r = await call(runtime, 'POST', '/v1/regions/wetzlar/milestones', { token, body: { ...validBodies.milestones, note: 'x'.repeat(140_000) } });
    expect(r).toMatchObject({ status: 413, json: { error: { code: 'payload_too_large' } } });
  });

  it('415 for a body declared in a charset other than UTF-8, whatever its case or quoting', async () => {
    for (const charset of ['utf-16', 'UTF-16LE', '"utf-16"', 'iso-8859-1', 'utf8']) {
      const rawBody = charset.includes('16') ? Buffer.from(JSON.stringify(validBodies.milestones), 'utf16le') : JSON.stringify(validBodies.milestones);
      const r = await call(runtime, 'POST', '/v1/regions/wetzlar/milestones', { token, rawBody, contentType: `application/json; charset=${charset}` });
      expect(r, charset).toMatchObject({ status: 415, json: { error: { code: 'unsupported_media_type' } } });
      expect(r.json?.error).toMatchObject({ message: expect.stringContaining(`charset=${charset.replaceAll('"', '')} is not supported`) });
    }
  });

  it('takes UTF-8 declared in any case, quoted or not, and JSON without a charset', async () => {
    for (const contentType of ['application/json; charset=UTF-8', 'application/json;charset="utf-8"', 'Application/JSON']) {
      const body = { ...validBodies.milestones, milestoneId: 'zeichensatz', title: 'Sprachförderung – Eltern' };
      const r = await call(runtime, 'POST', '/v1/regions/wetzlar/milestones', { token, rawBody: JSON.stringify(body), contentType });
      expect(r.status, contentType).toBe(202);
    }
  });

  it('400 for bytes that are not UTF-8, rather than reading them with replacement characters', async () => {
    const before = runtime.archive.size;
    const json = Buffer.from(JSON.stringify({ ...validBodies.milestones, milestoneId: 'kaputte-bytes', title: 'Sprachf__rderung' }));
    for (const bad of [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
      const i = json.indexOf('__');
      const rawBody = Buffer.concat([json.subarray(0, i), Buffer.from(bad), json.subarray(i + 2)]);
      const r = await call(runtime, 'POST', '/v1/regions/wetzlar/milestones', { token, rawBody });
      expect(r, String(bad)).toMatchObject({ status: 400, json: { error: { code: 'bad_request', message: 'the body is not valid UTF-8' } } });
    }
    expect(runtime.archive.size).toBe(before);
  });

  it('400 for malformed JSON, for a non-object, and for an empty body', async () => {
    for (const rawBody of ['{"schemaVersion": 1,', '[1,2]', '', 'null']) {
      const r = await call(runtime, 'POST', '/v1/regions/wetzlar/projects', { token, rawBody });
      expect(r.status, rawBody).toBe(400);
    }
  });

  it('400 with field paths for an invalid report, relative to the detail', async () => {
    const r = await call(runtime, 'POST', '/v1/regions/wetzlar/projects', {
      token,
      body: { ...validBodies.projects, endDate: '2009-12-31', funding: [{ programme: 'x', source: 'land', amountEur: -1 }] },
    });
    expect(r.status).toBe(400);
    expect(r.json).toEqual({
      error: {
        code: 'validation_failed',
        message: 'the ProjectReported report is not valid',
        details: [
          { path: 'funding.0.amountEur', message: 'must not be negative', code: 'negative' },
          { path: 'endDate', message: 'must not be before startDate (2010-01-01)', code: 'before_start_date', params: { startDate: '2010-01-01' } },
        ],
      },
    });
  });

  it('400 when the body names the region or the reporter, which come from path and token', async () => {
    const r = await call(runtime, 'POST', '/v1/regions/wetzlar/milestones', {
      token,
      body: { ...validBodies.milestones, regionId: 'kassel', reportedBy: 'jemand' },
    });
    expect(r.status).toBe(400);
    expect(r.json?.error).toMatchObject({
      details: [
        { path: 'regionId', message: 'comes from the path; leave it out', code: 'set_from_path' },
        { path: 'reportedBy', message: 'comes from the token; leave it out', code: 'set_from_token' },
      ],
    });
  });

  it('4xx, not 500, for broken percent-encoding or odd characters in the path', async () => {
    const ministry = (await tokensFor(runtime)).ministry;
    for (const path of ['/v1/regions/%E0%A4%A', '/v1/regions/%ZZ/rejections', '/v1/indicators/%00', '/v1/reviews/..%2F..%2Fetc']) {
      const r = await call(runtime, 'GET', path, { token: ministry });
      expect(r.status, path).toBeGreaterThanOrEqual(400);
      expect(r.status, path).toBeLessThan(500);
    }
  });

  it('400 for a bad asOf date', async () => {
    const ministry = (await tokensFor(runtime)).ministry;
    const r = await call(runtime, 'GET', '/v1/competence-circle?asOf=2012-02-30', { token: ministry });
    expect(r).toMatchObject({ status: 400, json: { error: { details: [{ path: 'asOf', code: 'invalid_date' }] } } });
  });

  it('400 naming each filter of the findings that names nothing, and ignores parameters it does not know', async () => {
    const subscriber = (await tokensFor(runtime)).subscriber;
    const r = await call(runtime, 'GET', '/v1/findings?fieldOfAction=cooking&regionId=frankfurt', { token: subscriber });
    expect(r.json).toEqual({
      error: {
        code: 'validation_failed',
        message: 'query parameters fieldOfAction and regionId are not valid',
        details: [
          {
            path: 'fieldOfAction',
            message: 'must be one of education, employment, participation, health, housing, language, culture, administration',
            code: 'not_one_of',
            params: { options: [...FIELDS_OF_ACTION] },
          },
          { path: 'regionId', message: 'names no region that publishes findings: "frankfurt"', code: 'unknown_region', params: { regionId: 'frankfurt' } },
        ],
      },
    });
    expect((await call(runtime, 'GET', '/v1/findings?fieldOfAction=education&page=2', { token: subscriber })).status).toBe(200);
  });
});

describe('bad subscriptions get field errors worded as for reports', () => {
  it('names each unknown field on its own, and a missing field as required', async () => {
    const subscriber = (await tokensFor(runtime)).subscriber;
    const r = await call(runtime, 'POST', '/v1/subscriptions', { token: subscriber, body: { fieldsOfAction: ['education'], extra: 1, other: 'x' } });
    expect(r.json).toEqual({
      error: {
        code: 'validation_failed',
        message: 'the subscription is not valid',
        details: [
          { path: 'callbackUrl', message: 'is required', code: 'required' },
          { path: 'extra', message: 'is not a known field', code: 'unknown_field' },
          { path: 'other', message: 'is not a known field', code: 'unknown_field' },
        ],
      },
    });
  });

  it('names the rule a refused callback URL breaks, as a parameter of its code', async () => {
    const subscriber = (await tokensFor(runtime)).subscriber;
    const refused = async (callbackUrl: string) =>
      ((await call(runtime, 'POST', '/v1/subscriptions', { token: subscriber, body: { callbackUrl } })).json as { error: { details: unknown[] } }).error
        .details;
    expect(await refused('http://example.org/hook')).toEqual([
      { path: 'callbackUrl', message: 'must use https', code: 'callback_not_allowed', params: { rule: 'https' } },
    ]);
    expect(await refused('https://10.0.0.1/hook')).toEqual([
      { path: 'callbackUrl', message: 'must name a public host', code: 'callback_not_allowed', params: { rule: 'public_host' } },
    ]);
    expect(await refused('not a url')).toEqual([{ path: 'callbackUrl', message: 'must be an absolute URL', code: 'invalid_url' }]);
  });

  it('400 for a body that is not a JSON object, as on the report routes', async () => {
    const subscriber = (await tokensFor(runtime)).subscriber;
    const r = await call(runtime, 'POST', '/v1/subscriptions', { token: subscriber, rawBody: '["https://www.giessen.de/hook"]' });
    expect(r.json).toEqual({ error: { code: 'bad_request', message: 'the body must be a JSON object' } });
  });
});

describe('property: arbitrary bodies never yield a 5xx and never change a view', () => {
  it('holds for arbitrary JSON values and arbitrary bytes on every write route', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...WRITE_ROUTES),
        fc.oneof(
          fc.jsonValue().map((v) => ({ rawBody: JSON.stringify(v) ?? 'null', contentType: 'application/json' })),
          fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ rawBody: bytes, contentType: 'application/json' })),
          fc.record({
            rawBody: fc.string({ maxLength: 500 }),
            contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-8'),
          }),
          // Near misses: a valid report with one field replaced by anything.
          fc.tuple(fc.constantFrom(...Object.keys(validBodies.projects)), fc.jsonValue()).map(([key, value]) => ({
            rawBody: JSON.stringify({ ...validBodies.milestones, ...validBodies.projects, [key]: value }),
            contentType: 'application/json',
          })),
        ),
        async (route, { rawBody, contentType }) => {
          const r = await call(runtime, 'POST', `/v1/regions/wetzlar/${route}`, { token, rawBody, contentType });
          expect(r.status).toBeGreaterThanOrEqual(400);
          expect(r.status).toBeLessThan(500);
          expect(r.json).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
        },
      ),
      { numRuns: 400 },
    );
    expect(await snapshot()).toEqual(before);
  });
});
