import type { Point } from '@modellregionen/domain';

// A point as the time index stores it: a write and a read are billed by the kilobyte, and the
// open milestones' due dates are most of a month's base. So the counts' keys are shortened and
// the due dates written as one text of `YYMMDD` and a count each (dates of 2000 to 2099).

const PREFIXES: readonly (readonly [string, string])[] = [
  ['milestones.', 'm.'],
  ['projects.', 'p.'],
  ['fields.', 'f.'],
];
const WHOLE: readonly (readonly [string, string])[] = [
  ['fundingCents', 'c'],
  ['findings', 'n'],
];
const DUE = 'due.';
const DUE_DATE = /^20(\d\d)-(\d\d)-(\d\d)$/;

const shortKey = (key: string): string => {
  for (const [long, short] of WHOLE) if (key === long) return short;
  for (const [long, short] of PREFIXES) if (key.startsWith(long)) return short + key.slice(long.length);
  return `=${key}`;
};

const longKey = (key: string): string => {
  if (key.startsWith('=')) return key.slice(1);
  for (const [long, short] of WHOLE) if (key === short) return long;
  for (const [long, short] of PREFIXES) if (key.startsWith(short)) return long + key.slice(short.length);
  throw new Error(`not a key of a stored point: ${key}`);
};

/** A point as compact JSON text. */
export const encodePoint = (p: Point): string => {
  const counts: [string, number][] = [];
  const due: string[] = [];
  for (const [key, n] of Object.entries(p.counts)) {
    const date = key.startsWith(DUE) ? DUE_DATE.exec(key.slice(DUE.length)) : null;
    if (date === null) counts.push([shortKey(key), n]);
    else due.push(`${date[1]}${date[2]}${date[3]}${n}`);
  }
  return JSON.stringify({ c: Object.fromEntries(counts), d: due.join(','), l: p.lastReportedAt, p: p.latestPeriod, i: p.indicatorsAtLatest });
};

interface Stored {
  readonly c: Record<string, number>;
  readonly d: string;
  readonly l: string | null;
  readonly p: string | null;
  readonly i: string[];
}

/** The point a compact text holds. */
export const decodePoint = (text: string): Point => {
  const s = JSON.parse(text) as Stored;
  // Entries, not assignments: a key such as `__proto__` must stay a count, not set a prototype.
  const counts: [string, number][] = Object.entries(s.c).map(([key, n]) => [longKey(key), n]);
  for (const entry of s.d === '' ? [] : s.d.split(',')) {
    counts.push([`${DUE}20${entry.slice(0, 2)}-${entry.slice(2, 4)}-${entry.slice(4, 6)}`, Number(entry.slice(6))]);
  }
  return { counts: Object.fromEntries(counts), lastReportedAt: s.l, latestPeriod: s.p, indicatorsAtLatest: s.i };
};
