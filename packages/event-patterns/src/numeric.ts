/**
 * The `numeric` operator: `["=", x]`, `["<", x]`, `["<=", x]`, `[">", x]`, `[">=", x]` or a range
 * `[">" | ">=", low, "<" | "<=", high]`. Operands must be JSON numbers and match only JSON numbers,
 * compared by value (300 equals 3.0e2). Validation and messages follow aws/event-ruler's
 * `JsonRuleCompiler.processNumericMatchExpression`.
 */
import { invalid } from './errors';
import { tokenText } from './json';

export type NumberTest = (value: number) => boolean;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const operand = (operator: string, value: unknown): number =>
  isNumber(value) ? value : invalid(`Value of ${operator === '=' ? 'equals' : operator} must be numeric`);

const tooMany = (): never => invalid('Too many elements in numeric expression');

export const numericTest = (expression: unknown): NumberTest => {
  if (!Array.isArray(expression)) return invalid('Value of numeric must be an array.');
  const [operator, first, ...rest] = expression as unknown[];
  if (typeof operator !== 'string') return invalid(`Invalid member in numeric match: ${tokenText(operator)}`);
  switch (operator) {
    case '=': {
      const x = operand('=', first);
      if (expression.length > 2) tooMany();
      return (v) => v === x;
    }
    case '<':
    case '<=': {
      const top = operand(operator, first);
      if (expression.length > 2) tooMany();
      return operator === '<' ? (v) => v < top : (v) => v <= top;
    }
    case '>':
    case '>=': {
      const bottom = operand(operator, first);
      const openBottom = operator === '>';
      if (expression.length === 2) return openBottom ? (v) => v > bottom : (v) => v >= bottom;
      const [topOperator, second] = rest;
      if (typeof topOperator !== 'string') return invalid(`Bad value in numeric range: ${tokenText(topOperator)}`);
      if (topOperator !== '<' && topOperator !== '<=') return invalid(`Bad numeric range operator: ${topOperator}`);
      const top = operand(topOperator, second);
      if (expression.length > 4) invalid('Too many terms in numeric range expression');
      if (bottom >= top) invalid('Bottom must be less than top');
      const openTop = topOperator === '<';
      return (v) => (openBottom ? v > bottom : v >= bottom) && (openTop ? v < top : v <= top);
    }
    default:
      return invalid(`Unrecognized numeric range operator: ${operator}`);
  }
};
