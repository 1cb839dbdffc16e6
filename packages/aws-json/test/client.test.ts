import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveEndpoint } from '../src/config';
import { AwsConfigurationError, AwsServiceError, AwsTransportError, type CallLimits, createAwsJsonClient, SERVICES } from '../src/index';
import { signedHeaders } from '../src/sigv4';

const LIMITS: CallLimits = { connectionTimeoutMs: 1_000, requestTimeoutMs: 300, maxAttempts: 3 };
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret', sessionToken: 'token' };

interface Received {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
  socket: number;
}

/** A service stand-in: answers the n-th request (from 0) as `answer` says; records each request and the connection it came on. */
const service = async (answer: (n: number, res: ServerResponse) => void) => {
  const received: Received[] = [];
  const sockets = new WeakMap<object, number>();
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!sockets.has(req.socket)) {
        connections += 1;
        sockets.set(req.socket, connections);
      }
      received.push({ method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), socket: sockets.get(req.socket)! });
      answer(received.length - 1, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stops.push(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { endpoint, received };
};
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', ...headers }).end(JSON.stringify(body));

const sleeps: number[] = [];
const clientOf = (endpoint: string, limits: CallLimits = LIMITS) => {
  sleeps.length = 0;
  return createAwsJsonClient({
    service: SERVICES.dynamodb,
    endpoint,
    region: 'eu-central-1',
    credentials,
    limits,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
};

describe('a call', () => {
  it('is a signed POST of the input as JSON, with the operation as its target, answered with the JSON the service sends', async () => {
    const s = await service((_, res) => json(res, 200, { Item: { pk: { S: 'a' } } }));
    const answer = await clientOf(s.endpoint).call('GetItem', { TableName: 't', Key: { pk: { S: 'a' } } });
    expect(answer).toEqual({ Item: { pk: { S: 'a' } } });
    const [{ method, headers, body }] = s.received as [Received];
    expect(method).toBe('POST');
    expect(JSON.parse(body)).toEqual({ TableName: 't', Key: { pk: { S: 'a' } } });
    expect(headers).toMatchObject({
      'x-amz-target': 'DynamoDB_20120810.GetItem',
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-security-token': 'token',
    });
    expect(Number(headers['content-length'])).toBe(Buffer.byteLength(body));
    // The signature is that of exactly this request: recomputed from what arrived, it is the same.
    const now = new Date(String(headers['x-amz-date']).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    const again = signedHeaders({
      method: 'POST',
      url: new URL(s.endpoint),
      headers: { 'content-type': String(headers['content-type']), 'x-amz-target': String(headers['x-amz-target']) },
      body,
      service: 'dynamodb',
      region: 'eu-central-1',
      credentials,
      now,
    });
    expect(headers.authorization).toBe(again.authorization);
  });

  it('keeps its connection open for the next call', async () => {
    const s = await service((_, res) => json(res, 200, {}));
    const client = clientOf(s.endpoint);
    for (let i = 0; i < 3; i += 1) await client.call('DescribeLimits', {});
    expect(s.received.map((r) => r.socket)).toEqual([1, 1, 1]);
  });

  it('answers an empty body, or one that is not a JSON object, as an empty object', async () => {
    const bodies = ['', '[1]', 'null', '"x"', '{"broken'];
    const s = await service((n, res) => res.writeHead(200).end(bodies[n]));
    const client = clientOf(s.endpoint);
    for (const _ of bodies) expect(await client.call('DeleteItem', {})).toEqual({});
  });

  it('fails on any answer other than 2xx, a redirection too', async () => {
    const s = await service((_, res) => res.writeHead(300).end());
    await expect(clientOf(s.endpoint).call('PutItem', {})).rejects.toMatchObject({ name: 'Http300', statusCode: 300 });
  });
});

describe('an error the service answers', () => {
  it('is an AwsServiceError named by its code, with its message, status, request id and other fields', async () => {
    const s = await service((_, res) =>
      json(
        res,
        400,
        { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed', Item: { pk: { S: 'a' } } },
        { 'x-amzn-requestid': 'req-1' },
      ),
    );
    const err = await clientOf(s.endpoint)
      .call('PutItem', {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsServiceError);
    expect(err).toMatchObject({
      name: 'ConditionalCheckFailedException',
      code: 'ConditionalCheckFailedException',
      message: 'The conditional request failed',
      statusCode: 400,
      requestId: 'req-1',
      details: { Item: { pk: { S: 'a' } } },
    });
    expect(s.received).toHaveLength(1);
  });

  it('takes its code from x-amzn-errortype when the service sends one, and its message from Message too', async () => {
    const s = await service((_, res) =>
      json(res, 400, { Message: 'no such bus' }, { 'x-amzn-errortype': 'ResourceNotFoundException:http://internal.amazon.com/coral/' }),
    );
    await expect(clientOf(s.endpoint).call('PutEvents', {})).rejects.toMatchObject({ name: 'ResourceNotFoundException', message: 'no such bus' });
  });

  it('without a readable body, or with an empty code, is named by its status', async () => {
    const answers = [(res: ServerResponse) => res.writeHead(403).end('<html>forbidden</html>'), (res: ServerResponse) => json(res, 403, { __type: '' })];
    const s = await service((n, res) => answers[n]!(res));
    const client = clientOf(s.endpoint);
    for (const _ of answers) {
      await expect(client.call('PutItem', {})).rejects.toMatchObject({
        name: 'Http403',
        statusCode: 403,
        message: 'dynamodb PutItem failed with HTTP 403',
        requestId: undefined,
      });
    }
  });
});

describe('retries', () => {
  it('try a throttled call again after a backoff of up to 1 s, then 2 s, and give up after the last attempt', async () => {
    const s = await service((_, res) => json(res, 400, { __type: 'ProvisionedThroughputExceededException', message: 'slow down' }));
    await expect(clientOf(s.endpoint).call('PutItem', {})).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });
    expect(s.received).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeLessThan(1_000);
    expect(sleeps[1]).toBeLessThan(2_000);
  });

  it('try a fault on the service’s side again, sooner, and succeed when an attempt does', async () => {
    const s = await service((n, res) => (n === 0 ? json(res, 500, { __type: 'InternalServerError' }) : json(res, 200, { ok: true })));
    expect(await clientOf(s.endpoint).call('PutItem', {})).toEqual({ ok: true });
    expect(s.received).toHaveLength(2);
    expect(sleeps[0]).toBeLessThan(50);
  });

  it('never try again what the service refused (4xx other than throttling)', async () => {
    const s = await service((_, res) => json(res, 400, { __type: 'ValidationException', message: 'bad' }));
    await expect(clientOf(s.endpoint).call('PutItem', {})).rejects.toMatchObject({ name: 'ValidationException' });
    expect([s.received.length, sleeps.length]).toEqual([1, 0]);
  });

  it('try a refused connection again, and fail with a NetworkError naming the code, with the system’s error as its cause', async () => {
    const s = await service((_, res) => json(res, 200, {}));
    const port = new URL(s.endpoint).port;
    await stops.splice(0)[0]!();
    const err = await clientOf(`http://127.0.0.1:${port}`)
      .call('PutItem', {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsTransportError);
    expect(err).toMatchObject({ name: 'NetworkError', code: 'ECONNREFUSED', message: `127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}` });
    expect((err as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
    expect(sleeps).toHaveLength(2);
  });

  it('wait between attempts when no waiting is injected: a throttled call waits its backoff', async () => {
    const s = await service((n, res) => (n === 0 ? json(res, 400, { __type: 'ThrottlingException' }) : json(res, 200, { ok: 1 })));
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      const client = createAwsJsonClient({ service: SERVICES.dynamodb, endpoint: s.endpoint, region: 'eu-central-1', credentials, limits: LIMITS });
      const started = Date.now();
      expect(await client.call('PutItem', {})).toEqual({ ok: 1 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(490);
    } finally {
      random.mockRestore();
    }
  });
});

describe('timeouts', () => {
  it('fail an attempt whose connection is not open within the connection timeout: a TLS handshake that never ends', async () => {
    // A TCP server that takes connections and never says a word: the handshake of https never completes.
    const connections: Socket[] = [];
    const silent = createTcpServer((socket) => connections.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
    stops.push(() => {
      for (const socket of connections) socket.destroy();
      return new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const endpoint = `https://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const err = await clientOf(endpoint, { connectionTimeoutMs: 200, requestTimeoutMs: 5_000, maxAttempts: 1 })
      .call('PutItem', {})
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'TimeoutError', message: expect.stringMatching(/^no connection to 127\.0\.0\.1:\d+ within 200 ms$/) });
    expect('cause' in (err as Error)).toBe(false);
  });

  it('on a connection kept open from an earlier call, count from the request: a stall is a late answer, not a missing connection', async () => {
    const s = await service((n, res) => (n === 0 ? json(res, 200, {}) : undefined));
    const client = clientOf(s.endpoint, { connectionTimeoutMs: 150, requestTimeoutMs: 400, maxAttempts: 1 });
    await client.call('PutItem', {});
    await expect(client.call('PutItem', {})).rejects.toMatchObject({
      name: 'TimeoutError',
      message: expect.stringMatching(/did not answer within 400 ms|went silent/),
    });
    expect(s.received.map((r) => r.socket)).toEqual([1, 1]);
  });

  it('fail an attempt whose answer does not come within the request timeout, each attempt, with a TimeoutError', async () => {
    const s = await service(() => {});
    const started = Date.now();
    await expect(clientOf(s.endpoint).call('PutItem', {})).rejects.toMatchObject({
      name: 'TimeoutError',
      message: expect.stringMatching(/did not answer within 300 ms/),
    });
    expect(s.received).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 300 - 50);
  });

  it('fail an attempt whose body stalls half way', async () => {
    const s = await service((_, res) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': '100' });
      res.write('{"Items":[');
    });
    await expect(clientOf(s.endpoint, { ...LIMITS, maxAttempts: 1 }).call('Query', {})).rejects.toMatchObject({
      name: 'TimeoutError',
      message: expect.stringMatching(/went silent|did not answer/),
    });
  });

  it('fail an attempt whose answer breaks off with a NetworkError', async () => {
    const s = await service((_, res) => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0', 'content-length': '100' });
      res.write('{"Items":[', () => res.socket?.destroy());
    });
    await expect(clientOf(s.endpoint, { ...LIMITS, maxAttempts: 1 }).call('Query', {})).rejects.toMatchObject({
      name: 'NetworkError',
      message: expect.stringMatching(/^the answer of 127\.0\.0\.1:\d+ broke off$/),
    });
  });
});

describe('where a client calls, and as whom', () => {
  const env = { ...process.env };
  afterEach(() => {
    process.env = { ...env };
  });
  const bare = () => createAwsJsonClient({ service: SERVICES.dynamodb, limits: LIMITS });

  it('reads the region, the endpoint (the service’s own variable before the general one) and the credentials from the environment', async () => {
    const s = await service((_, res) => json(res, 200, {}));
    Object.assign(process.env, {
      AWS_REGION: 'eu-west-3',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:1',
      AWS_ENDPOINT_URL_DYNAMODB: s.endpoint,
      AWS_ACCESS_KEY_ID: 'AKIDENV',
      AWS_SECRET_ACCESS_KEY: 'x',
    });
    delete process.env.AWS_SESSION_TOKEN;
    await bare().call('ListTables', {});
    expect(s.received[0]!.headers.authorization).toMatch(/Credential=AKIDENV\/\d{8}\/eu-west-3\/dynamodb\/aws4_request/);
    expect(s.received[0]!.headers['x-amz-security-token']).toBeUndefined();
  });

  it('fails at its first call with a clear error when there is no region, or not both parts of the credentials', async () => {
    for (const k of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) delete process.env[k];
    await expect(bare().call('ListTables', {})).rejects.toThrow(new AwsConfigurationError('no AWS region: set AWS_REGION or pass a region'));
    process.env.AWS_REGION = '';
    await expect(bare().call('ListTables', {})).rejects.toMatchObject({
      name: 'AwsConfigurationError',
      message: 'no AWS region: set AWS_REGION or pass a region',
    });
    process.env.AWS_REGION = 'eu-central-1';
    await expect(bare().call('ListTables', {})).rejects.toThrow(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set/);
    process.env.AWS_ACCESS_KEY_ID = 'AKIDONLY';
    await expect(bare().call('ListTables', {})).rejects.toThrow(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set/);
  });

  it('signs with the session token of the environment when there is one', async () => {
    const s = await service((_, res) => json(res, 200, {}));
    Object.assign(process.env, {
      AWS_REGION: 'eu-central-1',
      AWS_ENDPOINT_URL_DYNAMODB: s.endpoint,
      AWS_ACCESS_KEY_ID: 'ASIATEMP',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_SESSION_TOKEN: 'session',
    });
    await bare().call('ListTables', {});
    expect(s.received[0]!.headers['x-amz-security-token']).toBe('session');
  });

  it('reads where and as whom once, at its first call', async () => {
    const s = await service((_, res) => json(res, 200, {}));
    Object.assign(process.env, {
      AWS_REGION: 'eu-central-1',
      AWS_ENDPOINT_URL_DYNAMODB: s.endpoint,
      AWS_ACCESS_KEY_ID: 'AKIDFIRST',
      AWS_SECRET_ACCESS_KEY: 'x',
    });
    const client = bare();
    await client.call('ListTables', {});
    Object.assign(process.env, { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:1', AWS_ACCESS_KEY_ID: 'AKIDLATER' });
    await client.call('ListTables', {});
    expect(s.received.map((r) => /Credential=(\w+)\//.exec(String(r.headers.authorization))?.[1])).toEqual(['AKIDFIRST', 'AKIDFIRST']);
  });

  it('defaults to the service’s regional endpoint, in China under amazonaws.com.cn, and refuses an endpoint that is not a URL', () => {
    expect(resolveEndpoint(SERVICES.dynamodb, 'eu-central-1', {}, {}).href).toBe('https://dynamodb.eu-central-1.amazonaws.com/');
    expect(resolveEndpoint(SERVICES.eventbridge, 'cn-north-1', {}, {}).href).toBe('https://events.cn-north-1.amazonaws.com.cn/');
    expect(resolveEndpoint(SERVICES.sqs, 'eu-central-1', {}, { AWS_ENDPOINT_URL: 'http://127.0.0.1:4010' }).href).toBe('http://127.0.0.1:4010/');
    expect(() => resolveEndpoint(SERVICES.sqs, 'eu-central-1', { endpoint: 'not a url' }, {})).toThrow(
      new AwsConfigurationError('the endpoint of sqs is not a URL: not a url'),
    );
  });
});
