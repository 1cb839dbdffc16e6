import { describe, expect, it } from 'vitest';
import { newSecret, sign, verifySignature } from '@modellregionen/webhooks';

describe('webhook signatures', () => {
  const secret = newSecret();
  const body = JSON.stringify({ type: 'FindingPublished', finding: { title: 'Früh fördern' } });
  const t = 1_350_000_000;

  it('verify what was signed, within the tolerance', () => {
    expect(verifySignature({ secret, body, header: sign(secret, body, t), now: t + 10 })).toBe(true);
  });
  it('refuse another body, another secret, an old or malformed header', () => {
    expect(verifySignature({ secret, body: `${body} `, header: sign(secret, body, t), now: t })).toBe(false);
    expect(verifySignature({ secret: newSecret(), body, header: sign(secret, body, t), now: t })).toBe(false);
    expect(verifySignature({ secret, body, header: sign(secret, body, t), now: t + 301 })).toBe(false);
    expect(verifySignature({ secret, body, header: 'v1=abc', now: t })).toBe(false);
    expect(verifySignature({ secret, body, header: undefined, now: t })).toBe(false);
  });
  it('use fresh 256-bit secrets', () => {
    expect(newSecret()).not.toBe(newSecret());
    expect(Buffer.from(newSecret().slice(6), 'base64url')).toHaveLength(32);
  });
});
