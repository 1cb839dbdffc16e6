/**
 * Case-insensitive comparison as aws/event-ruler does it: character by character, where a pattern
 * character matches itself, its lower-case form or its upper-case form (each possibly longer than one
 * character, e.g. "ß" upper-cases to "SS"). Event text is not case-folded as a whole, which keeps
 * context-dependent mappings (Greek final sigma) out, exactly as in event-ruler.
 */

type Slot = readonly string[];

const slotsOf = (pattern: string): Slot[] => Array.from(pattern, (ch) => [...new Set([ch, ch.toLowerCase(), ch.toUpperCase()])]);

const reverseCodePoints = (text: string): string => Array.from(text).reverse().join('');

/** Positions in `text` reachable after consuming all slots from `start`, following every variant. */
const ends = (slots: readonly Slot[], text: string): Set<number> => {
  let positions = new Set<number>([0]);
  for (const slot of slots) {
    const next = new Set<number>();
    for (const pos of positions) {
      for (const variant of slot) {
        if (text.startsWith(variant, pos)) next.add(pos + variant.length);
      }
    }
    if (next.size === 0) return next;
    positions = next;
  }
  return positions;
};

export type TextTest = (text: string) => boolean;

export const equalsIgnoreCase = (pattern: string): TextTest => {
  const slots = slotsOf(pattern);
  return (text) => ends(slots, text).has(text.length);
};

export const prefixIgnoreCase = (pattern: string): TextTest => {
  const slots = slotsOf(pattern);
  return (text) => ends(slots, text).size > 0;
};

export const suffixIgnoreCase = (pattern: string): TextTest => {
  const slots = slotsOf(pattern)
    .reverse()
    .map((slot) => slot.map(reverseCodePoints));
  return (text) => ends(slots, reverseCodePoints(text)).size > 0;
};
