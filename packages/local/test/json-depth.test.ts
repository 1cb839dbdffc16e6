import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonNestingDepth } from '../src/eventbridge/json-depth';

/** The same figure, by walking the parsed value (recursively: fine for the shallow values below). */
const depthOfValue = (value: unknown): number => (typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOfValue)) : 0);

describe('the nesting depth of a JSON text, read without parsing', () => {
  it('counts arrays and objects, not scalars', () => {
    expect(jsonNestingDepth('1')).toBe(0);
    expect(jsonNestingDepth('"x"')).toBe(0);
    expect(jsonNestingDepth('{}')).toBe(1);
    expect(jsonNestingDepth('[1, 2]')).toBe(1);
    expect(jsonNestingDepth('{"a": [], "b": {"c": [[]]}}')).toBe(4);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonNestingDepth('{"a": "[[[{{{"}')).toBe(1);
    expect(jsonNestingDepth('{"a\\"[[": "\\\\", "b": ["\\"{"]}')).toBe(2);
  });

  it('measures 100,000 levels without running out of stack', () => {
    const n = 100_000;
    expect(jsonNestingDepth(`{"a":${'['.repeat(n)}${']'.repeat(n)}}`)).toBe(n + 1);
  });

  it('agrees with the depth of the parsed value for any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        expect(jsonNestingDepth(JSON.stringify(value))).toBe(depthOfValue(value));
      }),
    );
  });
});
