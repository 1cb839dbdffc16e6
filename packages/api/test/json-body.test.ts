// How the API reads a JSON body from the event API Gateway (HTTP API, payload 2.0) passes on: as
// a string when it was UTF-8 text, base64-encoded otherwise. The API decides about the bytes.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { readJsonBody } from '../src/middleware/json-body';

describe('readJsonBody: encodings', () => {
  const event = (body: string, isBase64Encoded: boolean, contentType = 'application/json') =>
    ({ headers: { 'content-type': contentType }, body, isBase64Encoded }) as unknown as APIGatewayProxyEventV2;

  it('decodes a base64 body as UTF-8 and refuses one that is not UTF-8', () => {
    expect(readJsonBody(event(Buffer.from('{"a":"ä"}').toString('base64'), true))).toEqual({ a: 'ä' });
    expect(() => readJsonBody(event(Buffer.from([0x7b, 0xff, 0x7d]).toString('base64'), true))).toThrow('the body is not valid UTF-8');
  });

  it('refuses a string body holding a lone surrogate (it cannot have come from UTF-8)', () => {
    expect(() => readJsonBody(event('{"a":"\ud800"}', false))).toThrow('the body is not valid UTF-8');
    expect(readJsonBody(event('{"a":"\ud83c\udde9"}', false))).toEqual({ a: '\ud83c\udde9' });
  });

  it('refuses a content type that does not parse as a media type', () => {
    expect(() => readJsonBody(event('{}', false, 'application/json; charset'))).not.toThrow();
    expect(() => readJsonBody(event('{}', false, '/json'))).toThrow(/send the body as application\/json/);
  });
});
