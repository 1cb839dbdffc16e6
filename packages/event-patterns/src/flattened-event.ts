/**
 * An event flattened the way aws/event-ruler's `Event` does it for `rulesForJSONEvent`: every leaf value
 * (string, number, boolean, null) becomes a field named by its dot-joined path, arrays are "crushed out"
 * (their elements count as values of the parent's path), and each value remembers which element of which
 * array it sits in. Objects, empty arrays and empty objects produce no field at all.
 *
 * Only paths that lead to a field name of the pattern are visited, so large unrelated parts of an event
 * cost nothing. Nesting deeper than {@link MAX_EVENT_DEPTH} is not visited (AWS's JSON parser refuses
 * such events), which also keeps cyclic JavaScript objects from looping forever.
 */
import { isScalar, type Scalar } from './event-value';

const MAX_EVENT_DEPTH = 1_000;

/**
 * The array elements a value sits in: a chain of (array, index) pairs from the innermost element out.
 * Values in the same element share the same chain object. Scalars directly in an array do not add a
 * link for that array (as in event-ruler, only object and array elements do).
 */
export type Membership = {
  readonly array: number;
  readonly index: number;
  readonly parent: Membership | null;
};

type Field = { readonly value: Scalar; readonly membership: Membership | null };

export type FlattenedEvent = ReadonlyMap<string, readonly Field[]>;

type Task = { readonly value: unknown; readonly path: string | null; readonly membership: Membership | null; readonly depth: number };

/**
 * @param names the field names of the pattern
 * @param prefixes every dot-separated prefix of those names (including the names themselves)
 */
export const flattenEvent = (event: Record<string, unknown>, names: ReadonlySet<string>, prefixes: ReadonlySet<string>): FlattenedEvent => {
  const fields = new Map<string, Field[]>();
  const add = (path: string | null, value: Scalar, membership: Membership | null): void => {
    if (path === null || !names.has(path)) return;
    const list = fields.get(path);
    if (list === undefined) fields.set(path, [{ value, membership }]);
    else list.push({ value, membership });
  };

  let arrays = 0;
  const stack: Task[] = [{ value: event, path: null, membership: null, depth: 0 }];
  for (let task = stack.pop(); task !== undefined; task = stack.pop()) {
    const { value, path, membership, depth } = task;
    if (depth > MAX_EVENT_DEPTH) continue;
    if (Array.isArray(value)) {
      const array = arrays++;
      const elements = value as unknown[];
      for (let index = elements.length - 1; index >= 0; index--) {
        const element = elements[index];
        if (isScalar(element)) add(path, element, membership);
        else if (typeof element === 'object' && element !== null) {
          stack.push({ value: element, path, membership: { array, index, parent: membership }, depth: depth + 1 });
        }
      }
    } else if (typeof value === 'object' && value !== null) {
      const object = value as Record<string, unknown>;
      for (const key of Object.keys(object)) {
        const name = path === null ? key : `${path}.${key}`;
        if (!prefixes.has(name)) continue;
        const child = object[key];
        if (isScalar(child)) add(name, child, membership);
        else if (typeof child === 'object' && child !== null) {
          stack.push({ value: child, path: name, membership, depth: depth + 1 });
        }
      }
    }
  }
  return fields;
};

/** Every dot-separated prefix of each name: `a.b.c` gives `a`, `a.b` and `a.b.c`. */
export const prefixesOf = (names: Iterable<string>): Set<string> => {
  const prefixes = new Set<string>();
  for (const name of names) {
    let at = name.indexOf('.');
    while (at >= 0) {
      prefixes.add(name.slice(0, at));
      at = name.indexOf('.', at + 1);
    }
    prefixes.add(name);
  }
  return prefixes;
};
