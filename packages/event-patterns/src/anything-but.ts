/**
 * The `anything-but` operator: a value (or list of values, all strings or all numbers) the field must
 * not have, or `{"prefix" | "suffix" | "equals-ignore-case" | "wildcard": value or list}` it must not
 * match. It needs the field to be present, but accepts values of any other type: `{"anything-but":
 * "x"}` matches null, 5 and true, and a numeric list matches every string. For an event array, one
 * element that is not excluded is enough. Messages follow aws/event-ruler's `JsonRuleCompiler`.
 */
import { invalid } from './errors';
import type { ValueTest } from './event-value';
import { equalsIgnoreCase, type TextTest } from './ignore-case';
import { isPlainObject } from './json';
import { InexactNumber } from './json-text';
import { wildcardTest } from './wildcard';

/** A string or a number (event-ruler's VALUE_STRING, VALUE_NUMBER_INT and VALUE_NUMBER_FLOAT tokens). */
const isSingleValue = (value: unknown): boolean => typeof value === 'string' || typeof value === 'number' || value instanceof InexactNumber;

const stringOperand = (value: unknown, message: string): string => (typeof value === 'string' ? value : invalid(message));

const anythingButSet = (operand: unknown): ValueTest => {
  const strings = new Set<string>();
  const numbers = new Set<number>();
  const values = Array.isArray(operand) ? (operand as unknown[]) : [operand];
  for (const value of values) {
    if (typeof value === 'string') strings.add(value);
    else if (typeof value === 'number' && Number.isFinite(value)) numbers.add(value);
    else if (value instanceof InexactNumber) invalid(`Cannot compare number : ${value.text}`);
    else invalid('Inside anything but list, start|null|boolean is not supported.');
  }
  if (strings.size > 0 === numbers.size > 0) {
    invalid('Inside anything but list, either all values are number or string, mixed type is not supported');
  }
  if (numbers.size > 0) return (v) => !(v.kind === 'number' && numbers.has(v.value));
  return (v) => !(v.kind === 'string' && strings.has(v.text));
};

const ANYTHING_BUT_OPERATORS = ['equals-ignore-case', 'prefix', 'suffix', 'wildcard'] as const;
type AnythingButOperator = (typeof ANYTHING_BUT_OPERATORS)[number];

const anythingButOperatorTest = (operator: AnythingButOperator, text: string): TextTest => {
  switch (operator) {
    case 'equals-ignore-case':
      return equalsIgnoreCase(text);
    case 'prefix':
      return (s) => s.startsWith(text);
    case 'suffix':
      return (s) => s.endsWith(text);
    case 'wildcard':
      return wildcardTest(text);
  }
};

const anythingButOperatorMessage = (operator: AnythingButOperator): string => {
  switch (operator) {
    case 'equals-ignore-case':
      return 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.';
    case 'wildcard':
      return 'wildcard match pattern must be a string';
    default:
      return 'prefix/suffix match pattern must be a string';
  }
};

/** `{"anything-but": {"prefix" | "suffix" | "equals-ignore-case" | "wildcard": value or list}}`. */
const anythingButOperator = (inner: Record<string, unknown>): ValueTest => {
  const [name] = Object.keys(inner);
  if (name === undefined) return invalid('Anything-But expression name not found');
  if (!(ANYTHING_BUT_OPERATORS as readonly string[]).includes(name)) {
    return invalid(`Unsupported anything-but pattern: ${name}`);
  }
  const operator = name as AnythingButOperator;
  const operand = inner[name];
  if (!Array.isArray(operand) && !isSingleValue(operand)) {
    return invalid('Value of anything-but must be an array or single string/number value.');
  }
  const texts = (Array.isArray(operand) ? (operand as unknown[]) : [operand]).map((value) => {
    const text = stringOperand(value, anythingButOperatorMessage(operator));
    if ((operator === 'prefix' || operator === 'suffix') && text === '') invalid('Null prefix/suffix not allowed');
    return text;
  });
  const tests = texts.map((text) => anythingButOperatorTest(operator, text));
  if (Object.keys(inner).length > 1) invalid('Too many elements in numeric expression');
  return (v) => !(v.kind === 'string' && tests.some((test) => test(v.text)));
};

export const anythingBut = (operand: unknown): ValueTest => {
  if (isPlainObject(operand)) return anythingButOperator(operand);
  if (!Array.isArray(operand) && !isSingleValue(operand)) {
    return invalid('Value of anything-but must be an array or single string/number value.');
  }
  return anythingButSet(operand);
};
