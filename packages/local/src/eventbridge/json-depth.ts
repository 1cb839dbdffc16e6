/**
 * How deeply JSON may nest its arrays and objects. EventBridge documents that "PutEvents will only
 * process nested JSON up to 1000 levels deep" (the API reference of PutEvents), which is also
 * Jackson's default limit. What walks an event recursively downstream of the local bus
 * (JSON.stringify in the archive's and the queues' journals and in the messages to the handlers)
 * gives up at about 4,100 levels on Node 20's default stack, and sooner inside deep call chains:
 * 1000 keeps a fourfold margin and lies far beyond any real report (the catalogue's deepest detail
 * has 3 levels). JSON.parse itself does not recurse and reads any depth.
 */
export const MAX_JSON_DEPTH = 1000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * The deepest nesting of arrays and objects in a JSON text (`1` is 0, `{}` and `[1]` are 1,
 * `{"a":[]}` is 2), read from the raw text in one pass without recursion and without parsing, so
 * that a hostile text can be refused before anything builds or walks it. Brackets inside strings
 * do not count. For text that is not JSON the figure means nothing, but it is always computed.
 */
export const jsonNestingDepth = (text: string): number => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return deepest;
};
