import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'x-modellregionen-signature';
/** Unique per finding and subscription; the same on every retry, so a receiver can drop repeats. */
export const DELIVERY_HEADER = 'x-modellregionen-delivery';

/** A new signing secret for a subscription (256 bits, shown to the subscriber once). */
export const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** Signs `<timestamp>.<body>`: binding the time into the signature makes replays detectable. */
export const sign = (secret: string, body: string, timestamp: number): string =>
  `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/**
 * For subscribers: checks a delivery's signature header against the raw body, and that it was
 * signed within `toleranceSeconds` (300 unless given) of now, either way, so that a delivery
 * recorded and sent again later is refused while a clock a little off is not.
 */
export const verifySignature = (input: { secret: string; body: string; header: string | undefined; now?: number; toleranceSeconds?: number }): boolean => {
  if (input.header === undefined) return false;
  const parts = Object.fromEntries(input.header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || parts.v1 === undefined) return false;
  const now = input.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(input.secret, input.body, timestamp).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};
