// Dates of the programme are Berlin dates; instants are compared in UTC milliseconds.

const berlinParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Berlin's wall clock at an instant, by part (the separators come as NaN under `literal`). */
const partsOf = (epochMs: number): Record<string, number> =>
  Object.fromEntries(berlinParts.formatToParts(new Date(epochMs)).map((p) => [p.type, Number(p.value)]));

/** Offset of Berlin local time from UTC at an instant, in milliseconds (+1 h or +2 h). */
const berlinOffsetMs = (epochMs: number): number => {
  const p = partsOf(epochMs);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0);
  // The wall clock is read to the minute; offsets are whole hours.
  return asUtc - Math.floor(epochMs / 60_000) * 60_000;
};

/** The first instant after the Berlin calendar day `date` (YYYY-MM-DD), in epoch milliseconds. */
export const endOfBerlinDay = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const nextMidnightAsUtc = Date.UTC(y, m - 1, d + 1);
  // DST never switches at midnight in Berlin, so the offset an hour earlier is the one at midnight.
  return nextMidnightAsUtc - berlinOffsetMs(nextMidnightAsUtc - 3_600_000);
};

/** The Berlin calendar date of an instant, as YYYY-MM-DD. */
export const berlinDateOf = (epochMs: number): string => {
  const p = partsOf(epochMs);
  const pad = (n: number | undefined, w = 2) => String(n ?? 0).padStart(w, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
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
  const offsets = [3_600_000, 7_200_000].filter((offset) => berlinOffsetMs(wallClockAsUtc - offset) === offset);
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  if (offsets.length === 0) throw new Error(`${date} ${time} does not exist in Berlin (the clocks skip that hour)`);
  if (offsets.length > 1) throw new Error(`${date} ${time} is ambiguous in Berlin (that hour occurs twice)`);
  return `${date}T${time}:00${offsets[0] === 3_600_000 ? '+01:00' : '+02:00'}`;
};
