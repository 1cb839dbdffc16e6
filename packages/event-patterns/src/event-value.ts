/**
 * A leaf value of an event as one field's matcher sees it. aws/event-ruler converts a value before
 * matching, per field: if the field's patterns include anything numeric (a number, `numeric`, a numeric
 * `anything-but`), JSON numbers become comparable numbers; otherwise, if they include an IP match (`cidr`
 * or a plain IP literal), strings holding an IP address become addresses. A converted value only meets
 * operators of its own kind; that is why, for example, a `prefix` next to a `cidr` on the same field does
 * not see strings that are IP addresses (emulated here on purpose, see README).
 */
import { ipKey } from './ip-address';

export type EventValue =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'ip'; readonly key: string }
  | { readonly kind: 'literal'; readonly value: null | boolean }
  /** A number the field does not convert (it has no numeric pattern), or a non-finite number. */
  | { readonly kind: 'opaque' };

/** One alternative of a leaf, applied to a converted value. */
export type ValueTest = (value: EventValue) => boolean;

const OPAQUE: EventValue = { kind: 'opaque' };
const NULL: EventValue = { kind: 'literal', value: null };
const TRUE: EventValue = { kind: 'literal', value: true };
const FALSE: EventValue = { kind: 'literal', value: false };

export type Conversion = { readonly numbers: boolean; readonly ips: boolean };

/** Leaf values of an event: what JSON calls string, number, true, false and null. */
export type Scalar = string | number | boolean | null;

export const isScalar = (value: unknown): value is Scalar =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

export const toEventValue = (value: Scalar, conversion: Conversion): EventValue => {
  if (value === null) return NULL;
  if (value === true) return TRUE;
  if (value === false) return FALSE;
  if (typeof value === 'number') {
    return conversion.numbers && Number.isFinite(value) ? { kind: 'number', value } : OPAQUE;
  }
  if (!conversion.numbers && conversion.ips) {
    const key = ipKey(value);
    if (key !== undefined) return { kind: 'ip', key };
  }
  return { kind: 'string', text: value };
};
