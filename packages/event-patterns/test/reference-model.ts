/**
 * A deliberately naive model of event-ruler's matching, for property tests: expand `$or` into
 * sub-rules, flatten the event with each value's full array positions, and try every combination of
 * values, field by field in name order. A value satisfies a leaf if it satisfies one of its alternatives
 * on its own (event-ruler since 1.7.0 tests every alternative on the value as it is); whether it does is
 * asked of the library with a one-field, one-alternative pattern, which the operator tests cover.
 */
import { matchesPattern } from '@modellregionen/event-patterns';

type Positions = ReadonlyMap<number, number>;
type FlatField = { name: string; value: unknown; positions: Positions };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const flattenNaively = (event: Record<string, unknown>): FlatField[] => {
  const fields: FlatField[] = [];
  let arrays = 0;
  const visit = (value: unknown, name: string, positions: Positions): void => {
    if (Array.isArray(value)) {
      const id = arrays++;
      value.forEach((element, index) => {
        if (Array.isArray(element) || isObject(element)) visit(element, name, new Map([...positions, [id, index]]));
        else fields.push({ name, value: element, positions });
      });
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        const child = value[key];
        const childName = name === '' ? key : `${name}.${key}`;
        if (Array.isArray(child) || isObject(child)) visit(child, childName, positions);
        else fields.push({ name: childName, value: child, positions });
      }
    }
  };
  visit(event, '', new Map());
  return fields;
};

type Rule = Map<string, unknown[]>;

const expandNaively = (pattern: Record<string, unknown>, path = '', rules: Rule[] = []): Rule[] => {
  let current = rules;
  for (const key of Object.keys(pattern)) {
    const value = pattern[key];
    if (key === '$or') {
      current = (value as Record<string, unknown>[]).flatMap((alternative) =>
        expandNaively(alternative, path, current.length === 0 ? [new Map()] : current.map((r) => new Map(r))),
      );
    } else if (Array.isArray(value)) {
      if (current.length === 0) current = [new Map()];
      for (const rule of current) rule.set(path === '' ? key : `${path}.${key}`, value);
    } else {
      current = expandNaively(value as Record<string, unknown>, path === '' ? key : `${path}.${key}`, current);
    }
  }
  return current;
};

const consistent = (a: Positions, b: Positions): boolean => [...b].every(([id, i]) => !a.has(id) || a.get(id) === i);

const isAbsence = (alternative: unknown): boolean => isObject(alternative) && alternative.exists === false;

export const matchesNaively = (pattern: Record<string, unknown>, event: Record<string, unknown>): boolean => {
  const fields = flattenNaively(event);
  return expandNaively(pattern).some((rule) => {
    const names = [...rule.keys()].sort();
    const attempt = (i: number, chosen: Positions): boolean => {
      if (i === names.length) return true;
      const name = names[i] as string;
      const alternatives = rule.get(name) as unknown[];
      const candidates = fields.filter((f) => f.name === name);
      if (alternatives.some(isAbsence) && !candidates.some((f) => consistent(chosen, f.positions))) {
        if (attempt(i + 1, chosen)) return true;
      }
      const valueAlternatives = alternatives.filter((a) => !isAbsence(a));
      if (valueAlternatives.length === 0) return false;
      return candidates.some(
        (f) =>
          consistent(chosen, f.positions) &&
          valueAlternatives.some((a) => matchesPattern({ x: [a] }, { x: f.value })) &&
          attempt(i + 1, new Map([...chosen, ...f.positions])),
      );
    };
    return attempt(0, new Map());
  });
};
