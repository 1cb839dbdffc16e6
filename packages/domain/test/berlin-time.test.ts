import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { berlinDateOf, berlinDateTime, endOfBerlinDay, reduceRegions } from '@modellregionen/domain';
import { milestone } from './fixtures';

/** The oracle: Berlin's wall clock of an instant as the platform's time-zone database tells it. */
const berlinClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const wallClock = (epochMs: number): string => berlinClock.format(new Date(epochMs));

const DAY_MS = 86_400_000;
const isoDay = (epochDay: number): string => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
/** Days from 1980 to 2099, the years a report can name. */
const anyDay = fc.integer({ min: 3_652, max: 47_481 }).map(isoDay);
const everyDayOf = (year: number): string[] => {
  const first = Date.UTC(year, 0, 1) / DAY_MS;
  const last = Date.UTC(year, 11, 31) / DAY_MS;
  return Array.from({ length: last - first + 1 }, (_, i) => isoDay(first + i));
};

describe('the end of a Berlin day', () => {
  it('is midnight in Berlin of the next day, and the millisecond before it is still the day, on every day of 2011 and 2012', () => {
    for (const day of [...everyDayOf(2011), ...everyDayOf(2012)]) {
      const end = endOfBerlinDay(day);
      const next = isoDay(Date.parse(day) / DAY_MS + 1);
      expect(wallClock(end), day).toBe(`${next} 00:00:00`);
      expect(wallClock(end - 1).slice(0, 10), day).toBe(day);
    }
  });

  it('is midnight in Berlin of the next day for any day a report can name', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(wallClock(endOfBerlinDay(day)).slice(11)).toBe('00:00:00');
        expect(wallClock(endOfBerlinDay(day) - 1).slice(0, 10)).toBe(day);
      }),
    );
  });

  it('on the eve of a clock change is in the offset of that eve (the clocks change at 02:00 and 03:00, never at midnight)', () => {
    expect(new Date(endOfBerlinDay('2012-03-24')).toISOString()).toBe('2012-03-24T23:00:00.000Z');
    expect(new Date(endOfBerlinDay('2012-10-27')).toISOString()).toBe('2012-10-27T22:00:00.000Z');
  });

  it('crosses month and year ends', () => {
    expect(new Date(endOfBerlinDay('2011-12-31')).toISOString()).toBe('2011-12-31T23:00:00.000Z');
    expect(new Date(endOfBerlinDay('2011-06-30')).toISOString()).toBe('2011-06-30T22:00:00.000Z');
  });
});

describe('the Berlin date of an instant', () => {
  it('is the date on Berlin wall clocks at that instant, for any instant from 1980 to 2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2099, 11, 31) }), (epochMs) => {
        expect(berlinDateOf(epochMs)).toBe(wallClock(epochMs).slice(0, 10));
      }),
    );
  });

  it('is the time-zone database’s at every minute from three hours before to three hours after each clock change from 1996 to 2037 (the years Berlin’s own rule covers)', () => {
    const lastSunday = (year: number, month: number) => {
      const lastDay = Date.UTC(year, month + 1, 0);
      return lastDay - new Date(lastDay).getUTCDay() * DAY_MS;
    };
    for (let year = 1996; year <= 2037; year += 1) {
      for (const [month, change] of [2, 9].map((m) => [m, lastSunday(year, m) + 3_600_000] as const)) {
        // The rule's instant is the database's: 02:00 becomes 03:00 in March, 03:00 becomes 02:00 in October.
        expect([wallClock(change - 1).slice(11), wallClock(change).slice(11)]).toEqual(month === 2 ? ['01:59:59', '03:00:00'] : ['02:59:59', '02:00:00']);
        for (let t = change - 3 * 3_600_000; t <= change + 3 * 3_600_000; t += 60_000) {
          const wall = wallClock(t);
          const [date = '', hour = 0, minute = 0] = [wall.slice(0, 10), Number(wall.slice(11, 13)), Number(wall.slice(14, 16))];
          // The wall-clock time names t, unless the same wall clock is shown an hour earlier or later.
          if (wallClock(t - 3_600_000) === wall || wallClock(t + 3_600_000) === wall) {
            expect(() => berlinDateTime(date, hour, minute), wall).toThrow(/ambiguous/);
          } else {
            expect(Date.parse(berlinDateTime(date, hour, minute)), wall).toBe(t);
          }
          expect(berlinDateOf(t + 22 * 3_600_000)).toBe(wallClock(t + 22 * 3_600_000).slice(0, 10));
        }
      }
    }
  });

  it('turns at Berlin midnight, not at UTC midnight, and pads month and day', () => {
    expect(berlinDateOf(Date.parse('2011-01-04T22:59:59.999Z'))).toBe('2011-01-04');
    expect(berlinDateOf(Date.parse('2011-01-04T23:00:00Z'))).toBe('2011-01-05');
    expect(berlinDateOf(Date.parse('2011-07-04T21:59:59.999Z'))).toBe('2011-07-04');
    expect(berlinDateOf(Date.parse('2011-07-04T22:00:00Z'))).toBe('2011-07-05');
  });
});

describe('a report counts for a view as of a date', () => {
  const asOf = (reportedAt: string) => reduceRegions([milestone('leitbild', 'planned', '2012-12-31', { reportedAt })], { reportedUntil: '2012-02-29' }).size;

  it('when made before midnight in Berlin at the end of that date', () => {
    expect(asOf('2012-02-29T23:59:59.999+01:00')).toBe(1);
    expect(asOf('2012-02-29T22:59:59.999Z')).toBe(1);
  });

  it('not when made at that midnight or later', () => {
    expect(asOf('2012-03-01T00:00:00+01:00')).toBe(0);
    expect(asOf('2012-02-29T23:00:00Z')).toBe(0);
  });
});

describe('a Berlin wall-clock time as an ISO date-time', () => {
  it('asks the time-zone database outside the years of the EU rule: until 1995 summer time ended in September', () => {
    expect(berlinDateTime('1995-10-15', 12, 0)).toBe('1995-10-15T12:00:00+01:00');
    expect(berlinDateTime('1996-10-15', 12, 0)).toBe('1996-10-15T12:00:00+02:00');
    expect(berlinDateTime('1979-07-01', 12, 0)).toBe('1979-07-01T12:00:00+01:00');
    expect(berlinDateTime('2038-07-01', 12, 0)).toBe(
      wallClock(Date.parse('2038-07-01T10:00:00Z')) === '2038-07-01 12:00:00' ? '2038-07-01T12:00:00+02:00' : '2038-07-01T12:00:00+01:00',
    );
  });

  it('pads hours and minutes', () => {
    expect(berlinDateTime('2013-01-05', 8, 5)).toBe('2013-01-05T08:05:00+01:00');
    expect(berlinDateTime('2013-07-05', 23, 59)).toBe('2013-07-05T23:59:00+02:00');
  });

  it('names the instant whose Berlin wall clock it is, for any time that exists once', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (day, hour, minute) => {
        let iso: string;
        try {
          iso = berlinDateTime(day, hour, minute);
        } catch {
          // Only the hour from 02:00 on the last Sundays of March and October has no single instant.
          const date = new Date(`${day}T12:00:00Z`);
          expect([hour, date.getUTCDay(), [3, 10].includes(date.getUTCMonth() + 1), date.getUTCDate() > 24]).toEqual([2, 0, true, true]);
          return;
        }
        expect(wallClock(Date.parse(iso))).toBe(`${day} ${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`);
      }),
    );
  });
});
