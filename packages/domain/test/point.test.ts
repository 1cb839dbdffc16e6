import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCounts } from '../src/point';

const counts = fc.dictionary(
  fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'milestones.planned'), fc.string({ maxLength: 8 })),
  fc.integer({ min: -50, max: 50 }).filter((n) => n !== 0),
);

describe('counts added and taken away', () => {
  it('keeps every key a count, including the names of Object.prototype', () => {
    const sum = addCounts(JSON.parse('{"__proto__":2,"constructor":1}'), JSON.parse('{"__proto__":3,"toString":4}'));
    expect(Object.getPrototypeOf(sum)).toBe(Object.prototype);
    expect(Object.entries(sum).sort()).toEqual([
      ['__proto__', 5],
      ['constructor', 1],
      ['toString', 4],
    ]);
  });

  it('takes away what it added, and drops what comes to zero', () => {
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        expect(addCounts(addCounts(a, b), b, -1)).toEqual(a);
        expect(Object.values(addCounts(a, b)).includes(0)).toBe(false);
      }),
    );
  });
});
