import fc from 'fast-check';

/** Few field names, so that patterns and events run into each other often. */
export const fieldName = fc.constantFrom('a', 'b', 'c');

const text = fc.constantFrom('', 'x', 'y', 'X', 'xy', 'yx', 'x*y', 'ß', '10.0.0.1', '::1', '10.1.2.3');
export const number = fc.constantFrom(0, 1, -1, 2.5, 300, 5e9, -0.000001);
export const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null));

/** JSON values of an event: scalars, arrays and objects, nested a few levels. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(fieldName, tie('value'), { maxKeys: 3 }),
})).value;

export const jsonEvent = fc.dictionary(fieldName, jsonValue, { minKeys: 1, maxKeys: 3 });

/** Alternatives that most values satisfy, so that random patterns match random events reasonably often. */
const broad: fc.Arbitrary<unknown> = fc.constantFrom(
  { exists: true },
  { exists: false },
  { wildcard: '*' },
  { prefix: '' },
  { 'anything-but': 'zzz' },
  { 'anything-but': [12345] },
  { numeric: ['>=', -1e10] },
);

/** One alternative of a leaf: a plain value or a valid operator. */
export const alternative: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: broad, weight: 6 },
  scalar,
  fc.record({ prefix: text }),
  fc.record({ suffix: text }),
  fc.record({ 'equals-ignore-case': text }),
  fc.record({ prefix: fc.record({ 'equals-ignore-case': text }) }),
  fc.record({ wildcard: fc.constantFrom('*', 'x*', '*y', 'x*y', '', '10.*') }),
  fc.record({ exists: fc.boolean() }),
  fc.record({
    'anything-but': fc.oneof(
      text,
      number,
      fc.array(text, { minLength: 1, maxLength: 2 }),
      fc.array(number, { minLength: 1, maxLength: 2 }),
      fc.record({ prefix: fc.constantFrom('x', '10.') }),
      fc.record({ 'equals-ignore-case': fc.array(text, { minLength: 1, maxLength: 2 }) }),
    ),
  }),
  fc.record({
    numeric: fc.oneof(fc.tuple(fc.constantFrom('=', '<', '<=', '>', '>='), number), fc.constant(['>', 0, '<=', 300])),
  }),
  fc.record({ cidr: fc.constantFrom('10.0.0.0/8', '::/0', '10.0.0.0/31') }),
);

const leaf = fc.array(alternative, { minLength: 1, maxLength: 3 });

const plainPattern: fc.Arbitrary<Record<string, unknown>> = fc.letrec((tie) => ({
  node: fc.dictionary(fieldName, fc.oneof({ depthSize: 'small' }, leaf, tie('node')), { minKeys: 1, maxKeys: 2 }),
})).node as fc.Arbitrary<Record<string, unknown>>;

/** Valid patterns, some with `$or`. */
export const pattern: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  plainPattern,
  fc.tuple(plainPattern, fc.array(plainPattern, { minLength: 2, maxLength: 3 })).map(([base, alternatives]) => ({ ...base, $or: alternatives })),
  fc
    .tuple(plainPattern, fieldName, fc.array(plainPattern, { minLength: 2, maxLength: 2 }))
    .map(([base, name, alternatives]) => ({ ...base, [name]: { $or: alternatives } })),
);

/** Patterns of at most two levels, the shape that meets {@link arrayEvent} often. */
export const twoLevelPattern: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.dictionary(fieldName, fc.oneof(leaf, fc.dictionary(fieldName, leaf, { minKeys: 1, maxKeys: 3 })), {
    minKeys: 1,
    maxKeys: 2,
  }),
  fc
    .tuple(fieldName, fc.array(fc.dictionary(fieldName, leaf, { minKeys: 1, maxKeys: 2 }), { minLength: 2, maxLength: 3 }))
    .map(([name, alternatives]) => ({ [name]: { $or: alternatives } })),
);

const element = fc.dictionary(fieldName, fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })), { minKeys: 1, maxKeys: 3 });

/** Events whose fields are mostly arrays of objects (also arrays of arrays of objects). */
export const arrayEvent = fc.dictionary(
  fieldName,
  fc.oneof({ arbitrary: fc.array(element, { maxLength: 4 }), weight: 3 }, fc.array(fc.array(element, { maxLength: 2 }), { maxLength: 2 }), element, scalar),
  { minKeys: 1, maxKeys: 3 },
);
