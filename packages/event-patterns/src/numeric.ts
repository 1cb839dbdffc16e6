/**
 * The `numeric` operator: `["=", x]`, `["<", x]`, `["<=", x]`, `[">", x]`, `[">=", x]` or a range
 * `[">" | ">=", low, "<" | "<=", high]`. Operands must be JSON numbers and match only JSON numbers,
 * compared by value (300 equals 3.0e2) over the whole range of doubles, as aws/event-ruler does since
 * 1.8.0. An incomparable operand is refused (`Cannot compare number : …`); such an event
 * number never satisfies the operator. Validation, its order and messages follow event-ruler's
 * `JsonRuleCompiler.processNumericMatchExpression`.
 */
import { invalid } from './errors';
import { isJsonNumber, tokenText } from './json';
import { InexactNumber } from './json-text';

export type NumberTest = (value: number) => boolean;

type Operand = number | InexactNumber;

const operand = (operator: string, value: unknown): Operand =>
  isJsonNumber(value) ? value : invalid(`Value of ${operator === '=' ? 'equals' : operator} must be numeric`);

/** event-ruler turns an operand into its comparable form only after checking the expression's shape. */
const comparable = (value: Operand): number => (value instanceof InexactNumber ? invalid(`Cannot compare number : ${value.text}`) : value);

const tooMany = (): never => invalid('Too many elements in numeric expression');

export const numericTest = (expression: unknown): NumberTest => {
  if (!Array.isArray(expression)) return invalid('Value of numeric must be an array.');
  const [operator, first, ...rest] = expression as unknown[];
  if (typeof operator !== 'string') return invalid(`Invalid member in numeric match: ${tokenText(operator)}`);
  switch (operator) {
    case '=': {
      const written = operand('=', first);
      if (expression.length > 2) tooMany();
      const x = comparable(written);
      return (v) => v === x;
    }
    case '<':
    case '<=': {
      const written = operand(operator, first);
      if (expression.length > 2) tooMany();
      const top = comparable(written);
      return operator === '<' ? (v) => v < top : (v) => v <= top;
    }
    case '>':
    case '>=': {
      const writtenBottom = operand(operator, first);
      const openBottom = operator === '>';
      if (expression.length === 2) {
        const bottom = comparable(writtenBottom);
        return openBottom ? (v) => v > bottom : (v) => v >= bottom;
      }
      const [topOperator, second] = rest;
      if (typeof topOperator !== 'string') return invalid(`Bad value in numeric range: ${tokenText(topOperator)}`);
      if (topOperator !== '<' && topOperator !== '<=') return invalid(`Bad numeric range operator: ${topOperator}`);
      const writtenTop = operand(topOperator, second);
      if (expression.length > 4) invalid('Too many terms in numeric range expression');
      const bottom = comparable(writtenBottom);
      const top = comparable(writtenTop);
      if (bottom >= top) invalid('Bottom must be less than top');
      const openTop = topOperator === '<';
      return (v) => (openBottom ? v > bottom : v >= bottom) && (openTop ? v < top : v <= top);
    }
    default:
      return invalid(`Unrecognized numeric range operator: ${operator}`);
  }
};
