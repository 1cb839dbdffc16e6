/**
 * A leaf of a pattern: the array of alternatives for one field, e.g. `["a", {"prefix": "b"}, 5]`.
 * The field matches if any alternative matches any of its values. Validation and messages follow
 * aws/event-ruler's `JsonRuleCompiler` (`writeRules`, `processMatchExpression` and friends).
 */
import { invalid } from './errors';
import { anythingBut } from './anything-but';
import { isScalar, type Scalar, toEventValue, type ValueTest } from './event-value';
import { equalsIgnoreCase, prefixIgnoreCase, suffixIgnoreCase, type TextTest } from './ignore-case';
import { cidrRange, ipInRange, type IpRange, singleAddressRange } from './ip-address';
import { isPlainObject } from './json';
import { InexactNumber } from './json-text';
import { numericTest } from './numeric';
import { wildcardTest } from './wildcard';

export type Leaf = {
  /** `{"exists": false}` is among the alternatives: the field may be absent. */
  readonly mayBeAbsent: boolean;
  /** True if any alternative tests values (all but `exists: false` do). */
  readonly testsValues: boolean;
  /** Whether one value of the field satisfies an alternative. */
  readonly matches: (value: Scalar) => boolean;
};

const onText =
  (test: TextTest): ValueTest =>
  (v) =>
    v.kind === 'string' && test(v.text);

const onIp =
  (range: IpRange): ValueTest =>
  (v) =>
    v.kind === 'string' && v.ip !== undefined && ipInRange(v.ip, range);

const onNumber =
  (test: (n: number) => boolean): ValueTest =>
  (v) =>
    v.kind === 'number' && test(v.value);

const ANY: ValueTest = () => true;

/** Builder state of one leaf: the alternatives, and whether one of them tests IP addresses. */
type Alternatives = { tests: ValueTest[]; ips: boolean; mayBeAbsent: boolean };

const onlyOneKey = (expression: Record<string, unknown>): void => {
  if (Object.keys(expression).length > 1) invalid('Only one key allowed in match expression');
};

const tooManyElements = (): never => invalid('Too many elements in numeric expression');

const stringOperand = (value: unknown, message: string): string => (typeof value === 'string' ? value : invalid(message));

/** `{"prefix": {"equals-ignore-case": "x"}}` and the same for `suffix`. */
const ignoreCaseOperand = (inner: Record<string, unknown>, operator: 'prefix' | 'suffix'): string => {
  const [name] = Object.keys(inner);
  const label = operator === 'prefix' ? 'Prefix' : 'Suffix';
  if (name === undefined) return invalid(`${label} expression name not found`);
  if (name !== 'equals-ignore-case') return invalid(`Unsupported ${operator} pattern: ${name}`);
  const text = stringOperand(inner[name], 'equals-ignore-case match pattern must be a string');
  onlyOneKey(inner);
  return text;
};

/** One `{ operator: operand }` alternative. */
const matchExpression = (expression: Record<string, unknown>, into: Alternatives): void => {
  const [operator] = Object.keys(expression);
  if (operator === undefined) invalid('Match expression name not found');
  const operand = expression[operator];
  switch (operator) {
    case 'exactly': {
      const text = stringOperand(operand, 'exact match pattern must be a string');
      onlyOneKey(expression);
      into.tests.push((v) => v.kind === 'string' && v.text === text);
      return;
    }
    case 'prefix':
    case 'suffix': {
      const text = isPlainObject(operand) ? ignoreCaseOperand(operand, operator) : stringOperand(operand, `${operator} match pattern must be a string`);
      onlyOneKey(expression);
      const ignoreCase = isPlainObject(operand);
      const test: TextTest =
        operator === 'prefix'
          ? ignoreCase
            ? prefixIgnoreCase(text)
            : (s) => s.startsWith(text)
          : ignoreCase
            ? suffixIgnoreCase(text)
            : (s) => s.endsWith(text);
      into.tests.push(onText(test));
      return;
    }
    case 'equals-ignore-case': {
      const text = stringOperand(operand, 'equals-ignore-case match pattern must be a string');
      onlyOneKey(expression);
      into.tests.push(onText(equalsIgnoreCase(text)));
      return;
    }
    case 'wildcard': {
      const text = stringOperand(operand, 'wildcard match pattern must be a string');
      const test = wildcardTest(text);
      onlyOneKey(expression);
      into.tests.push(onText(test));
      return;
    }
    case 'numeric': {
      const test = numericTest(operand);
      if (Object.keys(expression).length > 1) tooManyElements();
      into.tests.push(onNumber(test));
      return;
    }
    case 'anything-but': {
      const test = anythingBut(operand);
      if (Object.keys(expression).length > 1) tooManyElements();
      into.tests.push(test);
      return;
    }
    case 'exists': {
      if (typeof operand !== 'boolean') invalid('exists match pattern must be either true or false.');
      onlyOneKey(expression);
      if (operand) into.tests.push(ANY);
      else into.mayBeAbsent = true;
      return;
    }
    case 'cidr': {
      // event-ruler reports a non-string cidr with the prefix message; AWS does too.
      const range = cidrRange(stringOperand(operand, 'prefix match pattern must be a string'));
      onlyOneKey(expression);
      into.ips = true;
      into.tests.push(onIp(range));
      return;
    }
    default:
      invalid(`Unrecognized match type ${operator}`);
  }
};

const plainValue = (value: Scalar, into: Alternatives): void => {
  if (typeof value === 'string') {
    // event-ruler turns a plain value that is an IP literal into a single-address range, so "::1"
    // also matches "0:0:0:0:0:0:0:1".
    const range = singleAddressRange(value);
    if (range !== undefined) {
      into.ips = true;
      into.tests.push(onIp(range));
    } else {
      into.tests.push((v) => v.kind === 'string' && v.text === value);
    }
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) invalid('Match value must be String, number, true, false, or null');
    into.tests.push((v) => v.kind === 'number' && v.value === value);
  } else if (value instanceof InexactNumber) {
    // event-ruler keeps the number's text as an exact-match pattern beside its comparable form, which
    // such a number has none of: it matches only an event number written the same way.
    const { text } = value;
    into.tests.push((v) => v.kind === 'inexact' && v.text === text);
  } else {
    into.tests.push((v) => v.kind === 'literal' && v.value === value);
  }
};

/** Validates and compiles the value array of one field. */
export const compileLeaf = (values: readonly unknown[]): Leaf => {
  const into: Alternatives = { tests: [], ips: false, mayBeAbsent: false };
  for (const value of values) {
    if (isPlainObject(value)) matchExpression(value, into);
    else if (isScalar(value)) plainValue(value, into);
    else invalid('Match value must be String, number, true, false, or null');
  }
  if (values.length === 0) invalid('Empty arrays are not allowed');
  const { tests, ips } = into;
  return {
    mayBeAbsent: into.mayBeAbsent,
    testsValues: tests.length > 0,
    matches: (value) => {
      if (tests.length === 0) return false;
      const seen = toEventValue(value, ips);
      for (const test of tests) if (test(seen)) return true;
      return false;
    },
  };
};
