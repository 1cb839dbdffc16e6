import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, matchesPattern, parseEventJson, parsePattern } from '@modellregionen/event-patterns';
import { isComparable } from '../src/comparable-number';
import { expectInvalid, matches } from './helpers';

/**
 * Numbers as aws/event-ruler compares them since 1.8.0 (`ComparableNumber`): by their decimal value over
 * the whole range of doubles, provided that value is exactly that of its double as Java prints it.
 * Any other number is incomparable: as an operand it is refused, and as an event value it matches only
 * a plain pattern number written the same way. Pattern and event are given as JSON text here, as
 * EventBridge receives them. Every expectation was checked against event-ruler 2.0.1 (on Java 17) with the
 * same texts, except the two marked as Java 19+, where older Java prints the double differently.
 */
const match = (pattern: string, event: string): boolean => matches(pattern, parseEventJson(event));
const one = (alternatives: string, value: string): boolean => match(`{"v": [${alternatives}]}`, `{"v": ${value}}`);

describe('incomparable numbers, whose digits are not those Java prints for their double', () => {
  it('do not equal the double nearest to them', () => {
    expect(one('12345678901234567000', '12345678901234567890')).toBe(false);
    expect(one('12345678901234567000', '12345678901234567000')).toBe(true);
    expect(one('9007199254740992', '9007199254740993')).toBe(false);
    expect(one('9007199254740993', '9007199254740992')).toBe(false);
    expect(one('0.1', '0.1000000000000000055511151231257827')).toBe(false);
  });

  it('equal a plain pattern number written with the very same characters', () => {
    expect(one('12345678901234567890', '12345678901234567890')).toBe(true);
    expect(one('12345678901234567890', '12345678901234567000')).toBe(false);
    expect(one('12345678901234567890', '1.2345678901234567890e19')).toBe(false);
    // 12345678901234567168 is a double exactly, but Java prints that double as 1.2345678901234567E19.
    expect(one('12345678901234567168', '12345678901234567168')).toBe(true);
    expect(one('12345678901234567168', '12345678901234567000')).toBe(false);
    expect(one('1e400', '1e400')).toBe(true);
    expect(one('1e400', '1E400')).toBe(false);
    expect(one('"12345678901234567890"', '12345678901234567890')).toBe(false);
    expect(one('12345678901234567890', '"12345678901234567890"')).toBe(false);
  });

  it('never satisfy numeric operators, nor string operators', () => {
    expect(one('{"numeric": [">", 0]}', '12345678901234567890')).toBe(false);
    expect(one('{"numeric": [">", 0]}', '12345678901234567000')).toBe(true);
    expect(one('{"numeric": [">", 0]}', '1e400')).toBe(false);
    expect(one('{"numeric": ["<", 1]}', '1e-400')).toBe(false);
    expect(one('{"prefix": "1"}', '12345678901234567890')).toBe(false);
    expect(one('{"wildcard": "*"}', '12345678901234567890')).toBe(false);
    expect(one('12345678901234567890, {"numeric": [">", 0]}', '12345678901234567890')).toBe(true);
    expect(one('12345678901234567890, {"numeric": [">", 0]}', '5')).toBe(true);
  });

  it('pass anything-but and exists', () => {
    expect(one('{"anything-but": [1]}', '12345678901234567890')).toBe(true);
    expect(one('{"anything-but": [12345678901234567000]}', '12345678901234567890')).toBe(true);
    expect(one('{"anything-but": [12345678901234567000]}', '12345678901234567000')).toBe(false);
    expect(one('{"anything-but": "x"}', '12345678901234567890')).toBe(true);
    expect(one('{"exists": true}', '12345678901234567890')).toBe(true);
  });

  it('equal another number exactly when both are comparable and equal, or both are written alike', () => {
    // Large integers, most of them incomparable, and the doubles JSON.parse would round them to.
    const integer = fc
      .bigInt({ min: 10n ** 15n, max: 10n ** 22n })
      .chain((n) => fc.constantFrom(String(n), String(Number(n)), `${String(n)}.0`, `${String(n)}e0`));
    fc.assert(
      fc.property(integer, integer, (a, b) => {
        const expected = isComparable(a) && isComparable(b) ? Number(a) === Number(b) : a === b;
        expect(one(a, b)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('are refused as operands of numeric and anything-but, after the shape of the expression is checked', () => {
    const refused = (alternative: string, reason: string) => expectInvalid(`{"v": [${alternative}]}`, reason);
    refused('{"numeric": ["=", 12345678901234567890]}', 'Cannot compare number : 12345678901234567890');
    refused('{"numeric": ["<", 12345678901234567890]}', 'Cannot compare number : 12345678901234567890');
    refused('{"numeric": ["<=", 1e400]}', 'Cannot compare number : 1e400');
    refused('{"numeric": [">", 1e-400]}', 'Cannot compare number : 1e-400');
    refused('{"numeric": [">", 0, "<", 12345678901234567890]}', 'Cannot compare number : 12345678901234567890');
    refused('{"numeric": [">", 12345678901234567890, "<", 1]}', 'Cannot compare number : 12345678901234567890');
    refused('{"numeric": ["=", 12345678901234567890, 5]}', 'Too many elements in numeric expression');
    refused('{"numeric": [">", 12345678901234567890, "<", 1, 2]}', 'Too many terms in numeric range expression');
    refused('{"numeric": [">", 12345678901234567890, "!", 1]}', 'Bad numeric range operator: !');
    refused('{"numeric": [12345678901234567890]}', 'Invalid member in numeric match: 12345678901234567890');
    refused('{"anything-but": 12345678901234567890}', 'Cannot compare number : 12345678901234567890');
    refused('{"anything-but": [1, 12345678901234567890]}', 'Cannot compare number : 12345678901234567890');
    refused('{"anything-but": [12345678901234567890, "x"]}', 'Cannot compare number : 12345678901234567890');
    refused('{"anything-but": ["x", 12345678901234567890]}', 'Cannot compare number : 12345678901234567890');
    refused('{"anything-but": {"prefix": 12345678901234567890}}', 'prefix/suffix match pattern must be a string');
    refused('{"exactly": 12345678901234567890}', 'exact match pattern must be a string');
    expectInvalid('{"v": 12345678901234567890}', '"v" must be an object or an array');
  });
});

describe('comparable numbers', () => {
  it('are compared by value, whatever their spelling', () => {
    expect(one('300', '300.000')).toBe(true);
    expect(one('300', '3.0e2')).toBe(true);
    expect(one('0.1', '0.10')).toBe(true);
    expect(one('{"numeric": ["=", 0.0000001]}', '1e-7')).toBe(true);
  });

  it('are compared over the whole range of doubles, with all their digits (no 5e9 limit, no six decimals)', () => {
    expect(one('{"numeric": [">", 1e300]}', '1.7976931348623157e308')).toBe(true);
    expect(one('{"numeric": ["<", -1e300]}', '-1.7976931348623157e308')).toBe(true);
    expect(one('{"numeric": [">", 0, "<", 1e-300]}', '1e-301')).toBe(true);
    expect(one('{"numeric": ["=", 5000000000.000001]}', '5000000000.000001')).toBe(true);
    expect(one('{"numeric": ["=", 5000000000.000001]}', '5000000000')).toBe(false);
    expect(one('{"numeric": ["=", 123456.789012345]}', '123456.789012346')).toBe(false);
  });

  it("keep event-ruler's own examples of precision (ComparableNumberTest)", () => {
    expect(one('27.807807921694092', '27.807807921694092')).toBe(true);
    expect(one('27.807807921694092', '27.80780792169409')).toBe(false);
    expect(one('37.80780', '37.80780')).toBe(true);
    expect(one('37.80780', '37.8078')).toBe(true);
    expect(one('37.80780', '37.807807')).toBe(false);
  });

  it("include zero without a sign: -0 is 0 (Java's BigDecimal has no negative zero)", () => {
    expect(one('0', '-0')).toBe(true);
    expect(one('-0', '0')).toBe(true);
    expect(one('{"numeric": ["<", 0]}', '-0')).toBe(false);
    expect(one('{"numeric": [">=", 0]}', '-0.0')).toBe(true);
    expectInvalid('{"v": [{"numeric": [">", -0, "<", 0]}]}', 'Bottom must be less than top');
  });

  it("follow Java's printing of doubles, which writes the smallest double as 4.9E-324, not 5e-324", () => {
    expect(one('{"numeric": [">", 0]}', '4.9e-324')).toBe(true);
    expect(one('{"numeric": [">", 0]}', '5e-324')).toBe(false);
    expectInvalid('{"v": [{"numeric": [">=", 5e-324]}]}', 'Cannot compare number : 5e-324');
    // Java 19+ (DoubleToDecimal) prints twice that double as 9.9E-324, JavaScript as 1e-323.
    expect(one('{"numeric": [">", 0]}', '9.9e-324')).toBe(true);
    expect(one('{"numeric": [">", 0]}', '1e-323')).toBe(false);
    expect(one('{"numeric": [">", 0]}', '4.9e-323')).toBe(true);
    expect(one('{"numeric": [">", 0]}', '5e-323')).toBe(false);
  });
});

describe('events and patterns given as objects', () => {
  it('hold doubles only: JSON.parse has already rounded a number to its nearest double', () => {
    const parsed = JSON.parse('{"v": 12345678901234567890}') as unknown;
    expect(matches('{"v": [12345678901234567000]}', parsed)).toBe(true);
    expect(matches('{"v": [12345678901234567000]}', parseEventJson('{"v": 12345678901234567890}'))).toBe(false);
    // biome-ignore lint/correctness/noPrecisionLoss: the point: an object holds the nearest double.
    expect(matches({ v: [{ numeric: ['>', 0] }] }, { v: 12345678901234567890 })).toBe(true);
  });

  it('may mix parts parsed with parseEventJson into an event object', () => {
    const event = { source: 'modellregion.x', detail: parseEventJson('{"id": 12345678901234567890}') };
    expect(matches({ source: ['modellregion.x'], detail: { id: [12345678901234567000] } }, event)).toBe(false);
    expect(matches('{"detail": {"id": [12345678901234567890]}}', event)).toBe(true);
  });

  it('turn a pattern text into a plain copy, whose compiled matcher keeps the digits', () => {
    const pattern = parsePattern('{"v": [12345678901234567890]}');
    expect(JSON.stringify(pattern)).toBe('{"v":[12345678901234567000]}');
    expect(matchesPattern(pattern, parseEventJson('{"v": 12345678901234567890}'))).toBe(true);
    expect(compilePattern(pattern)(parseEventJson('{"v": 12345678901234567000}'))).toBe(false);
  });
});
