/**
 * Turns a pattern into sub-rules, as aws/event-ruler's `JsonRuleCompiler` does: nested objects become
 * dot-joined field names (`{"detail": {"state": [...]}}` is the field `detail.state`), and every `$or`
 * forks the rules built so far into one copy per alternative. The pattern matches if any sub-rule does.
 * A later occurrence of the same field name replaces the earlier one within a sub-rule.
 */
import { invalid } from './errors';
import { isPlainObject } from './json';
import { compileLeaf, type Leaf } from './leaf';

export type SubRule = {
  /** Field names in ascending UTF-16 order, the order event-ruler evaluates them in. */
  readonly fields: readonly string[];
  /** `leaves[i]` is the leaf of `fields[i]`. */
  readonly leaves: readonly Leaf[];
};

/** More `$or` branches than this are refused rather than expanded (not an AWS limit). */
const MAX_SUB_RULES = 10_000;
/** Deeper pattern nesting is refused, as Jackson's default StreamReadConstraints would. */
const MAX_PATTERN_DEPTH = 1_000;

const OR = '$or';

/** Field names event-ruler refuses inside `$or` (`Constants.RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP`). */
const RESERVED_IN_OR = new Set([
  'exactly',
  'equals-ignore-case',
  'prefix',
  'suffix',
  'anything-but',
  'exists',
  'wildcard',
  'numeric',
  'cidr',
  'html',
  '=',
  '<',
  '<=',
  '>',
  '>=',
  'regex',
  'not-wildcard',
  'not-equals-ignore-case',
  'date-after',
  'date-on-or-after',
  'date-before',
  'date-on-or-before',
  'in-date-range',
  'ip-address-in-range',
  'ip-address-not-in-range',
]);

type Rules = Map<string, Leaf>[];

class Expander {
  constructor(private readonly leafCache: Map<readonly unknown[], Leaf>) {}

  object(rules: Rules, path: string | null, object: Record<string, unknown>, insideOr: boolean, depth: number): Rules {
    if (depth > MAX_PATTERN_DEPTH) invalid(`Document nesting depth exceeds the maximum allowed (${MAX_PATTERN_DEPTH})`);
    const keys = Object.keys(object);
    if (keys.length === 0) invalid('Empty objects are not allowed');
    let current = rules;
    for (const key of keys) {
      const value = object[key];
      if (key === OR) {
        current = this.or(current, path, value, depth);
        continue;
      }
      if (insideOr && RESERVED_IN_OR.has(key)) {
        invalid(`${key} is Ruler reserved fieldName which cannot be used inside ${OR}.`);
      }
      const name = path === null ? key : `${path}.${key}`;
      if (isPlainObject(value)) {
        current = this.object(current, name, value, insideOr, depth + 1);
      } else if (Array.isArray(value)) {
        const leaf = this.leaf(value);
        if (current.length === 0) current = [new Map()];
        for (const rule of current) rule.set(name, leaf);
      } else {
        invalid(`"${key}" must be an object or an array`);
      }
    }
    return current;
  }

  private or(rules: Rules, path: string | null, alternatives: unknown, depth: number): Rules {
    if (!Array.isArray(alternatives)) return invalid(`It must be an Array followed with ${OR}.`);
    const result: Rules = [];
    for (const alternative of alternatives as unknown[]) {
      if (!isPlainObject(alternative)) invalid(`Only JSON object is allowed in array of ${OR} relationship.`);
      const copies: Rules = rules.length === 0 ? [new Map()] : rules.map((rule) => new Map(rule));
      result.push(...this.object(copies, path, alternative as Record<string, unknown>, true, depth + 1));
      if (result.length > MAX_SUB_RULES) {
        invalid(`Rule is too complex - the ${OR} alternatives expand to more than ${MAX_SUB_RULES} sub-rules`);
      }
    }
    if (alternatives.length < 2) invalid(`There must have at least 2 Objects in ${OR} relationship.`);
    return result;
  }

  private leaf(values: readonly unknown[]): Leaf {
    let leaf = this.leafCache.get(values);
    if (leaf === undefined) {
      leaf = compileLeaf(values);
      this.leafCache.set(values, leaf);
    }
    return leaf;
  }
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Validates a pattern object and expands it into sub-rules. */
export const subRulesOf = (pattern: unknown): SubRule[] => {
  if (!isPlainObject(pattern)) return invalid('Filter is not an object');
  const rules = new Expander(new Map()).object([], null, pattern, false, 1);
  return rules.map((rule) => {
    const fields = [...rule.keys()].sort(byCodeUnits);
    return { fields, leaves: fields.map((f) => rule.get(f) as Leaf) };
  });
};
