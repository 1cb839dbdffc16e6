// The local adapter turns a Node request into the event API Gateway (HTTP API, payload 2.0) would
// send, so the handler decides about the bytes exactly as it does on AWS.
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { toGatewayEvent } from '../src/local-adapter';

const request = (url: string, headers: Record<string, string>, body: Buffer = Buffer.alloc(0)): IncomingMessage =>
  Object.assign(Readable.from(body.length > 0 ? [body] : []), {
    url,
    method: body.length > 0 ? 'POST' : 'GET',
    httpVersion: '1.1',
    headers,
    socket: { remoteAddress: '127.0.0.1' },
  }) as unknown as IncomingMessage;

const eventOf = async (url: string, headers: Record<string, string>, body?: Buffer): Promise<APIGatewayProxyEventV2> => {
  const event = await toGatewayEvent(request(url, headers, body), '127.0.0.1:3000');
  if (event === 'too-large') throw new Error('unexpected');
  return event;
};

describe('toGatewayEvent: bodies', () => {
  it('passes a UTF-8 JSON body as a string', async () => {
    const event = await eventOf('/v1/x', { 'content-type': 'application/json' }, Buffer.from('{"title":"Förderung"}'));
    expect(event).toMatchObject({ body: '{"title":"Förderung"}', isBase64Encoded: false });
  });

  it('passes a body with bytes that are not UTF-8 base64-encoded, byte for byte, even under a text type', async () => {
    const bytes = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    for (const type of ['application/json', 'text/plain']) {
      const event = await eventOf('/v1/x', { 'content-type': type }, bytes);
      expect(event.isBase64Encoded, type).toBe(true);
      expect(Buffer.from(event.body ?? '', 'base64').equals(bytes), type).toBe(true);
    }
  });

  it('passes a binary type base64-encoded', async () => {
    const event = await eventOf('/v1/x', { 'content-type': 'application/octet-stream' }, Buffer.from('abc'));
    expect(event).toMatchObject({ body: Buffer.from('abc').toString('base64'), isBase64Encoded: true });
  });
});

describe('toGatewayEvent: prototype-named keys are plain keys', () => {
  it('keeps query parameters named like Object members, joining repeats with commas', async () => {
    const event = await eventOf('/v1/findings?toString=a&constructor=b&__proto__=c&hasOwnProperty=d&toString=e', {});
    expect(Object.getPrototypeOf(event.queryStringParameters)).toBe(Object.prototype);
    expect(Object.entries(event.queryStringParameters ?? {})).toEqual([
      ['toString', 'a,e'],
      ['constructor', 'b'],
      ['__proto__', 'c'],
      ['hasOwnProperty', 'd'],
    ]);
  });

  it('keeps headers named like Object members as own headers', async () => {
    // As Node hands them over: own properties (a literal `__proto__:` would set the prototype).
    const headers = Object.fromEntries([
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['content-type', 'application/json'],
    ]) as Record<string, string>;
    const event = await eventOf('/v1/findings', headers);
    expect(Object.hasOwn(event.headers, '__proto__')).toBe(true);
    expect(event.headers.constructor).toBe('y');
    expect(Object.getPrototypeOf(event.headers)).toBe(Object.prototype);
  });
});
