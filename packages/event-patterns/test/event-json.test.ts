import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEventJson } from '@modellregionen/event-patterns';
import { InexactNumber } from '../src/json-text';
import { matches } from './helpers';

/** The value with every number kept as text turned into the double JSON.parse would give. */
const rounded = (value: unknown): unknown => {
  if (value instanceof InexactNumber) return Number(value.text);
  if (Array.isArray(value)) return value.map(rounded);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  }
  return value;
};

describe('parseEventJson', () => {
  it('reads what JSON.parse reads, but for incomparable numbers', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(rounded(parseEventJson(text))).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 1_000 },
    );
  });

  it('keeps the digits of incomparable numbers, and only of those', () => {
    const parsed = parseEventJson(' [12345678901234567890, 1e400, 1e-400, 0.1, 3.0e2, -0, 12345678901234567000] ');
    expect(parsed).toStrictEqual([
      new InexactNumber('12345678901234567890'),
      new InexactNumber('1e400'),
      new InexactNumber('1e-400'),
      0.1,
      300,
      -0,
      12345678901234567000,
    ]);
  });

  it('decodes strings and member names as JSON.parse does', () => {
    const text = String.raw`{"a\"b": "c\\d\u00e9\ud83d\ude00", "": [], "e": {}, "\\": "\"", "f": "x\\\"y"}`;
    expect(parseEventJson(text)).toStrictEqual(JSON.parse(text));
  });

  it('makes __proto__ an own member and keeps the last of duplicate members, as JSON.parse does', () => {
    const parsed = parseEventJson('{"__proto__": {"x": 12345678901234567890}, "a": 1, "a": 2}') as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(parsed.a).toBe(2);
    expect(matches('{"__proto__": {"x": [12345678901234567890]}}', parsed)).toBe(true);
  });

  it("throws JSON.parse's SyntaxError for text that is not JSON", () => {
    for (const text of ['', '{', '{"a": 01}', '[1,]', "{'a': 1}", 'NaN', '{"a": 1} x']) {
      expect(() => parseEventJson(text), text).toThrow(SyntaxError);
    }
  });

  it('copes with deep nesting', () => {
    const depth = 100_000;
    const parsed = parseEventJson(`${'['.repeat(depth)}12345678901234567890${']'.repeat(depth)}`);
    let inner: unknown = parsed;
    for (let i = 0; i < depth; i++) inner = (inner as unknown[])[0];
    expect(inner).toStrictEqual(new InexactNumber('12345678901234567890'));
  });
});
