import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELIVERY_HEADER, newSecret, SIGNATURE_HEADER, sign, verifySignature } from '@modellregionen/webhooks';

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
    expect(newSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(newSecret().slice(6), 'base64url')).toHaveLength(32);
  });
});

describe('the signature header, as the README documents it for receivers', () => {
  it('travels in x-modellregionen-signature, the repeat-dropping id in x-modellregionen-delivery', () => {
    expect(SIGNATURE_HEADER).toBe('x-modellregionen-signature');
    expect(DELIVERY_HEADER).toBe('x-modellregionen-delivery');
  });

  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">', () => {
    // Computed apart from this code: printf '%s' '1350000000.<body>' | openssl dgst -sha256 -hmac whsec_test-secret
    const body = '{"type":"FindingPublished","finding":{"title":"Früh fördern"}}';
    expect(sign('whsec_test-secret', body, 1_350_000_000)).toBe('t=1350000000,v1=f29be19a519dfb6a293a4dc4bf17e390e6897a761d0f0e0af6ad4fe05a82b372');
  });
});

describe('the time a signature stays valid', () => {
  const secret = 'whsec_test-secret';
  const body = '{"type":"FindingPublished"}';
  const t = 1_350_000_000;
  const verifyAt = (now: number, toleranceSeconds?: number) =>
    verifySignature({ secret, body, header: sign(secret, body, t), now, ...(toleranceSeconds === undefined ? {} : { toleranceSeconds }) });

  it('is five minutes either way by default, the limits included', () => {
    expect([verifyAt(t + 300), verifyAt(t - 300)]).toEqual([true, true]);
    expect([verifyAt(t + 301), verifyAt(t - 301)]).toEqual([false, false]);
  });

  it('is the tolerance the receiver chooses, the limits included', () => {
    expect([verifyAt(t + 60, 60), verifyAt(t - 60, 60)]).toEqual([true, true]);
    expect([verifyAt(t + 61, 60), verifyAt(t - 61, 60)]).toEqual([false, false]);
    expect([verifyAt(t, 0), verifyAt(t + 1, 0)]).toEqual([true, false]);
  });

  it('is measured against the clock when the receiver gives no time', () => {
    const nowSeconds = Math.floor(Date.now() / 1000);
    expect(verifySignature({ secret, body, header: sign(secret, body, nowSeconds) })).toBe(true);
    expect(verifySignature({ secret, body, header: sign(secret, body, nowSeconds - 3_600) })).toBe(false);
  });

  it('holds for any signing time and any delay within the tolerance, and for none beyond it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), fc.integer({ min: -600, max: 600 }), fc.integer({ min: 0, max: 400 }), (at, delay, tolerance) => {
        const header = sign(secret, body, at);
        expect(verifySignature({ secret, body, header, now: at + delay, toleranceSeconds: tolerance })).toBe(Math.abs(delay) <= tolerance);
      }),
    );
  });
});

describe('a header that is not a valid signature', () => {
  const secret = 'whsec_test-secret';
  const body = '{"type":"FindingPublished"}';
  const t = 1_350_000_000;
  const valid = sign(secret, body, t);
  const hex = valid.split('v1=')[1]!;
  const verify = (header: string) => verifySignature({ secret, body, header, now: t });

  it.each([
    ['without a time', `v1=${hex}`],
    ['without a signature', `t=${t}`],
    ['with a time that is no number', `t=soon,v1=${hex}`],
    ['with a time that is no whole second', `t=${t}.5,v1=${hex}`],
    ['with the signature cut short', `t=${t},v1=${hex.slice(0, 62)}`],
    ['with one more byte of signature', `t=${t},v1=${hex}00`],
    ['with a signature that is no hex', `t=${t},v1=${'z'.repeat(64)}`],
    ['with another time than was signed', `t=${t + 1},v1=${hex}`],
    ['that is empty', ''],
  ])('is refused %s', (_label, header) => {
    expect(verify(header)).toBe(false);
  });

  it('is accepted with its parts in either order, as a header parser may reorder them', () => {
    expect(verify(`v1=${hex},t=${t}`)).toBe(true);
  });
});
