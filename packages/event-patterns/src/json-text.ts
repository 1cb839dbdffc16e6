/**
 * JSON text parsed the way aws/event-ruler reads it: like `JSON.parse`, except that a number event-ruler
 * cannot compare (see `isComparable`) stays an {@link InexactNumber} holding its text, which `JSON.parse`
 * would round to a nearby double (`12345678901234567890` to 12345678901234567000). Every other number
 * becomes its double, which then describes it completely.
 */
import { isComparable } from './comparable-number';

/** An incomparable JSON number (see `isComparable`), kept as written; it equals only the same text. */
export class InexactNumber {
  constructor(readonly text: string) {}
}

const numberFromText = (text: string): number | InexactNumber => (isComparable(text) ? Number(text) : new InexactNumber(text));

type Frame = { readonly container: Record<string, unknown> | unknown[]; key: string };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

const attach = (frame: Frame, value: unknown): void => {
  const { container, key } = frame;
  if (Array.isArray(container)) container.push(value);
  // An own "__proto__" member, as JSON.parse makes it, rather than a new prototype.
  else if (key === '__proto__') {
    Object.defineProperty(container, key, { value, enumerable: true, writable: true, configurable: true });
  } else container[key] = value;
};

/**
 * Parses JSON text, throwing `JSON.parse`'s `SyntaxError` for text that is not JSON. Nesting depth costs
 * no stack. A member name that appears twice keeps its last value, as with `JSON.parse`.
 */
export const parseJsonText = (text: string): unknown => {
  // The platform checks the syntax, with its own messages; the walk below may then assume valid JSON.
  JSON.parse(text);
  let pos = 0;
  const skipWhitespace = (): void => {
    const code = text.charCodeAt(pos);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return;
    WHITESPACE.lastIndex = pos;
    WHITESPACE.exec(text);
    pos = WHITESPACE.lastIndex;
  };
  const readString = (): string => {
    const start = pos;
    let quote = text.indexOf('"', start + 1);
    for (;;) {
      let backslashes = 0;
      while (text[quote - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) break;
      quote = text.indexOf('"', quote + 1);
    }
    pos = quote + 1;
    const literal = text.slice(start, pos);
    return literal.includes('\\') ? (JSON.parse(literal) as string) : literal.slice(1, -1);
  };
  const readKey = (): string => {
    skipWhitespace();
    const key = readString();
    skipWhitespace();
    pos++; // the colon
    return key;
  };

  const stack: Frame[] = [];
  for (;;) {
    skipWhitespace();
    const ch = text[pos];
    let value: unknown;
    if (ch === '{' || ch === '[') {
      pos++;
      skipWhitespace();
      if (text[pos] === (ch === '{' ? '}' : ']')) {
        pos++;
        value = ch === '{' ? {} : [];
      } else {
        stack.push(ch === '{' ? { container: {}, key: readKey() } : { container: [], key: '' });
        continue;
      }
    } else if (ch === '"') {
      value = readString();
    } else if (ch === 't' || ch === 'n') {
      value = ch === 't' ? true : null;
      pos += 4;
    } else if (ch === 'f') {
      value = false;
      pos += 5;
    } else {
      NUMBER.lastIndex = pos;
      const lexeme = (NUMBER.exec(text) as RegExpExecArray)[0];
      value = numberFromText(lexeme);
      pos += lexeme.length;
    }
    // A complete value: attach it, then close every container that ends right after it.
    for (;;) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) return value;
      attach(frame, value);
      skipWhitespace();
      if (text[pos] === ',') {
        pos++;
        if (!Array.isArray(frame.container)) frame.key = readKey();
        break;
      }
      pos++; // the closing bracket or brace
      stack.pop();
      value = frame.container;
    }
  }
};
