// The indicator values a region can report: one per catalogue indicator and period (a year, its
// quarters, its months). A value is reported only once its period is over.
import { defaultCatalogue } from '@modellregionen/events';
import { quarterEnd } from '../../demo/berlin-time';

export interface Slot {
  readonly indicatorId: string;
  readonly period: string;
  /** Last day of the period. */
  readonly ends: string;
}

const monthEnd = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);

const periodsOf = (year: number): { period: string; ends: string }[] => [
  { period: String(year), ends: `${year}-12-31` },
  ...[1, 2, 3, 4].map((q) => ({ period: `${year}-Q${q}`, ends: quarterEnd(year, q) })),
  ...Array.from({ length: 12 }, (_, m) => ({ period: `${year}-${String(m + 1).padStart(2, '0')}`, ends: monthEnd(year, m + 1) })),
];

/** The slots of the given years, taken in this order: the years as given, in each the year, its quarters, its months. */
export const createSlots = (years: readonly number[]) => {
  const slots: Slot[] = years.flatMap((year) =>
    periodsOf(year).flatMap(({ period, ends }) => defaultCatalogue.indicators.map((i) => ({ indicatorId: i.id, period, ends }))),
  );
  const used = new Array<boolean>(slots.length).fill(false);
  let firstFree = 0;
  return {
    /** The first free slot whose period ended before `date`, now taken; undefined when there is none. */
    take(date: string): Slot | undefined {
      while (firstFree < slots.length && used[firstFree]) firstFree += 1;
      for (let i = firstFree; i < slots.length; i += 1) {
        if (!used[i] && slots[i]!.ends < date) {
          used[i] = true;
          return slots[i];
        }
      }
      return undefined;
    },
  };
};
