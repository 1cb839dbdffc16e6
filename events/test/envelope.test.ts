import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ENTRY_BYTES, putEventsEntrySize, regionOfSource, regionSource, validator } from '@modellregionen/events';

describe('the source of a region’s events', () => {
  it('is modellregion.<regionId>, and the ministry’s is ministerium', () => {
    expect(regionSource('wetzlar')).toBe('modellregion.wetzlar');
    expect(regionSource('ministerium')).toBe('ministerium');
  });

  it('names the region back, for every region id', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/), (regionId) => {
        expect(regionOfSource(regionSource(regionId))).toBe(regionId);
      }),
    );
  });

  it('names no region when it is not of that form, and modellregion.ministerium names neither a region nor the ministry', () => {
    for (const source of [
      'modellregion.ministerium',
      'modellregion.',
      'modellregion',
      'wetzlar',
      'Modellregion.wetzlar',
      'modellregion.Wetzlar',
      'x.modellregion.wetzlar',
    ]) {
      expect(regionOfSource(source), source).toBeUndefined();
    }
  });
});

describe('the size of a PutEvents entry, as EventBridge counts it against 256 KiB', () => {
  it('is the UTF-8 bytes of Source, DetailType and Detail', () => {
    expect(putEventsEntrySize({ Source: 'modellregion.wetzlar', DetailType: 'MilestoneReported', Detail: '{"a":"ä"}' })).toBe(20 + 17 + 10);
  });

  it('adds 14 bytes for a Time and the bytes of each of the Resources', () => {
    const entry = { Source: 'a', DetailType: 'b', Detail: 'c' };
    expect(putEventsEntrySize({ ...entry, Time: '2012-02-10T08:30:00Z' })).toBe(3 + 14);
    expect(putEventsEntrySize({ ...entry, Time: new Date(0) })).toBe(3 + 14);
    expect(putEventsEntrySize({ ...entry, Resources: ['arn:aws:x', 'ü'] })).toBe(3 + 9 + 2);
  });

  it('counts nothing for what is not text (the schema refuses it anyway)', () => {
    expect(putEventsEntrySize({ Source: 42, DetailType: null, Detail: { a: 1 }, Resources: 'arn:aws:x' })).toBe(0);
    expect(putEventsEntrySize({ Resources: [7, 'ab'] })).toBe(2);
  });

  it('is held to 256 KiB', () => {
    expect(MAX_ENTRY_BYTES).toBe(262_144);
  });
});

describe('the envelope of a delivered event', () => {
  const detail = {
    schemaVersion: 1,
    regionId: 'wetzlar',
    revision: 1,
    reportedAt: '2012-02-10T09:30:00+01:00',
    reportedBy: 'Koordinationsbüro',
    findingId: 'sprache-frueh',
    title: 'Früh fördern',
    summary: 'Was die Modellregion gelernt hat.',
    fieldOfAction: 'language',
  };
  const event = (over: Record<string, unknown> = {}) => ({
    version: '0',
    id: 'e-1',
    'detail-type': 'FindingPublished',
    source: 'modellregion.wetzlar',
    time: '2012-02-10T08:30:05Z',
    detail,
    ...over,
  });
  const errorsOf = (raw: unknown) => {
    const result = validator.validateEvent(raw);
    return result.ok ? [] : result.errors;
  };

  it('bounds detail-type to 128 and source to 256 characters, as EventBridge does', () => {
    expect(errorsOf(event({ 'detail-type': 'F'.repeat(129) }))).toContainEqual({
      path: 'detail-type',
      message: 'must be at most 128 characters',
      code: 'too_long',
      params: { max: 128 },
    });
    expect(errorsOf(event({ source: `modellregion.${'w'.repeat(244)}` }))).toContainEqual({
      path: 'source',
      message: 'must be at most 256 characters',
      code: 'too_long',
      params: { max: 256 },
    });
  });

  it('takes a time with an offset, and refuses one that is no date-time', () => {
    expect(validator.validateEvent(event({ time: '2012-02-10T09:30:05+01:00' }))).toMatchObject({
      ok: true,
      value: { receivedAt: '2012-02-10T09:30:05+01:00' },
    });
    expect(errorsOf(event({ time: 'gestern' }))).toEqual([{ path: 'time', message: 'must be an ISO 8601 date-time', code: 'invalid_datetime' }]);
  });

  it('has the region of its source, and names only that mismatch, once the source names a region', () => {
    expect(errorsOf(event({ detail: { ...detail, regionId: 'kassel' } }))).toEqual([
      { path: 'regionId', message: 'must equal the region of the source ("wetzlar")', code: 'region_mismatch', params: { regionId: 'wetzlar' } },
    ]);
    const { regionId: _, ...withoutRegion } = detail;
    expect(errorsOf(event({ detail: withoutRegion }))).toEqual([{ path: 'regionId', message: 'is required', code: 'required' }]);
    expect(errorsOf(event({ source: 'wetzlar', detail: { ...detail, regionId: 'kassel' } }))).toEqual([
      { path: 'source', message: 'must be modellregion.<regionId> or ministerium, got "wetzlar"', code: 'invalid_source', params: { source: 'wetzlar' } },
    ]);
  });
});

describe('a PutEvents entry', () => {
  const entry = { Source: 'modellregion.wetzlar', DetailType: 'FindingPublished', Detail: '{}' };

  it('needs Source and DetailType as text', () => {
    const result = validator.validatePutEventsEntry({ ...entry, Source: 42, DetailType: ['FindingPublished'] });
    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'source', message: 'is required', code: 'invalid_type', params: { expected: 'string' } },
      { path: 'detail-type', message: 'is required', code: 'invalid_type', params: { expected: 'string' } },
    ]);
  });

  it('is checked before EventBridge gave it an id: the event it would be is named "preflight"', () => {
    const detail = {
      schemaVersion: 1,
      regionId: 'wetzlar',
      revision: 1,
      reportedAt: '2012-02-10T09:30:00+01:00',
      reportedBy: 'Koordinationsbüro',
      findingId: 'sprache-frueh',
      title: 'Früh fördern',
      summary: 'Was die Modellregion gelernt hat.',
      fieldOfAction: 'language',
    };
    const result = validator.validatePutEventsEntry({ ...entry, Detail: JSON.stringify(detail) }, '2012-02-10T08:30:05.000Z');
    expect(result).toMatchObject({ ok: true, value: { eventId: 'preflight', regionId: 'wetzlar', receivedAt: '2012-02-10T08:30:05.000Z' } });
  });
});
