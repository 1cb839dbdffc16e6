import { describe, expect, it } from 'vitest';
import { type FieldError, validator } from '@modellregionen/events';
import { UNATTRIBUTED_REGION } from '@modellregionen/store';
import { eventRejectedEntry, rejectionOf } from '../src/rejection';

const errors: FieldError[] = [{ path: 'achievedDate', message: 'is required when status is achieved', code: 'required_when_achieved' }];
const FALLBACK = '2012-01-01T00:00:00.000Z';
const quarantined = (raw: unknown, extra: { errors?: FieldError[]; messageId?: string } = {}) =>
  rejectionOf({
    raw,
    body: JSON.stringify(raw) ?? '',
    messageId: extra.messageId ?? 'm-1',
    fallbackReceivedAt: FALLBACK,
    errors: extra.errors ?? errors,
    validator,
  });

const envelope = {
  version: '0',
  id: 'e-bad',
  'detail-type': 'MilestoneReported',
  source: 'modellregion.wetzlar',
  time: '2012-02-10T09:31:00+01:00',
  detail: { milestoneId: 'leitbild' },
};

describe('the quarantine record of a report that failed validation', () => {
  it('keeps what the envelope says: event id, source, detail-type, the time in UTC, the errors and the body as received', () => {
    expect(quarantined(envelope)).toEqual({
      regionId: 'wetzlar',
      eventId: 'e-bad',
      source: 'modellregion.wetzlar',
      detailType: 'MilestoneReported',
      receivedAt: '2012-02-10T08:31:00.000Z',
      errors,
      body: JSON.stringify(envelope),
    });
  });

  it('files it under the region the source names if the registry knows it, the ministry under its own id', () => {
    expect(quarantined({ ...envelope, source: 'ministerium' }).regionId).toBe('ministerium');
    expect(quarantined({ ...envelope, source: 'modellregion.kassel' }).regionId).toBe('kassel');
  });

  it('files it under no region when the source names none the registry knows, or is missing', () => {
    for (const source of ['modellregion.atlantis', 'modellregion.', 'wetzlar', '', undefined, 42]) {
      expect(quarantined({ ...envelope, source }).regionId, String(source)).toBe(UNATTRIBUTED_REGION);
    }
    expect(quarantined(undefined).regionId).toBe(UNATTRIBUTED_REGION);
    expect(quarantined('not an object').regionId).toBe(UNATTRIBUTED_REGION);
    expect(quarantined(null).regionId).toBe(UNATTRIBUTED_REGION);
  });

  it('stands for what is not even an event: the message id as event id, empty source and detail-type, the queue’s time', () => {
    expect(quarantined(undefined, { messageId: 'm-7' })).toMatchObject({ eventId: 'm-7', source: '', detailType: '', receivedAt: FALLBACK });
    expect(quarantined({ ...envelope, id: '', source: 7, 'detail-type': ['x'] }, { messageId: 'm-8' })).toMatchObject({
      eventId: 'm-8',
      source: '',
      detailType: '',
    });
  });

  it('is dated by the queue when the envelope’s time is missing or no time at all', () => {
    expect(quarantined({ ...envelope, time: undefined }).receivedAt).toBe(FALLBACK);
    expect(quarantined({ ...envelope, time: 'yesterday' }).receivedAt).toBe(FALLBACK);
    expect(quarantined({ ...envelope, time: 1_328_862_660_000 }).receivedAt).toBe(FALLBACK);
  });

  it('cuts what it keeps to the sizes EventRejected allows: ids to 200, source and detail-type to 256 characters, 100 errors', () => {
    const long = quarantined(
      { ...envelope, id: 'i'.repeat(300), source: `modellregion.${'s'.repeat(300)}`, 'detail-type': 'd'.repeat(300) },
      { errors: Array.from({ length: 150 }, (_, i) => ({ path: `values.${i}`, message: 'must be a number', code: 'invalid_type' as const })) },
    );
    expect([long.eventId.length, long.source.length, long.detailType.length, long.errors.length]).toEqual([200, 256, 256, 100]);
    expect(long.source.startsWith('modellregion.sss')).toBe(true);
    expect(long.errors.at(-1)?.path).toBe('values.99');
  });
});

describe('the EventRejected notice', () => {
  it('is published by modellregionen.validation and names the original event, its region and every error', () => {
    const entry = eventRejectedEntry(quarantined(envelope));
    expect({ ...entry, Detail: JSON.parse(entry.Detail!) }).toEqual({
      Source: 'modellregionen.validation',
      DetailType: 'EventRejected',
      Detail: {
        schemaVersion: 1,
        originalEventId: 'e-bad',
        regionId: 'wetzlar',
        detailType: 'MilestoneReported',
        source: 'modellregion.wetzlar',
        receivedAt: '2012-02-10T08:31:00.000Z',
        errors,
      },
    });
  });
});
