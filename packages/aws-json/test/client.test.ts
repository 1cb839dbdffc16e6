import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AwsConfigurationError, AwsServiceError, AwsTransportError, type CallLimits, createAwsJsonClient, SERVICES } from '../src/index';
import { signedHeaders } from '../src/sigv4';

const LIMITS: CallLimits = { connectionTimeoutMs: 1_000, requestTimeoutMs: 300, maxAttempts: 3 };
const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret', sessionToken: 'token' };

interface Received {
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
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), socket: sockets.get(req.socket)! });
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
    const [{ headers, body }] = s.received as [Received];
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

  it('answers an empty body as an empty object', async () => {
    const s = await service((_, res) => res.writeHead(200).end());
    expect(await clientOf(s.endpoint).call('DeleteItem', {})).toEqual({});
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

  it('without a readable body is named by its status', async () => {
    const s = await service((_, res) => res.writeHead(403).end('<html>forbidden</html>'));
    await expect(clientOf(s.endpoint).call('PutItem', {})).rejects.toMatchObject({
      name: 'Http403',
      statusCode: 403,
      message: 'dynamodb PutItem failed with HTTP 403',
    });
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

  it('try a refused connection again, and fail with a NetworkError naming the code', async () => {
    const s = await service((_, res) => json(res, 200, {}));
    const port = new URL(s.endpoint).port;
    await stops.splice(0)[0]!();
    const err = await clientOf(`http://127.0.0.1:${port}`)
      .call('PutItem', {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AwsTransportError);
    expect(err).toMatchObject({ name: 'NetworkError', code: 'ECONNREFUSED' });
    expect(sleeps).toHaveLength(2);
  });
});

describe('timeouts', () => {
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
    await expect(clientOf(s.endpoint, { ...LIMITS, maxAttempts: 1 }).call('Query', {})).rejects.toMatchObject({ name: 'NetworkError' });
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

  it('fails at its first call with a clear error when there is no region or no credentials', async () => {
    for (const k of ['AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']) delete process.env[k];
    await expect(bare().call('ListTables', {})).rejects.toThrow(new AwsConfigurationError('no AWS region: set AWS_REGION or pass a region'));
    process.env.AWS_REGION = 'eu-central-1';
    await expect(bare().call('ListTables', {})).rejects.toThrow(AwsConfigurationError);
    await expect(bare().call('ListTables', {})).rejects.toThrow(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set/);
  });
});
