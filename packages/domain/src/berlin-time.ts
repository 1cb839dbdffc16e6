// Dates of the programme are Berlin dates; instants are compared in UTC milliseconds.

const HOUR_MS = 3_600_000;

/**
 * The EU's summer time, Berlin's since 1996: from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October. Within these years the time-zone database says the
 * same (the tests compare every clock change); outside them it is asked.
 */
const EU_RULE_YEARS = { from: 1996, to: 2037 } as const;

/** 01:00 UTC on the last Sunday of `month` (0-based) of `year`. */
const lastSundayAt1Utc = (year: number, month: number): number => {
  const lastDay = Date.UTC(year, month + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * 24 * HOUR_MS + HOUR_MS;
};

// Made on first need only: a formatter with a time zone loads the zone database, which costs a
// function's cold start about 12 ms of CPU, and the programme's dates all fall under the rule.
let berlinParts: Intl.DateTimeFormat | undefined;

/** Berlin's offset at an instant as the platform's time-zone database tells it. */
const offsetByZoneDatabase = (epochMs: number): number => {
  berlinParts ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  // The separators come as NaN under `literal`.
  const p = Object.fromEntries(berlinParts.formatToParts(new Date(epochMs)).map((part) => [part.type, Number(part.value)]));
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
  // The wall clock is read to the minute; offsets are whole hours.
  return asUtc - Math.floor(epochMs / 60_000) * 60_000;
};

/** Offset of Berlin local time from UTC at an instant, in milliseconds (+1 h or +2 h). */
const berlinOffsetMs = (epochMs: number): number => {
  const year = new Date(epochMs).getUTCFullYear();
  if (year < EU_RULE_YEARS.from || year > EU_RULE_YEARS.to) return offsetByZoneDatabase(epochMs);
  return epochMs >= lastSundayAt1Utc(year, 2) && epochMs < lastSundayAt1Utc(year, 9) ? 2 * HOUR_MS : HOUR_MS;
};

/** The first instant after the Berlin calendar day `date` (YYYY-MM-DD), in epoch milliseconds. */
export const endOfBerlinDay = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const nextMidnightAsUtc = Date.UTC(y, m - 1, d + 1);
  // DST never switches at midnight in Berlin, so the offset an hour earlier is the one at midnight.
  return nextMidnightAsUtc - berlinOffsetMs(nextMidnightAsUtc - HOUR_MS);
};

/** The Berlin calendar date of an instant, as YYYY-MM-DD. */
export const berlinDateOf = (epochMs: number): string => {
  const wallClock = new Date(epochMs + berlinOffsetMs(epochMs));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(wallClock.getUTCFullYear(), 4)}-${pad(wallClock.getUTCMonth() + 1)}-${pad(wallClock.getUTCDate())}`;
};

/** True when a report made at `reportedAt` counts for a view "as of" the Berlin date `asOf`. */
export const countsAsOf = (reportedAt: string, asOf: string): boolean => Date.parse(reportedAt) < endOfBerlinDay(asOf);

/**
 * A Berlin wall-clock time (`date` YYYY-MM-DD, `hour`, `minute`) as an ISO date-time with the
 * offset in force then (`+01:00` or `+02:00`). The hour skipped in spring and the hour that occurs
 * twice in autumn are refused: neither names one instant.
 */
export const berlinDateTime = (date: string, hour: number, minute: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wallClockAsUtc = Date.UTC(y, m - 1, d, hour, minute);
  const offsets = [HOUR_MS, 2 * HOUR_MS].filter((offset) => berlinOffsetMs(wallClockAsUtc - offset) === offset);
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  if (offsets.length === 0) throw new Error(`${date} ${time} does not exist in Berlin (the clocks skip that hour)`);
  if (offsets.length > 1) throw new Error(`${date} ${time} is ambiguous in Berlin (that hour occurs twice)`);
  return `${date}T${time}:00${offsets[0] === HOUR_MS ? '+01:00' : '+02:00'}`;
};
