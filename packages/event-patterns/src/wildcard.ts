/**
 * The `wildcard` operator: `*` matches any run of characters (also none), `\*` is a literal asterisk,
 * `\\` a literal backslash. Like aws/event-ruler's `WildcardParser`, consecutive `**` and a backslash
 * before anything else are refused; the reported position is the UTF-8 byte offset in the value as
 * event-ruler sees it, i.e. with its opening quote (so the first character is at pos 1).
 */
import { invalid } from './errors';
import type { TextTest } from './ignore-case';

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/** Splits a wildcard value into its literal pieces; n pieces mean n - 1 wildcards. */
const wildcardPieces = (value: string): string[] => {
  const pieces: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '*') {
      if (value[i + 1] === '*') invalid(`Consecutive wildcard characters at pos ${utf8Length(value.slice(0, i)) + 1}`);
      pieces.push(current);
      current = '';
    } else if (ch === '\\') {
      const next = value[i + 1];
      if (next !== '*' && next !== '\\') invalid(`Invalid escape character at pos ${utf8Length(value.slice(0, i)) + 1}`);
      current += next;
      i++;
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
};

export const wildcardTest = (value: string): TextTest => {
  const pieces = wildcardPieces(value);
  const first = pieces[0] ?? '';
  if (pieces.length === 1) return (text) => text === first;
  const last = pieces[pieces.length - 1] ?? '';
  const middle = pieces.slice(1, -1).filter((p) => p !== '');
  const fixed = first.length + last.length;
  return (text) => {
    if (text.length < fixed || !text.startsWith(first) || !text.endsWith(last)) return false;
    // Leftmost placement of each middle piece is optimal when `*` is the only operator.
    let pos = first.length;
    const end = text.length - last.length;
    for (const piece of middle) {
      const at = text.indexOf(piece, pos);
      if (at < 0 || at + piece.length > end) return false;
      pos = at + piece.length;
    }
    return true;
  };
};
