/**
 * The public entry points: validating a pattern, compiling it into a matcher, and matching.
 */
import { invalid } from './errors';
import { flattenEvent, prefixesOf } from './flattened-event';
import { EventMatch } from './matcher';
import { isPlainObject } from './json';
import { InexactNumber, parseJsonText } from './json-text';
import { subRulesOf } from './sub-rules';

/** An EventBridge event pattern: a JSON object whose leaves are arrays of alternatives. */
export type EventPattern = { [key: string]: unknown };

/**
 * A compiled pattern: tells whether an event matches, given as a JSON object (parsed with
 * {@link parseEventJson} to keep every number's digits, or with `JSON.parse`).
 */
export type EventMatcher = (event: unknown) => boolean;

const fromJson = (pattern: unknown): unknown => {
  if (typeof pattern !== 'string') return pattern;
  try {
    return parseJsonText(pattern);
  } catch (error) {
    return invalid(error instanceof Error ? error.message : String(error));
  }
};

/**
 * A deep, frozen copy; own keys are defined, so `__proto__` stays an ordinary key. A number no double
 * holds exactly becomes its nearest double, so the copy is plain JSON; its compiled matcher keeps the digits.
 */
const frozenCopy = (value: unknown): unknown => {
  if (value instanceof InexactNumber) return Number(value.text);
  if (Array.isArray(value)) return Object.freeze((value as unknown[]).map(frozenCopy));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(copy, key, { value: frozenCopy(value[key]), enumerable: true, writable: false });
    }
    return Object.freeze(copy);
  }
  return value;
};

const compileValidated = (pattern: unknown): EventMatcher => {
  const subRules = subRulesOf(pattern);
  const names = new Set(subRules.flatMap((rule) => rule.fields));
  const prefixes = prefixesOf(names);
  return (event) => {
    if (!isPlainObject(event)) return false;
    const match = new EventMatch(flattenEvent(event, names, prefixes));
    return subRules.some((rule) => match.matches(rule));
  };
};

/** Matchers of patterns returned by {@link parsePattern} (frozen, so they cannot go stale). */
const compiled = new WeakMap<object, EventMatcher>();

/**
 * Validates an event pattern (an object or its JSON text) as EventBridge does and returns it as a deep,
 * frozen copy. Throws {@link InvalidEventPatternError} with AWS's wording for an invalid pattern.
 * Numbers in JSON text keep their digits (see {@link parseEventJson}); in an object they are doubles.
 */
export const parsePattern = (pattern: unknown): EventPattern => {
  const value = fromJson(pattern);
  const matcher = compileValidated(value);
  const copy = frozenCopy(value) as EventPattern;
  compiled.set(copy, matcher);
  return copy;
};

/**
 * Validates a pattern once and returns a matcher for events (JSON objects; anything else never matches).
 * Throws {@link InvalidEventPatternError} for an invalid pattern.
 */
export const compilePattern = (pattern: unknown): EventMatcher => {
  if (typeof pattern === 'object' && pattern !== null) {
    const known = compiled.get(pattern);
    if (known !== undefined) return known;
  }
  return compileValidated(fromJson(pattern));
};

/**
 * Whether the event matches the pattern, as EventBridge's `TestEventPattern` would answer. Patterns from
 * {@link parsePattern} are compiled once and reused; other patterns are validated on every call.
 */
export const matchesPattern = (pattern: EventPattern, event: unknown): boolean => compilePattern(pattern)(event);

/**
 * Parses an event's JSON text, or a part of it such as a PutEvents `Detail`, for matching: like
 * `JSON.parse`, but an incomparable number (`12345678901234567890`, see README) keeps its digits, so that
 * it matches as event-ruler matches it, only a pattern number written the same way, where `JSON.parse`
 * would turn it into a nearby double that equals other numbers. The result is meant for matchers only
 * (such numbers are objects in it); a part may be placed into an event object, e.g.
 * `{ ...event, detail: parseEventJson(detailText) }`. Throws `JSON.parse`'s `SyntaxError` for invalid JSON.
 */
export const parseEventJson = (text: string): unknown => parseJsonText(text);
