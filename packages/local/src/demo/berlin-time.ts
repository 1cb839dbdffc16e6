// Wall-clock times in Berlin for the demo history, and the calendar arithmetic it needs (working
// days, quarter ends). The offset in force at a wall-clock time is the domain's (Intl-based).
import { berlinDateTime } from '@modellregionen/domain';

/** A Berlin wall-clock time, `YYYY-MM-DD HH:MM`. */
export type Local = string;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const parseDate = (date: string): [number, number, number] => {
  const m = DATE.exec(date);
  if (m === null) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) throw new Error(`not a calendar date: ${date}`);
  return [y, mo, d];
};

const formatDate = (utcMidnight: Date): string => utcMidnight.toISOString().slice(0, 10);

/** 0 = Sunday ... 6 = Saturday. */
const weekdayOf = (date: string): number => {
  const [y, m, d] = parseDate(date);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

export const addDays = (date: string, days: number): string => {
  const [y, m, d] = parseDate(date);
  return formatDate(new Date(Date.UTC(y, m - 1, d + days)));
};

/** The date itself when it is a working day, else the following Monday. */
export const workingDayFrom = (date: string): string => {
  const wd = weekdayOf(date);
  return wd === 6 ? addDays(date, 2) : wd === 0 ? addDays(date, 1) : date;
};

/** Last day of a quarter (`year`, 1 to 4). */
export const quarterEnd = (year: number, quarter: number): string => formatDate(new Date(Date.UTC(year, quarter * 3, 0)));

export const dateOfLocal = (local: Local): string => local.slice(0, 10);

/** Moves a wall-clock time by whole minutes (across days when needed). */
export const addMinutes = (local: Local, minutes: number): Local => {
  const m = LOCAL.exec(local);
  if (m === null) throw new Error(`not a local time (YYYY-MM-DD HH:MM): ${local}`);
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]) + minutes));
  return `${t.toISOString().slice(0, 10)} ${t.toISOString().slice(11, 16)}`;
};

/** `2012-02-10 09:30` -> `2012-02-10T09:30:00+01:00`. Reports are made on working days only. */
export const isoInBerlin = (local: Local): string => {
  const m = LOCAL.exec(local);
  if (m === null) throw new Error(`not a local time (YYYY-MM-DD HH:MM): ${local}`);
  const date = local.slice(0, 10);
  const [hour, minute] = [Number(m[4]), Number(m[5])];
  if (hour > 23 || minute > 59) throw new Error(`not a time of day: ${local}`);
  const wd = weekdayOf(date);
  if (wd === 0 || wd === 6) throw new Error(`${local} falls on a weekend; coordination offices report on working days`);
  return berlinDateTime(date, hour, minute);
};

/** The wall-clock part of an ISO date-time written by `isoInBerlin`. */
export const localOfIso = (iso: string): Local => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
