import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signedHeaders } from '../src/sigv4';

/** SHA-256 and HMAC as the AWS SDK's signer asks for them. */
type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string' ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.hash.digest());
  }
}

interface Request {
  url: URL;
  headers: Record<string, string>;
  body: string;
  service: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  now: Date;
}

/** The oracle: the headers the AWS SDK's own signer gives the same request. */
const sdkSigned = async (r: Request): Promise<Record<string, string>> => {
  const signer = new SignatureV4({
    service: r.service,
    region: r.region,
    credentials: r.credentials,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: r.url.protocol,
      hostname: r.url.hostname,
      ...(r.url.port ? { port: Number(r.url.port) } : {}),
      path: r.url.pathname,
      query: {},
      headers: { ...r.headers, host: r.url.host },
      body: r.body,
    },
    { signingDate: r.now },
  );
  return Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
};

const token = fc.stringMatching(/^[A-Za-z0-9+/=]{1,60}$/);
const request: fc.Arbitrary<Request> = fc.record({
  url: fc
    .tuple(
      fc.constantFrom('https', 'http'),
      fc.constantFrom('dynamodb.eu-central-1.amazonaws.com', '127.0.0.1', 'localhost', 'sqs.cn-north-1.amazonaws.com.cn'),
      fc.option(fc.integer({ min: 1, max: 65_535 }), { nil: undefined }),
      fc.constantFrom('/', '/', '/prefix/', '/a b/c', '/%7Euser/x', "/it's(1)*!/x"),
    )
    .map(([scheme, host, port, path]) => new URL(`${scheme}://${host}${port === undefined ? '' : `:${port}`}${path}`)),
  headers: fc.record({
    'content-type': fc.constantFrom('application/x-amz-json-1.0', 'application/x-amz-json-1.1'),
    'x-amz-target': fc.constantFrom('DynamoDB_20120810.PutItem', 'AWSEvents.PutEvents', 'AmazonSQS.ChangeMessageVisibilityBatch'),
    'x-amz-extra': fc.string({ maxLength: 20 }).map((s) => `  ${s.replace(/[^\x20-\x7e]/g, 'x')}  with   spaces `),
  }),
  body: fc.oneof(fc.json(), fc.string({ unit: 'grapheme' }), fc.constant('')),
  service: fc.constantFrom('dynamodb', 'events', 'sqs'),
  region: fc.constantFrom('eu-central-1', 'us-east-1', 'cn-north-1'),
  credentials: fc.record(
    { accessKeyId: fc.stringMatching(/^[A-Z0-9]{16,20}$/), secretAccessKey: token, sessionToken: token },
    { requiredKeys: ['accessKeyId', 'secretAccessKey'] },
  ),
  now: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
});

describe('Signature Version 4', () => {
  it('gives every request the headers the AWS SDK’s signer gives it: the same date, token and authorization', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const ours = signedHeaders({ method: 'POST', ...r });
        const sdk = await sdkSigned(r);
        expect(ours.authorization).toBe(sdk.authorization);
        expect(ours['x-amz-date']).toBe(sdk['x-amz-date']);
        expect(ours['x-amz-security-token']).toBe(sdk['x-amz-security-token']);
        expect(ours.host).toBe(r.url.host);
      }),
      { numRuns: 500 },
    );
  });

  it('signs AWS’s own example: the key of the documentation, its date and scope', () => {
    const headers = signedHeaders({
      method: 'POST',
      url: new URL('https://dynamodb.us-east-1.amazonaws.com/'),
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
      service: 'dynamodb',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
      now: new Date('2015-08-30T12:36:00Z'),
    });
    expect(headers['x-amz-date']).toBe('20150830T123600Z');
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/us-east-1\/dynamodb\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(headers['x-amz-security-token']).toBeUndefined();
  });
});
