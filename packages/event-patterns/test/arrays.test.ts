import { describe, expect, it } from 'vitest';
import { matches } from './helpers';

describe('arrays of objects in the event ("crushed out")', () => {
  // aws/event-ruler README, "JSON Array Matching".
  const employees = {
    employees: [
      { firstName: 'John', lastName: 'Doe' },
      { firstName: 'Anna', lastName: 'Smith' },
      { firstName: 'Peter', lastName: 'Jones' },
    ],
  };

  it('match a field of any element: {"employees": {"firstName": ["Anna"]}}', () => {
    expect(matches({ employees: { firstName: ['Anna'] } }, employees)).toBe(true);
    expect(matches({ employees: { firstName: ['Maria'] } }, employees)).toBe(false);
  });

  it('match two fields only within the same element (array consistency)', () => {
    // README: rulesForJSONEvent "will not match the Anna/Jones rule".
    expect(matches({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, employees)).toBe(false);
    expect(matches({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }, employees)).toBe(true);
    expect(matches({ employees: { firstName: ['Anna', 'Peter'], lastName: ['Jones'] } }, employees)).toBe(true);
  });

  it('works for multi-level arrays (README example)', () => {
    const nested = {
      employees: [
        [
          { firstName: 'John', lastName: 'Doe' },
          { firstName: 'Anna', lastName: 'Smith' },
        ],
        [{ firstName: 'Peter', lastName: 'Jones' }],
      ],
    };
    expect(matches({ employees: { firstName: ['Anna'] } }, nested)).toBe(true);
    expect(matches({ employees: { firstName: ['Peter'], lastName: ['Jones'] } }, nested)).toBe(true);
    expect(matches({ employees: { firstName: ['Anna'], lastName: ['Jones'] } }, nested)).toBe(false);
    expect(matches({ employees: { firstName: ['John'], lastName: ['Smith'] } }, nested)).toBe(false);
  });

  it('match the funding example of this project', () => {
    const event = {
      detail: {
        funding: [
          { source: 'bund', amount: 10 },
          { source: 'land', amount: 5 },
        ],
      },
    };
    expect(matches({ detail: { funding: { source: ['land'] } } }, event)).toBe(true);
    expect(matches({ detail: { funding: { source: ['eu'] } } }, event)).toBe(false);
    expect(matches({ detail: { funding: { source: ['land'], amount: [{ numeric: ['<', 6] }] } } }, event)).toBe(true);
    expect(matches({ detail: { funding: { source: ['land'], amount: [{ numeric: ['>', 6] }] } } }, event)).toBe(false);
  });

  it('{"a": {"b": [1], "c": [2]}} does not match b and c from different elements', () => {
    expect(
      matches(
        { a: { b: [1], c: [2] } },
        {
          a: [
            { b: 1, c: 3 },
            { b: 4, c: 2 },
          ],
        },
      ),
    ).toBe(false);
    expect(
      matches(
        { a: { b: [1], c: [2] } },
        {
          a: [
            { b: 1, c: 3 },
            { b: 1, c: 2 },
          ],
        },
      ),
    ).toBe(true);
  });

  it('lets fields in different arrays be chosen independently', () => {
    const event = { x: [{ v: 1 }, { v: 2 }], y: [{ w: 3 }, { w: 4 }] };
    expect(matches({ x: { v: [2] }, y: { w: [3] } }, event)).toBe(true);
  });

  it('lets a field outside the array combine with any element', () => {
    const event = { top: 'T', list: [{ v: 1 }, { v: 2 }] };
    expect(matches({ top: ['T'], list: { v: [2] } }, event)).toBe(true);
  });

  it('keeps consistency across nesting: inner arrays of the same outer element go together', () => {
    const event = {
      orders: [
        { id: 'o1', items: [{ sku: 'a' }, { sku: 'b' }] },
        { id: 'o2', items: [{ sku: 'c' }] },
      ],
    };
    expect(matches({ orders: { id: ['o1'], items: { sku: ['b'] } } }, event)).toBe(true);
    expect(matches({ orders: { id: ['o1'], items: { sku: ['c'] } } }, event)).toBe(false);
    expect(matches({ orders: { id: ['o2'], items: { sku: ['c'] } } }, event)).toBe(true);
  });

  it('keeps consistency for three fields in one element', () => {
    const event = {
      a: [
        { x: 1, y: 2, z: 3 },
        { x: 1, y: 2, z: 4 },
        { x: 9, y: 9, z: 3 },
      ],
    };
    expect(matches({ a: { x: [1], y: [2], z: [3] } }, event)).toBe(true);
    expect(matches({ a: { x: [9], y: [2], z: [3] } }, event)).toBe(false);
  });

  it('treats scalar elements of an array as values of the field itself', () => {
    expect(matches({ tags: ['b'] }, { tags: ['a', 'b'] })).toBe(true);
    expect(matches({ tags: ['b'] }, { tags: [['a'], ['b']] })).toBe(true);
    expect(matches({ tags: ['b'] }, { tags: [[['b']]] })).toBe(true);
  });

  it('does not tie scalar array elements to an index (they carry no array position)', () => {
    // In event-ruler only object and array elements record their position; scalars in the same
    // element share the element's position.
    expect(matches({ a: { b: [1], c: [2] } }, { a: { b: [1, 5], c: [7, 2] } })).toBe(true);
    expect(matches({ a: { b: [1], c: [2] } }, { a: [{ b: [1, 5], c: [7, 2] }] })).toBe(true);
  });

  it('matches array elements that are a mix of scalars and objects', () => {
    const event = { a: ['x', { b: 'y' }] };
    expect(matches({ a: ['x'] }, event)).toBe(true);
    expect(matches({ a: { b: ['y'] } }, event)).toBe(true);
  });

  it('scales to large arrays without searching all combinations', () => {
    const many = Array.from({ length: 2_000 }, (_, i) => ({ k: i, v: `v${i}` }));
    const other = Array.from({ length: 2_000 }, (_, i) => ({ w: i }));
    const event = { a: many, b: other, c: many };
    // A pattern that cannot match but whose fields each match many elements.
    const pattern = { a: { k: [{ numeric: ['>=', 0] }] }, b: { w: [{ numeric: ['>=', 0] }] }, c: { v: ['nope'] } };
    const started = performance.now();
    expect(matches(pattern, event)).toBe(false);
    expect(matches({ a: { k: [1999], v: ['v1999'] }, b: { w: [1999] } }, event)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
