// A small seeded PRNG, so that the demo has some natural-looking variety and is still the same on
// every run. Every series draws from its own stream (seeded by a name), so adding a region or an
// indicator does not change the numbers of the others.

/** FNV-1a hash of a string, as a 32-bit unsigned seed. */
export const seedOf = (name: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
};

/** mulberry32: uniform numbers in [0, 1). */
export const prng = (seed: number | string): (() => number) => {
  let a = typeof seed === 'string' ? seedOf(seed) : seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** A number in [-amplitude, amplitude]. */
export const jitter = (next: () => number, amplitude: number): number => (next() * 2 - 1) * amplitude;
