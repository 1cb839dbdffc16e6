import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { versionKey } from '@modellregionen/domain';
import { supersedes } from '../src/version';
import { milestone } from './fixtures';

const report = (revision: number, reportedAt: string, eventId: string) => ({
  ...milestone('leitbild', 'planned', '2012-12-31', { revision, reportedAt }),
  eventId,
});

/** Instants from year 0000 to 9999, as ISO date-times the validator accepts. */
const instant = fc
  .date({ min: new Date('0000-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
// Small pools besides the wide ranges, so that ties on revision and instant come up often.
const eventId = fc.oneof(fc.constantFrom('evt-a', 'evt-b'), fc.stringMatching(/^[0-9a-f]{8}$/));
const version = fc.record({
  revision: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 999_999 })),
  reportedAt: fc.oneof(fc.constantFrom('2012-02-10T09:30:00+01:00', '2012-02-10T08:30:00Z', '1969-12-31T23:59:59Z'), instant),
  eventId,
});

/** The order the SPEC states, written out: revision, then reportedAt as an instant, then event id. */
const specOrder = (a: { revision: number; reportedAt: string; eventId: string }, b: typeof a): number =>
  Math.sign(a.revision - b.revision) ||
  Math.sign(Date.parse(a.reportedAt) - Date.parse(b.reportedAt)) ||
  (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);

describe('the version key of a report', () => {
  it('orders any two reports of an item as the SPEC says, as text', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        const ka = versionKey(report(a.revision, a.reportedAt, a.eventId));
        const kb = versionKey(report(b.revision, b.reportedAt, b.eventId));
        expect(Math.sign(ka < kb ? -1 : ka > kb ? 1 : 0)).toBe(specOrder(a, b));
      }),
    );
  });

  it('puts revision 10 after revision 9, as a number and not as text', () => {
    expect(versionKey(report(10, '2012-01-01T00:00:00Z', 'a')) > versionKey(report(9, '2013-01-01T00:00:00Z', 'b'))).toBe(true);
    expect(versionKey(report(100_000, '2012-01-01T00:00:00Z', 'a')) > versionKey(report(99_999, '2013-01-01T00:00:00Z', 'b'))).toBe(true);
  });

  it('puts a report of 1970 after one of 1969, and one of 1969 after one of year 0001', () => {
    expect(versionKey(report(1, '1970-01-01T00:00:00Z', 'a')) > versionKey(report(1, '1969-12-31T23:59:59Z', 'b'))).toBe(true);
    expect(versionKey(report(1, '1969-12-31T23:59:59Z', 'a')) > versionKey(report(1, '0001-01-01T00:00:00Z', 'b'))).toBe(true);
  });

  it('reads revision#instant#eventId, so that DynamoDB compares it as this code does', () => {
    expect(versionKey(report(7, '2012-02-10T09:30:00+01:00', 'evt-1'))).toBe(`000007#${String(Date.parse('2012-02-10T08:30:00Z') + 1e14)}#evt-1`);
  });
});

describe('whether a report supersedes the current one', () => {
  const current = report(2, '2012-02-10T09:30:00+01:00', 'evt-b');

  it('is true when there is none yet', () => {
    expect(supersedes(current, undefined)).toBe(true);
  });
  it('is true for a higher version, false for a lower one', () => {
    expect(supersedes(report(3, '2011-01-01T00:00:00Z', 'evt-a'), current)).toBe(true);
    expect(supersedes(report(2, '2012-02-10T09:30:00+01:00', 'evt-c'), current)).toBe(true);
    expect(supersedes(report(1, '2013-01-01T00:00:00Z', 'evt-z'), current)).toBe(false);
    expect(supersedes(report(2, '2012-02-10T09:30:00+01:00', 'evt-a'), current)).toBe(false);
  });
  it('is false for a redelivery of the same report', () => {
    expect(supersedes(current, { ...current })).toBe(false);
  });
});
