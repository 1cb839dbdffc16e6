// When the reports of a generated stream are made: spread evenly over a window of working days,
// office hours in Berlin, each report of a stream after the one before it.
import { addDays, isoInBerlin, workingDayFrom } from '../../demo/berlin-time';

export interface Window {
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day, `YYYY-MM-DD`. */
  readonly to: string;
}

/** The programme's reporting years: the first reports came in October 2009, the last in December 2013. */
export const PROGRAMME: Window = { from: '2009-10-01', to: '2013-12-20' };

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The time of the `index`-th of `expected` reports: its working day follows its place in the
 * window (or is the `workingDayOf(index)`-th working day of the window, when given), its minute is
 * drawn between 08:00 and 18:00 and comes after the previous report's.
 */
export const createClock = (window: Window, expected: number, next: () => number, workingDayOf?: (index: number) => number) => {
  const span = daysBetween(window.from, window.to);
  /** The `n`-th working day from the window's first (0: the first working day). */
  const nthWorkingDay = (n: number): string => {
    let date = workingDayFrom(window.from);
    for (let i = 0; i < n; i += 1) date = workingDayFrom(addDays(date, 1));
    return date;
  };
  let lastDay = '';
  let lastMinute = -1;
  return (index: number): { date: string; reportedAt: string } => {
    const date =
      workingDayOf === undefined
        ? workingDayFrom(addDays(window.from, Math.floor((Math.min(index, expected) / Math.max(1, expected)) * span)))
        : nthWorkingDay(workingDayOf(index));
    let minute = 8 * 60 + Math.floor(next() * 600);
    if (date === lastDay && minute <= lastMinute) minute = Math.min(lastMinute + 1, 23 * 60 + 59);
    lastDay = date;
    lastMinute = minute;
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    return { date, reportedAt: isoInBerlin(`${date} ${hh}:${mm}`) };
  };
};
