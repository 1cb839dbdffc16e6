/**
 * Matching an event against the sub-rules of a pattern, with aws/event-ruler's array consistency
 * (`rulesForJSONEvent` / `ACFinder`): the values chosen for the fields of one sub-rule must not come from
 * different elements of the same array. Fields are taken in ascending name order, as event-ruler's state
 * machine takes them; `{"exists": false}` holds when no value of the field is consistent with the array
 * elements chosen for the fields before it (event-ruler's `NameState.getNameTransitions`).
 */
import type { FlattenedEvent, Membership } from './flattened-event';
import type { Leaf } from './leaf';
import type { SubRule } from './sub-rules';

type Chosen = ReadonlyMap<number, number>;

const NO_ARRAYS: Chosen = new Map();

/** `chosen` extended by the elements `membership` sits in, or undefined if they conflict. */
const extend = (chosen: Chosen, membership: Membership | null): Chosen | undefined => {
  let added: Membership[] | undefined;
  for (let link = membership; link !== null; link = link.parent) {
    const index = chosen.get(link.array);
    if (index === undefined) {
      added ??= [];
      added.push(link);
    } else if (index !== link.index) return undefined;
  }
  if (added === undefined) return chosen;
  const next = new Map(chosen);
  for (const link of added) next.set(link.array, link.index);
  return next;
};

const consistent = (chosen: Chosen, membership: Membership | null): boolean => {
  for (let link = membership; link !== null; link = link.parent) {
    const index = chosen.get(link.array);
    if (index !== undefined && index !== link.index) return false;
  }
  return true;
};

/** Per-event caches shared by all sub-rules of a pattern. */
export class EventMatch {
  private readonly matching = new Map<string, Map<Leaf, readonly (Membership | null)[]>>();
  private readonly present = new Map<string, readonly (Membership | null)[]>();
  private readonly arraysOf = new Map<string, ReadonlySet<number>>();

  constructor(private readonly fields: FlattenedEvent) {}

  matches(rule: SubRule): boolean {
    return new RuleSearch(this, rule).search(0, NO_ARRAYS);
  }

  /** The distinct memberships of the values of `name` that satisfy `leaf`. */
  matchingMemberships(name: string, leaf: Leaf): readonly (Membership | null)[] {
    let byLeaf = this.matching.get(name);
    if (byLeaf === undefined) {
      byLeaf = new Map();
      this.matching.set(name, byLeaf);
    }
    let memberships = byLeaf.get(leaf);
    if (memberships === undefined) {
      const distinct = new Set<Membership | null>();
      for (const field of this.fields.get(name) ?? []) {
        if (!distinct.has(field.membership) && leaf.matches(field.value)) distinct.add(field.membership);
      }
      memberships = [...distinct];
      byLeaf.set(leaf, memberships);
    }
    return memberships;
  }

  /** The distinct memberships of all values of `name`. */
  presentMemberships(name: string): readonly (Membership | null)[] {
    let memberships = this.present.get(name);
    if (memberships === undefined) {
      memberships = [...new Set((this.fields.get(name) ?? []).map((f) => f.membership))];
      this.present.set(name, memberships);
    }
    return memberships;
  }

  /** The arrays any value of `name` sits in. */
  arraysUnder(name: string): ReadonlySet<number> {
    let arrays = this.arraysOf.get(name);
    if (arrays === undefined) {
      const found = new Set<number>();
      for (const membership of this.presentMemberships(name)) {
        for (let link = membership; link !== null; link = link.parent) found.add(link.array);
      }
      arrays = found;
      this.arraysOf.set(name, arrays);
    }
    return arrays;
  }
}

/**
 * Depth-first search over the fields of one sub-rule. Results are memoised on the field position and the
 * chosen elements of those arrays that the remaining fields can still run into, which keeps events with
 * many array elements from blowing up the search.
 */
class RuleSearch {
  private readonly memo = new Map<string, boolean>();
  private readonly relevant: ReadonlySet<number>[] = [];

  constructor(
    private readonly event: EventMatch,
    private readonly rule: SubRule,
  ) {
    const { fields } = rule;
    let suffix = new Set<number>();
    this.relevant[fields.length] = suffix;
    for (let p = fields.length - 1; p >= 0; p--) {
      const arrays = event.arraysUnder(fields[p] as string);
      if (arrays.size > 0) suffix = new Set([...suffix, ...arrays]);
      this.relevant[p] = suffix;
    }
  }

  search(position: number, chosen: Chosen): boolean {
    const { fields, leaves } = this.rule;
    if (position === fields.length) return true;
    const relevant = this.relevant[position] as ReadonlySet<number>;
    let key = `${position}`;
    if (relevant.size > 0) {
      const kept: [number, number][] = [];
      for (const entry of chosen) if (relevant.has(entry[0])) kept.push(entry);
      kept.sort((a, b) => a[0] - b[0]);
      key += `:${kept.join(';')}`;
    }
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const result = this.step(position, chosen, fields[position] as string, leaves[position] as Leaf);
    this.memo.set(key, result);
    return result;
  }

  private step(position: number, chosen: Chosen, name: string, leaf: Leaf): boolean {
    if (leaf.mayBeAbsent && !this.event.presentMemberships(name).some((m) => consistent(chosen, m))) {
      if (this.search(position + 1, chosen)) return true;
    }
    if (leaf.testsValues) {
      for (const membership of this.event.matchingMemberships(name, leaf)) {
        const next = extend(chosen, membership);
        if (next !== undefined && this.search(position + 1, next)) return true;
      }
    }
    return false;
  }
}
