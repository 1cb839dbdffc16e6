// SPEC section 7, "bad input": whatever a client sends to the EventBridge endpoint, the answer is a
// 2xx or a 4xx in AWS's error shape, never a 500, a reset or a crash, and a refused call leaves the
// archive and the queues as they were. The runtime keeps its data on disk, so that everything an
// accepted event passes through (the archive's and the queues' journals) is exercised too.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { LOCAL_REGION, type LocalRuntime, localAdminClient, type RuntimeStatus, startLocalRuntime } from '@modellregionen/local';
import { MAX_JSON_DEPTH } from '../src/eventbridge/json-depth';
import { MAX_DISCARDED_BYTES, MAX_REQUEST_BYTES } from '../src/eventbridge/aws-json';
import { busClient, milestoneDetail, milestoneEntry } from './support';

const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'] as const;

let runtime: LocalRuntime;
let dataDir: string;
const logged: string[] = [];
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'modellregionen-fuzz-'));
  runtime = await startLocalRuntime({ dataDir, ports: { api: 0, events: 0, store: 0 }, log: (line) => logged.push(line) });
});
afterAll(async () => {
  await runtime?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const authorizationOf = (principal: string) =>
  `AWS4-HMAC-SHA256 Credential=${principal}/20120101/${LOCAL_REGION}/events/aws4_request, SignedHeaders=host, Signature=0`;

interface Call {
  target?: string;
  body: string | Uint8Array;
  authorization?: string;
  contentType?: string;
}

const call = async ({ target, body, authorization = authorizationOf('local-admin'), contentType = 'application/x-amz-json-1.1' }: Call) => {
  const headers: Record<string, string> = { 'content-type': contentType, authorization };
  if (target !== undefined) headers['x-amz-target'] = target;
  const response = await fetch(runtime.urls.events, { method: 'POST', headers, body });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
};

/** `{"a": [[...]]}` nested `depth` levels in all (arrays, so that 100,000 levels fit into 256 KB). */
const nested = (depth: number): string => `{"a":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
/** The same depth with objects only. */
const nestedObjects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

const entryWithDetail = (detail: string) => ({ ...milestoneEntry('wetzlar', 'deep'), Detail: detail });

const status = (): Promise<RuntimeStatus> => localAdminClient(runtime.urls.events).status();
/** What a refused call must not change: the archive, and every message the queues ever took. */
const footprint = (s: RuntimeStatus) => ({
  archived: s.Archive.Events,
  queued: Object.fromEntries(Object.entries(s.Queues).map(([name, q]) => [name, q.pending + q.inFlight + q.dead + q.delivered])),
});

/** Waits until deliveries, and the events they put back on the bus, have come to rest. */
const quiet = async (): Promise<void> => {
  for (;;) {
    const before = JSON.stringify(await status());
    await runtime.settled();
    await new Promise((resolve) => setTimeout(resolve, 30));
    if (JSON.stringify(await status()) === before) return;
  }
};

const expectAwsError = (answer: { status: number; json: Record<string, unknown> }, status: number, type: string) => {
  expect(answer.status).toBe(status);
  expect(answer.json).toEqual({ __type: type, message: expect.any(String) });
};

describe('operations named like Object.prototype members', () => {
  it.each(PROTOTYPE_NAMES.flatMap((name) => [name, `AWSEvents.${name}`, `ModellregionenLocal.${name}`]))('%s is an unknown operation', async (target) => {
    expectAwsError(await call({ target, body: '{}' }), 400, 'UnknownOperationException');
  });
});

describe('a Detail of any depth', () => {
  it(`accepts ${MAX_JSON_DEPTH} levels and delivers the event to the end (quarantined as an invalid report)`, async () => {
    for (const detail of [nested(MAX_JSON_DEPTH), nestedObjects(MAX_JSON_DEPTH)]) {
      const before = runtime.archive.size;
      const result = await busClient(runtime.urls.events, 'wetzlar').send(new PutEventsCommand({ Entries: [entryWithDetail(detail)] }));
      expect(result.FailedEntryCount).toBe(0);
      expect(runtime.archive.size).toBe(before + 1);
      await quiet();
      const rejections = await runtime.store.listRejections('wetzlar', 100);
      expect(rejections.map((r) => r.eventId)).toContain(result.Entries![0]!.EventId);
    }
    expect(await localAdminClient(runtime.urls.events).deadLetters()).toEqual([]);
  });

  it.each([MAX_JSON_DEPTH + 1, 4_000, 100_000])('refuses %i levels as MalformedDetail, and only that entry', async (depth) => {
    const before = footprint(await status());
    const result = await busClient(runtime.urls.events, 'wetzlar').send(
      new PutEventsCommand({ Entries: [entryWithDetail(nested(depth)), milestoneEntry('wetzlar', `next-to-${depth}`)] }),
    );
    expect(result.FailedEntryCount).toBe(1);
    expect(result.Entries?.[0]).toEqual({
      ErrorCode: 'MalformedDetail',
      ErrorMessage: `Detail is malformed: it nests ${depth} levels deep; at most ${MAX_JSON_DEPTH} are accepted.`,
    });
    expect(result.Entries?.[1]?.EventId).toBeDefined();
    expect((await status()).Archive.Events).toBe(before.archived + 1);
    await quiet();
  });

  it('refuses 4,000 levels of objects too (AWS counts objects and arrays alike)', async () => {
    const result = await busClient(runtime.urls.events, 'wetzlar').send(new PutEventsCommand({ Entries: [entryWithDetail(nestedObjects(4_000))] }));
    expect(result.Entries?.[0]?.ErrorCode).toBe('MalformedDetail');
  });
});

describe('a request body AWS would not deserialize', () => {
  it('is a SerializationException when it nests deeper than the limit anywhere', async () => {
    const deepArray = `${'['.repeat(4_000)}${']'.repeat(4_000)}`;
    for (const body of [`{"Entries":${deepArray}}`, `{"Other":${deepArray}}`, deepArray]) {
      expectAwsError(await call({ target: 'AWSEvents.PutEvents', body }), 400, 'SerializationException');
    }
  });

  it('is a SerializationException, naming the member, when a member has the wrong JSON type', async () => {
    const answer = await call({
      target: 'AWSEvents.PutEvents',
      body: JSON.stringify({ Entries: [{ ...milestoneEntry('wetzlar', 'x'), Source: { toString: 1 } }] }),
    });
    expectAwsError(answer, 400, 'SerializationException');
    expect(answer.json.message).toBe('Entries[0].Source: Invalid input: expected string, received object.');
    for (const [target, body] of [
      ['AWSEvents.StartReplay', { ReplayName: { toString: 1 } }],
      ['AWSEvents.TestEventPattern', { Event: { valueOf: 1 }, EventPattern: '{}' }],
      ['AWSEvents.DescribeReplay', { ReplayName: ['x'] }],
      ['ModellregionenLocal.RedriveDeadLetters', { MessageIds: [{ toString: 1 }] }],
    ] as const) {
      expectAwsError(await call({ target, body: JSON.stringify(body) }), 400, 'SerializationException');
    }
  });

  it('is a SerializationException when it is not UTF-8', async () => {
    const body = Buffer.concat([Buffer.from('{"Name":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]);
    expectAwsError(await call({ target: 'AWSEvents.DescribeEventBus', body }), 400, 'SerializationException');
  });

  it('treats prototype-named keys as the ordinary, unknown members they are', async () => {
    const keys = Object.fromEntries(PROTOTYPE_NAMES.map((k) => [k, { Entries: [milestoneEntry('wetzlar', 'x')] }]));
    const body = `{${PROTOTYPE_NAMES.map((k) => `"${k}":${JSON.stringify(keys[k])}`).join(',')}}`;
    expectAwsError(await call({ target: 'AWSEvents.PutEvents', body }), 400, 'ValidationException');
    const entry = `{"__proto__":{"Source":"modellregion.kassel"},${JSON.stringify(milestoneEntry('wetzlar', 'proto-keys')).slice(1)}`;
    const answer = await call({ target: 'AWSEvents.PutEvents', body: `{"Entries":[${entry}]}`, authorization: authorizationOf('wetzlar') });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ FailedEntryCount: 0 });
    await quiet();
  });
});

describe('a body over 1 MiB', () => {
  const oversized = () => Buffer.alloc(MAX_REQUEST_BYTES * 2, 'x');

  it('is answered 413, after the client has sent it all, so Node http reads the answer', async () => {
    const body = oversized();
    const answer = await new Promise<{ status: number; connection: string | undefined; json: unknown }>((resolve, reject) => {
      const req = request(
        runtime.urls.events,
        { method: 'POST', headers: { 'x-amz-target': 'AWSEvents.PutEvents', authorization: authorizationOf('wetzlar') } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, json: JSON.parse(Buffer.concat(chunks).toString()) }));
        },
      );
      req.on('error', reject);
      // In small writes, as a streaming client sends: the answer must wait for the last one.
      for (let i = 0; i < body.length; i += 64 * 1024) req.write(body.subarray(i, i + 64 * 1024));
      req.end();
    });
    expect(answer).toEqual({
      status: 413,
      connection: 'close',
      json: { __type: 'RequestEntityTooLargeException', message: `The request body is larger than ${MAX_REQUEST_BYTES} bytes.` },
    });
  });

  it('reaches the AWS SDK as a RequestEntityTooLargeException that it does not retry', async () => {
    const before = footprint(await status());
    // Default retries: a reset would be retried as a network error, a 413 is final.
    const client = new EventBridgeClient({
      endpoint: runtime.urls.events,
      region: LOCAL_REGION,
      credentials: { accessKeyId: 'wetzlar', secretAccessKey: 'local' },
    });
    const huge = { ...milestoneEntry('wetzlar', 'huge'), Detail: JSON.stringify(milestoneDetail('wetzlar', 'huge', { note: 'x'.repeat(MAX_REQUEST_BYTES) })) };
    const error = await client.send(new PutEventsCommand({ Entries: [huge] })).catch((err: unknown) => err);
    client.destroy();
    expect(error).toMatchObject({ name: 'RequestEntityTooLargeException', $metadata: { httpStatusCode: 413, attempts: 1 } });
    expect(footprint(await status())).toEqual(before);
  });

  it('is refused before it is sent to a client that asks "Expect: 100-continue"', async () => {
    const answer = await new Promise<{ status: number; continued: boolean }>((resolve, reject) => {
      let continued = false;
      const req = request(runtime.urls.events, {
        method: 'POST',
        headers: {
          'x-amz-target': 'AWSEvents.PutEvents',
          authorization: authorizationOf('wetzlar'),
          expect: '100-continue',
          'content-length': MAX_REQUEST_BYTES * 2,
        },
      });
      req.on('continue', () => (continued = true));
      req.on('response', (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, continued });
        req.destroy();
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    expect(answer).toEqual({ status: 413, continued: false });
  });

  it('is read up to 32 MiB more, then cut off as a flood; the endpoint goes on serving', async () => {
    const outcome = await new Promise<{ ended: string; flushed: number }>((resolve) => {
      let flushed = 0;
      const req = request(
        runtime.urls.events,
        { method: 'POST', headers: { 'x-amz-target': 'AWSEvents.PutEvents', authorization: authorizationOf('wetzlar') } },
        (res) => {
          res.resume();
          resolve({ ended: `answered ${res.statusCode}`, flushed });
        },
      );
      req.on('error', (err: NodeJS.ErrnoException) => resolve({ ended: err.code ?? err.message, flushed }));
      const chunk = Buffer.alloc(1024 * 1024, 'x');
      const write = (left: number): void => {
        if (left === 0) return void req.end();
        const more = req.write(chunk, (err) => (flushed += err ? 0 : chunk.length));
        if (more) write(left - 1);
        else req.once('drain', () => write(left - 1));
      };
      write(48);
    });
    expect(outcome.ended).toMatch(/ECONNRESET|EPIPE/);
    // The client's socket took at least what the endpoint read before it cut the flood off (more
    // when the sockets' buffers held some, none of that when a busy machine had drained them).
    expect(outcome.flushed).toBeGreaterThanOrEqual(MAX_REQUEST_BYTES + MAX_DISCARDED_BYTES);
    expectAwsError(await call({ target: 'AWSEvents.DescribeReplay', body: '{"ReplayName":"none"}' }), 400, 'ResourceNotFoundException');
  });
});

describe('hostile calls, generated', () => {
  const json = fc.jsonValue({ maxDepth: 3 });
  /** Mostly a value of the member's type, sometimes any JSON (which AWS refuses for the call). */
  const typed = <T>(value: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: value }, { weight: 1, arbitrary: json });
  const members = [
    'Entries',
    'Source',
    'DetailType',
    'Detail',
    'EventBusName',
    'Resources',
    'Time',
    'Name',
    'EventPattern',
    'Event',
    'ReplayName',
    'MessageIds',
  ];
  const key = fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES, ...members), fc.string({ maxLength: 8 }));
  const unknownKey = fc.oneof(
    fc.constantFrom(...PROTOTYPE_NAMES),
    fc.string({ maxLength: 8 }).filter((k) => !members.includes(k)),
  );
  const deepText = fc
    .tuple(fc.constantFrom(MAX_JSON_DEPTH - 1, MAX_JSON_DEPTH, MAX_JSON_DEPTH + 1, 4_000, 100_000), fc.boolean())
    .map(([depth, arrays]) => (arrays ? nested(depth) : nestedObjects(Math.min(depth, 40_000))));
  /** JSON text of an object; keys are written out, so `__proto__` is an ordinary member. */
  const objectText = (members: readonly (readonly [string, string])[]) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
  const jsonText = json.map((v) => JSON.stringify(v));
  const detail = fc.oneof(
    deepText,
    fc.array(fc.tuple(key, fc.oneof(jsonText, deepText)), { maxLength: 4 }).map(objectText),
    fc.dictionary(key, json, { maxKeys: 4 }).map((extra) => JSON.stringify({ ...milestoneDetail('wetzlar', 'fuzz'), ...extra })),
    fc.string({ maxLength: 30 }),
  );
  const pattern = fc
    .array(fc.tuple(key, fc.constantFrom('["x"]', '[{"exists":true}]', '[{"exists":false}]', '[{"prefix":"x"}]', '{"a":[1]}')), { minLength: 1, maxLength: 3 })
    .map(objectText);
  const event = detail.map((d) => `{"id":"1","account":"1","source":"s","time":"2012-01-01T00:00:00Z","region":"r","detail-type":"d","detail":${d}}`);
  const entry = fc
    .record(
      {
        Source: typed(fc.constantFrom('modellregion.wetzlar', 'modellregion.wetzlar', 'modellregion.kassel', 'ministerium', ...PROTOTYPE_NAMES)),
        DetailType: typed(fc.constantFrom('MilestoneReported', 'MilestoneReported', 'ProjectReported', ...PROTOTYPE_NAMES)),
        Detail: typed(detail),
        EventBusName: typed(
          fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom('modellregionen', 'arn:aws:events:eu-central-1:123456789012:event-bus/modellregionen') },
            { weight: 1, arbitrary: fc.constantFrom('default', ...PROTOTYPE_NAMES) },
          ),
        ),
        Resources: typed(fc.array(fc.constantFrom('arn:x', ...PROTOTYPE_NAMES), { maxLength: 2 })),
        Time: typed(fc.oneof(fc.integer({ min: 0, max: 4_000_000_000 }), fc.constantFrom('2012-01-01T00:00:00Z', 'yesterday', ...PROTOTYPE_NAMES))),
      },
      { requiredKeys: ['Source', 'DetailType', 'Detail', 'EventBusName'] },
    )
    .chain((e) =>
      fc
        .array(fc.tuple(unknownKey, jsonText), { maxLength: 2 })
        .map((extra) => objectText([...extra, ...Object.entries(e).map(([k, v]) => [k, JSON.stringify(v)] as const)])),
    );
  const putEventsBody = fc
    .oneof({ weight: 8, arbitrary: fc.array(entry, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fc.array(entry, { maxLength: 11 }) })
    .map((entries) => `{"Entries":[${entries.join(',')}]}`);
  const anyBody = fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.tuple(key, fc.oneof(jsonText, deepText, putEventsBody)), { maxLength: 4 }).map(objectText) },
    {
      weight: 2,
      arbitrary: fc.record({ EventPattern: fc.oneof(deepText, jsonText, pattern), Event: fc.oneof(deepText, detail, event) }).map((b) => JSON.stringify(b)),
    },
    { weight: 1, arbitrary: fc.constantFrom('', 'null', '[]', '"x"', '{', nested(4_000).slice(5, -1)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.constant(null).map(() => Buffer.alloc(MAX_REQUEST_BYTES + 1, '{')) },
  );
  const knownTargets = [
    'AWSEvents.PutEvents',
    'AWSEvents.TestEventPattern',
    'AWSEvents.DescribeEventBus',
    'AWSEvents.ListRules',
    'AWSEvents.StartReplay',
    'AWSEvents.DescribeReplay',
    'ModellregionenLocal.Status',
    'ModellregionenLocal.ListDeadLetters',
    'ModellregionenLocal.RedriveDeadLetters',
  ];
  const target = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...knownTargets) },
    { weight: 2, arbitrary: fc.constantFrom(...PROTOTYPE_NAMES).chain((n) => fc.constantFrom(n, `AWSEvents.${n}`, `ModellregionenLocal.${n}`)) },
    { weight: 1, arbitrary: fc.option(fc.stringMatching(/^[\w.$-]{0,40}$/), { nil: undefined }) },
  );
  const authorization = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('local-admin', 'local-admin', 'wetzlar', 'ministerium', 'frankfurt', ...PROTOTYPE_NAMES).map(authorizationOf) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', 'AWS4-HMAC-SHA256', 'Credential=', 'Credential=/', `Credential=${'k'.repeat(200)}/x`, 'Credential=a,b/x', 'Bearer x'),
    },
    { weight: 1, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,200}$/) },
  );
  const calls = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.tuple(
        fc.constant('AWSEvents.PutEvents'),
        putEventsBody,
        fc.oneof({ weight: 4, arbitrary: fc.constant(authorizationOf('local-admin')) }, { weight: 1, arbitrary: authorization }),
      ),
    },
    { weight: 2, arbitrary: fc.tuple(target, anyBody, authorization) },
  );
  const contentType = fc.constantFrom(
    'application/x-amz-json-1.1',
    'application/x-amz-json-1.1',
    'application/json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/x-amz-json-1.1; charset=latin1',
    '',
  );

  it(
    `answer 2xx, or 4xx in AWS's error shape, and a refused call changes nothing (${FUZZ_RUNS} runs)`,
    async () => {
      await quiet();
      await fc.assert(
        fc.asyncProperty(calls, contentType, async ([target, body, authorization], contentType) => {
          const before = footprint(await status());
          const answer = await call({ target, body, authorization, contentType });
          expect(answer.headers.get('content-type')).toBe('application/x-amz-json-1.1');
          if (answer.status === 200) {
            const accepted = Array.isArray(answer.json.Entries) ? answer.json.Entries.filter((e: { EventId?: string }) => e.EventId).length : 0;
            expect((await status()).Archive.Events - before.archived).toBeLessThanOrEqual(accepted);
            if (accepted > 0) await quiet();
            return;
          }
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
          expect(answer.json).toEqual({ __type: expect.any(String), message: expect.any(String) });
          expect(footprint(await status())).toEqual(before);
        }),
        { numRuns: FUZZ_RUNS },
      );
      await quiet();
      expect(logged.filter((line) => line.startsWith('internal error'))).toEqual([]);
      expect(await localAdminClient(runtime.urls.events).deadLetters()).toEqual([]);
      expect((await fetch(`${runtime.urls.api}/health`)).status).toBe(200);
    },
    60_000 + FUZZ_RUNS * 500,
  );
});
