import { seedOf } from '../../demo/prng';

const hex = (n: number, digits: number) => Math.floor(n).toString(16).padStart(digits, '0').slice(-digits);

/**
 * Event ids shaped like EventBridge's (UUIDs), the same on every run and never shared by two
 * streams: the stream's name and the report's place in it are written into the id.
 */
export const eventIdOf = (stream: string, index: number, next: () => number): string => {
  const h = seedOf(stream);
  const variant = (8 + Math.floor(next() * 4)).toString(16);
  return `${hex(h, 8)}-${hex(next() * 0x10000, 4)}-4${hex(next() * 0x1000, 3)}-${variant}${hex(next() * 0x1000, 3)}-${hex(index, 12)}`;
};
