import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, matchesPattern, parseEventJson, parsePattern } from '@modellregionen/event-patterns';
import { alternative, arrayEvent, fieldName, jsonEvent, jsonValue, number, pattern, scalar, twoLevelPattern } from './arbitraries';
import { matchesNaively } from './reference-model';

const NUM_RUNS = 1_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const escapeWildcard = (s: string): string => s.replace(/[\\*]/g, (c) => `\\${c}`);

type Gen = fc.GeneratorValue;

/** A leaf that the given value satisfies, chosen at random among equivalent operators. */
const leafFor = (value: unknown, g: Gen): unknown[] => {
  const choices: unknown[][] = [[value], [{ exists: true }]];
  if (typeof value === 'string') {
    const cut = g(fc.nat, { max: value.length });
    choices.push(
      [{ prefix: value.slice(0, cut) }],
      [{ suffix: value.slice(cut) }],
      [{ 'equals-ignore-case': value }],
      [{ prefix: { 'equals-ignore-case': value.slice(0, cut) } }],
      [{ wildcard: `${escapeWildcard(value.slice(0, cut))}*` }],
      [{ wildcard: `*${escapeWildcard(value.slice(cut))}` }],
    );
  }
  if (typeof value === 'number') {
    choices.push([{ numeric: ['=', value] }], [{ numeric: ['>=', value] }], [{ numeric: ['<=', value] }]);
  }
  return choices[g(fc.nat, { max: choices.length - 1 })] as unknown[];
};

/**
 * A pattern built from the event's own values, taking one element of every array it passes through,
 * so that all chosen values sit in consistent array elements. Returns undefined if nothing was chosen.
 */
const patternFrom = (object: Record<string, unknown>, g: Gen): Record<string, unknown> | undefined => {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(object)) {
    if (!g(fc.boolean)) continue;
    let value = object[key];
    while (Array.isArray(value) && value.length > 0) value = value[g(fc.nat, { max: value.length - 1 })];
    if (Array.isArray(value)) continue;
    if (isObject(value)) {
      const nested = patternFrom(value, g);
      if (nested !== undefined) result[key] = nested;
    } else {
      result[key] = leafFor(value, g);
    }
  }
  return Object.keys(result).length > 0 ? result : undefined;
};

/** The event with some values (not the root) wrapped in one-element arrays. */
/**
 * Wraps some values held by object fields in one-element arrays. Array elements themselves are not
 * wrapped: an element that becomes an array gets an array membership of its own, which array
 * consistency then compares with its siblings' (event-ruler tracks array and object elements, not
 * scalar ones), so `[{a:1}, x]` and `[{a:1}, [x]]` may rightly differ.
 */
const wrapSome = (value: unknown, g: Gen, isElement = false): unknown => {
  const inner = Array.isArray(value)
    ? value.map((v) => wrapSome(v, g, true))
    : isObject(value)
      ? Object.fromEntries(Object.keys(value).map((k) => [k, wrapSome(value[k], g)]))
      : value;
  return !isElement && g(fc.boolean) ? [inner] : inner;
};

describe('properties', () => {
  it("a pattern built from an event's own (consistently chosen) values matches that event", () => {
    fc.assert(
      fc.property(jsonEvent, fc.gen(), (event, g) => {
        const built = patternFrom(event, g);
        fc.pre(built !== undefined);
        expect(matchesPattern(parsePattern(built), event)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('anything-but [v] matches a single scalar value exactly when [v] does not', () => {
    const plainText = fc.string({ unit: fc.constantFrom('a', 'B', 'ß', '*', '\\', '1', ' ', '"'), maxLength: 4 });
    fc.assert(
      fc.property(fc.oneof(plainText, number), fc.oneof(plainText, number, scalar), (v, x) => {
        const event = { k: x };
        const exact = matchesPattern({ k: [v] }, event);
        const anythingBut = matchesPattern({ k: [{ 'anything-but': [v] }] }, event);
        expect(anythingBut).toBe(!exact);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('a leaf matches a value exactly when one of its alternatives alone does (no per-field conversion)', () => {
    // event-ruler since 1.7.0: IP patterns see an IP string as an address, all others see the string.
    const ipAlternative = fc.constantFrom(
      { cidr: '10.0.0.0/8' },
      { cidr: '10.0.0.0/31' },
      '10.0.0.1',
      '::1',
      { prefix: '10.' },
      { 'anything-but': { prefix: '10.' } },
      { 'anything-but': '10.0.0.1' },
      { numeric: ['>', 0] },
      5,
    );
    const alternatives = fc.array(fc.oneof(alternative, ipAlternative), { minLength: 1, maxLength: 3 });
    const present = alternatives.filter((list) => !list.some((a) => isObject(a) && a.exists === false));
    const value = fc.oneof(scalar, fc.constantFrom('10.0.0.1', '010.0.0.1', '10.1.2.3', '::1', '0::1'));
    fc.assert(
      fc.property(present, value, (alternatives, value) => {
        const one = alternatives.some((a) => matchesPattern({ k: [a] }, { k: value }));
        expect(matchesPattern({ k: alternatives }, { k: value })).toBe(one);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('$or of a and b matches exactly when a or b matches', () => {
    fc.assert(
      fc.property(pattern, pattern, jsonEvent, (a, b, event) => {
        const either = matchesPattern({ $or: [a, b] }, event);
        expect(either).toBe(matchesPattern(a, event) || matchesPattern(b, event));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('exists: false matches exactly when exists: true does not, for a single field', () => {
    fc.assert(
      fc.property(fc.array(fieldName, { minLength: 1, maxLength: 3 }), jsonEvent, (path, event) => {
        const nest = (leaf: unknown[]) => path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), leaf);
        const absent = matchesPattern(nest([{ exists: false }]) as Record<string, unknown>, event);
        const present = matchesPattern(nest([{ exists: true }]) as Record<string, unknown>, event);
        expect(absent).toBe(!present);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('wrapping values in one-element arrays never changes the result', () => {
    fc.assert(
      fc.property(pattern, jsonEvent, fc.gen(), (p, event, g) => {
        const wrapped = Object.fromEntries(Object.keys(event).map((k) => [k, wrapSome(event[k], g)]));
        expect(matchesPattern(p, wrapped)).toBe(matchesPattern(p, event));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with a naive model of event-ruler (all combinations, no memoisation, no pruning)', () => {
    fc.assert(
      fc.property(pattern, jsonEvent, (p, event) => {
        expect(compilePattern(p)(event)).toBe(matchesNaively(p, event));
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  it('agrees with the naive model on events full of arrays of objects', () => {
    fc.assert(
      fc.property(twoLevelPattern, arrayEvent, (p, event) => {
        expect(compilePattern(p)(event)).toBe(matchesNaively(p, event));
      }),
      { numRuns: NUM_RUNS * 3 },
    );
  });

  it('answers the same for the pattern object, its JSON text, and its parsed copy', () => {
    fc.assert(
      fc.property(pattern, jsonEvent, (p, event) => {
        const direct = compilePattern(p)(event);
        expect(compilePattern(JSON.stringify(p))(event)).toBe(direct);
        expect(matchesPattern(parsePattern(p), event)).toBe(direct);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('answers the same for an event object and its JSON text parsed with parseEventJson (comparable numbers)', () => {
    fc.assert(
      fc.property(pattern, jsonEvent, (p, event) => {
        const matcher = compilePattern(p);
        expect(matcher(parseEventJson(JSON.stringify(event)))).toBe(matcher(event));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never throws on arbitrary JSON events, nor on arbitrary values as events', () => {
    fc.assert(
      fc.property(pattern, fc.oneof(jsonValue, fc.anything()), (p, event) => {
        expect(typeof compilePattern(p)(event)).toBe('boolean');
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
