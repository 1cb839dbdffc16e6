/**
 * A leaf value of an event as the alternatives of a leaf see it. As in aws/event-ruler since 1.7.0
 * (`ByteMachine.transitionOn`, fixed in PR #131), a string that holds an IP address meets IP patterns
 * (`cidr`, plain IP values) as that address and every other pattern as the string it is, so a `prefix`
 * or an `anything-but` next to a `cidr` on the same field sees IP strings too.
 */
import { ipKey } from './ip-address';
import { InexactNumber } from './json-text';

export type EventValue =
  /** `ip` is the address a string holds (see `ipKey`), computed only for leaves with an IP pattern. */
  | { readonly kind: 'string'; readonly text: string; readonly ip: string | undefined }
  | { readonly kind: 'number'; readonly value: number }
  /** An incomparable JSON number (see `isComparable`): event-ruler can only match its text. */
  | { readonly kind: 'inexact'; readonly text: string }
  | { readonly kind: 'literal'; readonly value: null | boolean }
  /** A number JSON cannot hold (NaN, ±Infinity), possible only in events passed as objects. */
  | { readonly kind: 'opaque' };

/** One alternative of a leaf, applied to a value. */
export type ValueTest = (value: EventValue) => boolean;

const OPAQUE: EventValue = { kind: 'opaque' };
const NULL: EventValue = { kind: 'literal', value: null };
const TRUE: EventValue = { kind: 'literal', value: true };
const FALSE: EventValue = { kind: 'literal', value: false };

/** Leaf values of an event: what JSON calls string, number, true, false and null. */
export type Scalar = string | number | InexactNumber | boolean | null;

export const isScalar = (value: unknown): value is Scalar =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof InexactNumber;

/** @param readIp whether the leaf has an IP pattern, so strings are also read as addresses */
export const toEventValue = (value: Scalar, readIp: boolean): EventValue => {
  if (value === null) return NULL;
  if (value === true) return TRUE;
  if (value === false) return FALSE;
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : OPAQUE;
  if (value instanceof InexactNumber) return { kind: 'inexact', text: value.text };
  return { kind: 'string', text: value, ip: readIp ? ipKey(value) : undefined };
};
