import { describe, expect, it } from 'vitest';
import { ec2Event, matches } from './helpers';

const n = (expression: unknown[], value: unknown) => matches({ v: [{ numeric: expression }] }, { v: value });

describe('numeric', () => {
  it('matches the documented example on the event-ruler sample event', () => {
    // aws/event-ruler README "Numeric matching" and EventBridge user guide "Numeric matching".
    const pattern = {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    };
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, { ...ec2Event, detail: { ...ec2Event.detail, 'c-count': 6 } })).toBe(false);
    expect(matches(pattern, { ...ec2Event, detail: { ...ec2Event.detail, 'c-count': 0 } })).toBe(false);
    expect(matches(pattern, { ...ec2Event, detail: { ...ec2Event.detail, 'd-count': 10 } })).toBe(false);
    expect(matches(pattern, { ...ec2Event, detail: { ...ec2Event.detail, 'x-limit': 301.80001 } })).toBe(false);
  });

  it('compares with each operator, at and around the boundary', () => {
    expect([n(['=', 5], 4), n(['=', 5], 5), n(['=', 5], 6)]).toEqual([false, true, false]);
    expect([n(['<', 5], 4), n(['<', 5], 5), n(['<', 5], 6)]).toEqual([true, false, false]);
    expect([n(['<=', 5], 4), n(['<=', 5], 5), n(['<=', 5], 6)]).toEqual([true, true, false]);
    expect([n(['>', 5], 4), n(['>', 5], 5), n(['>', 5], 6)]).toEqual([false, false, true]);
    expect([n(['>=', 5], 4), n(['>=', 5], 5), n(['>=', 5], 6)]).toEqual([false, true, true]);
  });

  it('handles every combination of open and closed range ends', () => {
    const at = (expr: unknown[]) => [0, 1, 5, 10, 11].map((value) => n(expr, value));
    expect(at(['>', 1, '<', 10])).toEqual([false, false, true, false, false]);
    expect(at(['>=', 1, '<', 10])).toEqual([false, true, true, false, false]);
    expect(at(['>', 1, '<=', 10])).toEqual([false, false, true, true, false]);
    expect(at(['>=', 1, '<=', 10])).toEqual([false, true, true, true, false]);
  });

  it('compares integers and floats by value (300 = 300.0 = 3.0e2)', () => {
    expect(n(['=', 300], JSON.parse('3.0e2'))).toBe(true);
    expect(n(['=', 300], 300.0)).toBe(true);
    expect(n(['=', 3.0e2], 300)).toBe(true);
    expect(n(['>', 1], 1.000001)).toBe(true);
    expect(n(['<', 0.3], 0.1 + 0.2)).toBe(false);
  });

  it('handles negative numbers and zero', () => {
    expect(n(['<', 0], -0.5)).toBe(true);
    expect(n(['<', 0], 0)).toBe(false);
    expect(n(['>=', -10, '<', -5], -7)).toBe(true);
    expect(n(['>=', -10, '<', -5], -5)).toBe(false);
    expect(n(['=', 0], -0)).toBe(true);
  });

  it('handles large and small magnitudes', () => {
    expect(n(['>', 5e9], 6e9)).toBe(true);
    expect(n(['<', -1e15], -2e15)).toBe(true);
    expect(n(['>', 0, '<', 0.000001], 0.0000005)).toBe(true);
  });

  it('only matches JSON numbers, not strings that look like numbers, booleans or null', () => {
    // localstack's AWS-recorded cases numeric-string_NEG and numeric-null_NEG.
    expect(n(['=', 5], '5')).toBe(false);
    expect(n(['>', 0], '10')).toBe(false);
    expect(n(['>', 0], true)).toBe(false);
    expect(n(['>=', 0], null)).toBe(false);
    expect(n(['>', 0], { a: 1 })).toBe(false);
  });

  it('does not match an absent field', () => {
    expect(matches({ v: [{ numeric: ['>', 0] }] }, {})).toBe(false);
  });

  it('matches an event array if any element is in range', () => {
    expect(n(['>', 10], [1, 2, 30])).toBe(true);
    expect(n(['>', 10], [1, 2, 3])).toBe(false);
    expect(n(['>', 10], ['30', 3])).toBe(false);
  });

  it('offers several ranges as alternatives', () => {
    const pattern = { v: [{ numeric: ['<', 0] }, { numeric: ['>', 100] }] };
    expect(matches(pattern, { v: -1 })).toBe(true);
    expect(matches(pattern, { v: 50 })).toBe(false);
    expect(matches(pattern, { v: 101 })).toBe(true);
  });

  it('combines with plain numbers in the same array', () => {
    const pattern = { v: [5, { numeric: ['>', 100] }] };
    expect(matches(pattern, { v: 5 })).toBe(true);
    expect(matches(pattern, { v: 6 })).toBe(false);
    expect(matches(pattern, { v: 101 })).toBe(true);
  });
});
