import { describe, it, expect } from 'vitest';
import {
  createValidator,
  defaultCatalogue,
  DETAIL_TYPES,
  FIELDS_OF_ACTION,
  FUNDING_SOURCES,
  loadCatalogue,
  MAX_ENTRY_BYTES,
  MILESTONE_STATUSES,
  PROJECT_STATUSES,
  validator,
  type FieldError,
  type Validation,
} from '@modellregionen/events';

/*
 * The event contract of SPEC section 3, rule by rule. Every rule has a failing case that names
 * the exact `path` the coordinator will see, checks that the message explains the problem, and
 * pins the stable `code` (with its `params`) a client says it by in its own language.
 */

type Detail = Record<string, unknown>;

const REPORTED_AT = '2012-02-10T09:30:00+01:00';

const common = (regionId = 'wetzlar'): Detail => ({
  schemaVersion: 1,
  regionId,
  revision: 1,
  reportedAt: REPORTED_AT,
  reportedBy: 'Projektkoordination Integration, Stadt Wetzlar',
});

const milestone = (over: Detail = {}): Detail => ({
  ...common(),
  milestoneId: 'steuerungs-ag-eingerichtet',
  title: 'Einrichtung der Steuerungs-AG',
  status: 'achieved',
  dueDate: '2010-06-30',
  achievedDate: '2010-05-18',
  fieldOfAction: 'administration',
  ...over,
});

const project = (over: Detail = {}): Detail => ({
  ...common(),
  projectId: 'fruehstart',
  title: 'Frühstart – Sprachförderung in Kindertageseinrichtungen',
  fieldOfAction: 'language',
  status: 'running',
  startDate: '2010-01-01',
  endDate: '2013-12-31',
  funding: [
    { programme: 'Landesprogramm Modellregionen Integration', source: 'land', amountEur: 48000 },
    { programme: 'Haushalt Jugendamt', source: 'kommune', amountEur: 22500.5 },
  ],
  partners: ['Jugendamt der Stadt Wetzlar', 'Träger der Kindertagesstätten'],
  lighthouse: true,
  ...over,
});

const indicator = (over: Detail = {}): Detail => ({
  ...common(),
  indicatorId: 'daycare-attendance-3-to-6',
  period: '2008',
  values: { total: 91.4, withMigrationBackground: 84.7, withoutMigrationBackground: 95.2 },
  source: 'Migrationsbericht 2008',
  isBaseline: true,
  ...over,
});

const finding = (over: Detail = {}): Detail => ({
  ...common(),
  findingId: 'muetter-als-zugang-zur-familie',
  title: 'Sprachförderung über die Mütter erreicht die ganze Familie',
  summary: 'Kurse am Lernort der Kinder senken die Schwelle für Mütter ohne bisherige Kursteilnahme.',
  fieldOfAction: 'language',
  relatedProjectIds: ['mama-lernt-deutsch'],
  tags: ['Elternbildung'],
  ...over,
});

const ministryFinding = (over: Detail = {}): Detail =>
  finding({
    regionId: 'ministerium',
    reportedBy: 'Hessisches Ministerium der Justiz, für Integration und Europa',
    findingId: 'halbzeitbilanz-querschnittsaufgabe',
    title: 'Halbzeitbilanz: Integration als Querschnittsaufgabe verankern',
    fieldOfAction: 'administration',
    relatedProjectIds: undefined,
    ...over,
  });

const omit = (detail: Detail, ...keys: string[]): Detail => Object.fromEntries(Object.entries(detail).filter(([key]) => !keys.includes(key)));

/** An event as EventBridge delivers it to a target. */
const envelope = (detailType: string, detail: unknown, source = 'modellregion.wetzlar'): Detail => ({
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': detailType,
  source,
  account: '111122223333',
  time: '2012-02-10T08:30:05Z',
  region: 'eu-central-1',
  resources: [],
  detail,
});

/** A PutEvents entry as the AWS SDK sends it: `Detail` is a JSON string. */
const entry = (detailType: string, detail: unknown, source = 'modellregion.wetzlar'): Detail => ({
  Source: source,
  DetailType: detailType,
  Detail: JSON.stringify(detail),
});

const errorsOf = (result: Validation<unknown>): FieldError[] => (result.ok ? [] : result.errors);

/** Asserts the report was rejected and returns the reasons. */
const rejected = (result: Validation<unknown>): FieldError[] => {
  expect(result.ok, 'expected the report to be rejected').toBe(false);
  return errorsOf(result);
};

/** Asserts the report was accepted (showing the reasons if not) and returns the event. */
const accepted = <T>(result: Validation<T>): T => {
  expect(errorsOf(result)).toEqual([]);
  if (!result.ok) throw new Error('unreachable: errors were asserted empty');
  return result.value;
};

const milestoneEvent = (over: Detail = {}, source?: string) => validator.validateEvent(envelope('MilestoneReported', milestone(over), source));
const projectEvent = (over: Detail = {}) => validator.validateEvent(envelope('ProjectReported', project(over)));
const indicatorEvent = (over: Detail = {}) => validator.validateEvent(envelope('IndicatorReported', indicator(over)));
const findingEvent = (over: Detail = {}) => validator.validateEvent(envelope('FindingPublished', finding(over)));

const chars = (n: number): string => 'x'.repeat(n);

describe('validator.validateEvent: the delivered EventBridge envelope', () => {
  it('accepts a valid region event and carries id, source, region and time along', () => {
    const event = accepted(validator.validateEvent(envelope('MilestoneReported', milestone())));
    expect(event).toMatchObject({
      eventId: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
      source: 'modellregion.wetzlar',
      regionId: 'wetzlar',
      receivedAt: '2012-02-10T08:30:05Z',
      detailType: 'MilestoneReported',
    });
    expect(event.detail).toMatchObject({ milestoneId: 'steuerungs-ag-eingerichtet', status: 'achieved' });
  });

  it('tolerates envelope fields AWS adds (e.g. replay-name)', () => {
    accepted(validator.validateEvent({ ...envelope('MilestoneReported', milestone()), 'replay-name': 'replay-2012' }));
  });

  describe('the envelope must be an object', () => {
    it.each([
      ['null', null],
      ['a string', 'MilestoneReported'],
      ['an array', [envelope('MilestoneReported', milestone())]],
      ['a number', 42],
    ])('rejects %s with path "event"', (_label, raw) => {
      expect(rejected(validator.validateEvent(raw))).toContainEqual({
        path: 'event',
        message: expect.stringContaining('EventBridge event object'),
        code: 'not_an_object',
      });
    });
  });

  describe('required envelope fields', () => {
    it('rejects an event without id', () => {
      const raw = omit(envelope('MilestoneReported', milestone()), 'id');
      expect(rejected(validator.validateEvent(raw))).toContainEqual({ path: 'id', message: 'is required', code: 'required' });
    });

    it('rejects an event with an empty id', () => {
      const raw = { ...envelope('MilestoneReported', milestone()), id: '' };
      expect(rejected(validator.validateEvent(raw))).toContainEqual({
        path: 'id',
        message: expect.stringContaining('must not be empty'),
        code: 'required',
      });
    });

    it('rejects an event without source', () => {
      const raw = omit(envelope('MilestoneReported', milestone()), 'source');
      expect(rejected(validator.validateEvent(raw))).toContainEqual({ path: 'source', message: 'is required', code: 'required' });
    });

    it('rejects an event without detail-type', () => {
      const raw = omit(envelope('MilestoneReported', milestone()), 'detail-type');
      expect(rejected(validator.validateEvent(raw))).toContainEqual({ path: 'detail-type', message: 'is required', code: 'required' });
    });
  });

  describe('source: modellregion.<regionId> of a reporting region', () => {
    it.each(['wetzlar', 'region.wetzlar', 'modellregion.', 'modellregion.Wetzlar', 'modellregion.wetzlar.extra'])(
      'rejects source "%s" with path "source"',
      (source) => {
        expect(rejected(milestoneEvent({}, source))).toContainEqual({
          path: 'source',
          message: expect.stringContaining('must be modellregion.<regionId>'),
          code: 'invalid_source',
          params: { source },
        });
      },
    );

    it('rejects a source naming a region that is not in the registry', () => {
      expect(rejected(milestoneEvent({ regionId: 'giessen' }, 'modellregion.giessen'))).toContainEqual({
        path: 'source',
        message: expect.stringContaining('names no region of the registry: "giessen"'),
        code: 'unknown_region',
        params: { regionId: 'giessen' },
      });
    });

    it.each(['kassel', 'wetzlar', 'wiesbaden', 'hochtaunuskreis', 'offenbach', 'main-kinzig-hanau'])('accepts the model region %s', (regionId) => {
      const event = accepted(milestoneEvent({ regionId }, `modellregion.${regionId}`));
      expect(event.regionId).toBe(regionId);
    });
  });

  describe('regionId must equal the region of the source', () => {
    it('rejects a detail whose regionId names another region', () => {
      expect(rejected(milestoneEvent({ regionId: 'kassel' }))).toContainEqual({
        path: 'regionId',
        message: expect.stringContaining('must equal the region of the source ("wetzlar")'),
        code: 'region_mismatch',
        params: { regionId: 'wetzlar' },
      });
    });

    it('rejects a region posting a finding in the name of the ministry', () => {
      const result = validator.validateEvent(envelope('FindingPublished', finding({ regionId: 'ministerium' })));
      expect(rejected(result)).toContainEqual({
        path: 'regionId',
        message: expect.stringContaining('"wetzlar"'),
        code: 'region_mismatch',
        params: { regionId: 'wetzlar' },
      });
    });

    it('rejects the ministry posting a finding in the name of a region', () => {
      const result = validator.validateEvent(envelope('FindingPublished', ministryFinding({ regionId: 'wetzlar' }), 'ministerium'));
      expect(rejected(result)).toContainEqual({
        path: 'regionId',
        message: expect.stringContaining('"ministerium"'),
        code: 'region_mismatch',
        params: { regionId: 'ministerium' },
      });
    });

    it('rejects a detail without regionId', () => {
      expect(rejected(validator.validateEvent(envelope('MilestoneReported', omit(milestone(), 'regionId'))))).toContainEqual({
        path: 'regionId',
        message: 'is required',
        code: 'required',
      });
    });
  });

  describe('the ministry (source "ministerium") publishes findings only', () => {
    it('accepts a ministry finding with regionId "ministerium"', () => {
      const event = accepted(validator.validateEvent(envelope('FindingPublished', ministryFinding(), 'ministerium')));
      expect(event).toMatchObject({ source: 'ministerium', regionId: 'ministerium', detailType: 'FindingPublished' });
    });

    it.each([
      ['MilestoneReported', milestone],
      ['ProjectReported', project],
      ['IndicatorReported', indicator],
    ] as const)('rejects a ministry %s with path "detail-type"', (detailType, detail) => {
      const result = validator.validateEvent(envelope(detailType, detail({ regionId: 'ministerium' }), 'ministerium'));
      expect(rejected(result)).toContainEqual({
        path: 'detail-type',
        message: expect.stringContaining(`the ministry publishes only FindingPublished, not ${detailType}`),
        code: 'ministry_findings_only',
        params: { detailType },
      });
    });
  });

  describe('detail-type must be one of the four region detail-types', () => {
    it.each(['MilestoneUpdated', 'milestonereported', '', 'EventRejected'])('rejects detail-type "%s"', (detailType) => {
      expect(rejected(validator.validateEvent(envelope(detailType, milestone())))).toContainEqual({
        path: 'detail-type',
        message: expect.stringContaining('must be one of MilestoneReported, ProjectReported, IndicatorReported, FindingPublished'),
        code: 'not_one_of',
        params: { options: [...DETAIL_TYPES] },
      });
    });
  });

  describe('detail must be a JSON object', () => {
    it.each([
      ['a JSON string', JSON.stringify(milestone())],
      ['an array', [milestone()]],
      ['null', null],
      ['a number', 1],
    ])('rejects a detail that is %s with path "detail"', (_label, detail) => {
      expect(rejected(validator.validateEvent(envelope('MilestoneReported', detail)))).toContainEqual({
        path: 'detail',
        message: expect.stringContaining('must be a JSON object'),
        code: 'not_an_object',
      });
    });

    it('rejects an event without detail', () => {
      const raw = omit(envelope('MilestoneReported', milestone()), 'detail');
      expect(rejected(validator.validateEvent(raw))).toContainEqual({ path: 'detail', message: 'is required', code: 'required' });
    });
  });
});

describe('fields every detail carries', () => {
  describe('schemaVersion', () => {
    it.each([2, 0, '1'])('rejects schemaVersion %j', (schemaVersion) => {
      expect(rejected(milestoneEvent({ schemaVersion }))).toContainEqual({
        path: 'schemaVersion',
        message: 'must be 1',
        code: 'unsupported_schema_version',
        params: { supported: 1 },
      });
    });

    it('requires schemaVersion', () => {
      expect(rejected(validator.validateEvent(envelope('MilestoneReported', omit(milestone(), 'schemaVersion'))))).toContainEqual({
        path: 'schemaVersion',
        message: 'is required',
        code: 'required',
      });
    });
  });

  describe('revision: an integer from 1', () => {
    it.each([
      [0, 'must be at least 1', 'too_small', { min: 1 }],
      [-3, 'must be at least 1', 'too_small', { min: 1 }],
      [1.5, 'must be an integer', 'not_integer', undefined],
      [1_000_000, 'must be at most 999999', 'too_large', { max: 999_999 }],
    ])('rejects revision %d', (revision, message, code, params) => {
      expect(rejected(milestoneEvent({ revision }))).toContainEqual({
        path: 'revision',
        message: expect.stringContaining(message),
        code,
        ...(params ? { params } : {}),
      });
    });

    it('rejects a revision given as a string', () => {
      expect(rejected(milestoneEvent({ revision: '2' }))).toContainEqual({
        path: 'revision',
        message: expect.any(String),
        code: 'invalid_type',
        params: { expected: 'number' },
      });
    });

    it.each([1, 2, 999_999])('accepts revision %d', (revision) => {
      accepted(milestoneEvent({ revision }));
    });
  });

  describe('reportedAt: ISO 8601 date-time with an offset', () => {
    it.each(['2012-02-10T09:30:00', '2012-02-10', '10.02.2012 09:30', '2012-02-30T09:30:00+01:00'])('rejects reportedAt "%s"', (reportedAt) => {
      expect(rejected(milestoneEvent({ reportedAt }))).toContainEqual({
        path: 'reportedAt',
        message: expect.stringContaining('must be an ISO 8601 date-time with an offset'),
        code: 'invalid_datetime',
      });
    });

    it('requires reportedAt', () => {
      expect(rejected(validator.validateEvent(envelope('MilestoneReported', omit(milestone(), 'reportedAt'))))).toContainEqual({
        path: 'reportedAt',
        message: 'is required',
        code: 'required',
      });
    });

    it.each(['2012-02-10T09:30:00+01:00', '2012-02-10T08:30:00Z', '2012-02-10T09:30:00.250+01:00', '2012-07-10T09:30:00+02:00'])(
      'accepts reportedAt "%s"',
      (reportedAt) => {
        accepted(milestoneEvent({ reportedAt }));
      },
    );
  });

  describe('reportedBy: a non-empty string', () => {
    it('rejects an empty reportedBy', () => {
      expect(rejected(milestoneEvent({ reportedBy: '' }))).toContainEqual({ path: 'reportedBy', message: 'must not be empty', code: 'required' });
    });

    it('rejects a blank reportedBy', () => {
      expect(rejected(milestoneEvent({ reportedBy: '   \t' }))).toContainEqual({ path: 'reportedBy', message: 'must not be blank', code: 'blank' });
    });

    it('rejects a reportedBy over 200 characters', () => {
      expect(rejected(milestoneEvent({ reportedBy: chars(201) }))).toContainEqual({
        path: 'reportedBy',
        message: 'must be at most 200 characters',
        code: 'too_long',
        params: { max: 200 },
      });
    });

    it('accepts a reportedBy of exactly 200 characters', () => {
      accepted(milestoneEvent({ reportedBy: chars(200) }));
    });

    it('requires reportedBy', () => {
      expect(rejected(validator.validateEvent(envelope('MilestoneReported', omit(milestone(), 'reportedBy'))))).toContainEqual({
        path: 'reportedBy',
        message: 'is required',
        code: 'required',
      });
    });
  });

  describe('unknown fields are rejected, not silently kept', () => {
    it('rejects an unknown field at the top level of the detail', () => {
      expect(rejected(milestoneEvent({ responsible: 'Herr Dette' }))).toContainEqual({
        path: 'responsible',
        message: 'is not a known field',
        code: 'unknown_field',
      });
    });

    it('rejects an unknown field inside a funding entry', () => {
      const funding = [{ programme: 'Landesprogramm Modellregionen Integration', source: 'land', amountEur: 48000, foo: 1 }];
      expect(rejected(projectEvent({ funding }))).toContainEqual({ path: 'funding.0.foo', message: 'is not a known field', code: 'unknown_field' });
    });

    it('rejects an unknown field inside values', () => {
      expect(rejected(indicatorEvent({ values: { total: 91.4, female: 90 } }))).toContainEqual({
        path: 'values.female',
        message: 'is not a known field',
        code: 'unknown_field',
      });
    });

    it('names every unknown field', () => {
      const errors = rejected(milestoneEvent({ a: 1, b: 2 }));
      expect(errors).toContainEqual({ path: 'a', message: 'is not a known field', code: 'unknown_field' });
      expect(errors).toContainEqual({ path: 'b', message: 'is not a known field', code: 'unknown_field' });
    });
  });

  describe('bounded strings', () => {
    it('rejects a title of 201 characters', () => {
      expect(rejected(milestoneEvent({ title: chars(201) }))).toContainEqual({
        path: 'title',
        message: 'must be at most 200 characters',
        code: 'too_long',
        params: { max: 200 },
      });
    });

    it('accepts a title of 200 characters', () => {
      accepted(milestoneEvent({ title: chars(200) }));
    });

    it('rejects a note over 2000 characters', () => {
      expect(rejected(milestoneEvent({ note: chars(2001) }))).toContainEqual({
        path: 'note',
        message: 'must be at most 2000 characters',
        code: 'too_long',
        params: { max: 2000 },
      });
    });
  });

  it('reports several errors at once, envelope and detail together', () => {
    const raw = envelope(
      'MilestoneReported',
      milestone({ regionId: 'kassel', milestoneId: 'Steuerungs AG', status: 'done', dueDate: '2011-02-30', revision: 0, extra: true }),
    );
    const errors = rejected(validator.validateEvent(raw));
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'regionId', message: expect.stringContaining('must equal the region of the source'), code: 'region_mismatch', params: { regionId: 'wetzlar' } },
        { path: 'milestoneId', message: expect.stringContaining('must be a slug'), code: 'invalid_slug' },
        { path: 'status', message: expect.stringContaining('planned'), code: 'not_one_of', params: { options: [...MILESTONE_STATUSES] } },
        { path: 'dueDate', message: expect.stringContaining('real calendar date'), code: 'invalid_date' },
        { path: 'revision', message: expect.stringContaining('at least 1'), code: 'too_small', params: { min: 1 } },
        { path: 'extra', message: 'is not a known field', code: 'unknown_field' },
      ]),
    );
  });

  it('reports cross-field errors together with field errors', () => {
    const errors = rejected(projectEvent({ title: '', startDate: '2012-01-01', endDate: '2011-12-31' }));
    expect(errors).toContainEqual({ path: 'title', message: 'must not be empty', code: 'required' });
    expect(errors).toContainEqual({
      path: 'endDate',
      message: expect.stringContaining('must not be before startDate'),
      code: 'before_start_date',
      params: { startDate: '2012-01-01' },
    });
  });
});

describe('MilestoneReported', () => {
  it('accepts an achieved milestone with achievedDate', () => {
    const event = accepted(milestoneEvent());
    expect(event.detail).toMatchObject({ status: 'achieved', achievedDate: '2010-05-18' });
  });

  it('accepts a milestone in progress without fieldOfAction and note', () => {
    accepted(milestoneEvent({ status: 'in_progress', achievedDate: undefined, fieldOfAction: undefined }));
  });

  describe('milestoneId: a slug', () => {
    it.each(['Steuerungs AG', 'steuerungs_ag', '-steuerung', 'steuerung-', 'ä-fruehstart', '', chars(65)])('rejects milestoneId "%s"', (milestoneId) => {
      expect(rejected(milestoneEvent({ milestoneId }))).toContainEqual({
        path: 'milestoneId',
        message: expect.stringContaining('must be a slug'),
        code: 'invalid_slug',
      });
    });

    it('accepts a slug of 64 characters', () => {
      accepted(milestoneEvent({ milestoneId: chars(64) }));
    });
  });

  describe('status', () => {
    it.each(['done', 'Achieved', 'in-progress'])('rejects status "%s"', (status) => {
      expect(rejected(milestoneEvent({ status, achievedDate: undefined }))).toContainEqual({
        path: 'status',
        message: expect.stringContaining('"planned"|"in_progress"|"achieved"|"delayed"|"cancelled"'),
        code: 'not_one_of',
        params: { options: [...MILESTONE_STATUSES] },
      });
    });

    it.each(['planned', 'in_progress', 'delayed', 'cancelled'])('accepts status %s without achievedDate', (status) => {
      accepted(milestoneEvent({ status, achievedDate: undefined }));
    });
  });

  describe('dueDate: an ISO calendar date', () => {
    it('rejects 2011-02-30, which is no real date', () => {
      expect(rejected(milestoneEvent({ dueDate: '2011-02-30' }))).toContainEqual({
        path: 'dueDate',
        message: 'must be a real calendar date',
        code: 'invalid_date',
      });
    });

    it.each(['30.06.2010', '2010-6-30', '2010-06-30T00:00:00Z'])('rejects dueDate "%s"', (dueDate) => {
      expect(rejected(milestoneEvent({ dueDate }))).toContainEqual({ path: 'dueDate', message: 'must be a date as YYYY-MM-DD', code: 'invalid_date' });
    });

    it('accepts 2012-02-29 (leap year)', () => {
      accepted(milestoneEvent({ dueDate: '2012-02-29' }));
    });

    it('requires dueDate', () => {
      expect(rejected(validator.validateEvent(envelope('MilestoneReported', omit(milestone(), 'dueDate'))))).toContainEqual({
        path: 'dueDate',
        message: 'is required',
        code: 'required',
      });
    });
  });

  describe('achievedDate: required when and only when achieved, not after reportedAt', () => {
    it('is required when the status is achieved', () => {
      expect(rejected(milestoneEvent({ achievedDate: undefined }))).toContainEqual({
        path: 'achievedDate',
        message: 'is required when status is achieved',
        code: 'required_when_achieved',
      });
    });

    it('must not be given when the status is not achieved', () => {
      expect(rejected(milestoneEvent({ status: 'in_progress', achievedDate: '2010-05-18' }))).toContainEqual({
        path: 'achievedDate',
        message: expect.stringContaining('must be given only when status is achieved (status is in_progress)'),
        code: 'only_when_achieved',
        params: { status: 'in_progress' },
      });
    });

    it('must not be after the local date of reportedAt', () => {
      expect(rejected(milestoneEvent({ achievedDate: '2012-02-11' }))).toContainEqual({
        path: 'achievedDate',
        message: 'must not be after reportedAt (2012-02-10)',
        code: 'after_reported_at',
        params: { reportedAt: '2012-02-10' },
      });
    });

    it('may be the same day as reportedAt', () => {
      accepted(milestoneEvent({ achievedDate: '2012-02-10' }));
    });

    it('is compared with the date in the offset reportedAt was written with (00:30 at +01:00 is still the 10th)', () => {
      accepted(milestoneEvent({ reportedAt: '2012-02-10T00:30:00+01:00', achievedDate: '2012-02-10' }));
    });

    it('is compared with the local date also for negative offsets (23:30 at -01:00 is still the 10th)', () => {
      expect(rejected(milestoneEvent({ reportedAt: '2012-02-10T23:30:00-01:00', achievedDate: '2012-02-11' }))).toContainEqual({
        path: 'achievedDate',
        message: 'must not be after reportedAt (2012-02-10)',
        code: 'after_reported_at',
        params: { reportedAt: '2012-02-10' },
      });
    });

    it('must be a real calendar date', () => {
      expect(rejected(milestoneEvent({ achievedDate: '2010-04-31' }))).toContainEqual({
        path: 'achievedDate',
        message: 'must be a real calendar date',
        code: 'invalid_date',
      });
    });
  });

  it('rejects an unknown fieldOfAction', () => {
    expect(rejected(milestoneEvent({ fieldOfAction: 'sport' }))).toContainEqual({
      path: 'fieldOfAction',
      message: expect.stringContaining('"culture"'),
      code: 'not_one_of',
      params: { options: [...FIELDS_OF_ACTION] },
    });
  });
});

describe('ProjectReported', () => {
  it('accepts a lighthouse project funded by land and kommune', () => {
    const event = accepted(projectEvent());
    expect(event.detail).toMatchObject({ lighthouse: true, funding: [{ source: 'land' }, { source: 'kommune' }] });
  });

  it('accepts a project without endDate, partners, lighthouse and summary, and with no funding yet', () => {
    accepted(projectEvent({ endDate: undefined, partners: undefined, lighthouse: undefined, funding: [] }));
  });

  describe('endDate: not before startDate', () => {
    it('rejects an endDate before startDate', () => {
      expect(rejected(projectEvent({ startDate: '2011-09-17', endDate: '2011-09-16' }))).toContainEqual({
        path: 'endDate',
        message: 'must not be before startDate (2011-09-17)',
        code: 'before_start_date',
        params: { startDate: '2011-09-17' },
      });
    });

    it('accepts an endDate equal to startDate (a one-day event)', () => {
      accepted(projectEvent({ startDate: '2011-09-17', endDate: '2011-09-17' }));
    });

    it('rejects a startDate that is no real date', () => {
      expect(rejected(projectEvent({ startDate: '2010-02-29' }))).toContainEqual({
        path: 'startDate',
        message: 'must be a real calendar date',
        code: 'invalid_date',
      });
    });
  });

  describe('fieldOfAction: one of the eight fields of the Wetzlar roadmap', () => {
    it.each(['sport', 'Bildung', ''])('rejects fieldOfAction "%s"', (fieldOfAction) => {
      expect(rejected(projectEvent({ fieldOfAction }))).toContainEqual({
        path: 'fieldOfAction',
        message: expect.stringContaining('"education"'),
        code: 'not_one_of',
        params: { options: [...FIELDS_OF_ACTION] },
      });
    });

    it('requires fieldOfAction', () => {
      expect(rejected(validator.validateEvent(envelope('ProjectReported', omit(project(), 'fieldOfAction'))))).toContainEqual({
        path: 'fieldOfAction',
        message: 'is required',
        code: 'required',
      });
    });
  });

  it.each(['ongoing', 'finished'])('rejects status "%s"', (status) => {
    expect(rejected(projectEvent({ status }))).toContainEqual({
      path: 'status',
      message: expect.stringContaining('"planned"|"running"|"completed"|"discontinued"'),
      code: 'not_one_of',
      params: { options: [...PROJECT_STATUSES] },
    });
  });

  describe('funding', () => {
    const fundingEntry = (over: Detail = {}): Detail => ({
      programme: 'Landesprogramm Modellregionen Integration',
      source: 'land',
      amountEur: 48000,
      ...over,
    });

    it('rejects a negative amount with the path of the entry', () => {
      const funding = [fundingEntry(), fundingEntry({ amountEur: -1 })];
      expect(rejected(projectEvent({ funding }))).toContainEqual({ path: 'funding.1.amountEur', message: 'must not be negative', code: 'negative' });
    });

    it('rejects a negative amount in the first entry as funding.0.amountEur', () => {
      expect(rejected(projectEvent({ funding: [fundingEntry({ amountEur: -500 })] }))).toContainEqual({
        path: 'funding.0.amountEur',
        message: 'must not be negative',
        code: 'negative',
      });
    });

    it('accepts an amount of 0', () => {
      accepted(projectEvent({ funding: [fundingEntry({ amountEur: 0 })] }));
    });

    it('rejects an amount with three decimals', () => {
      expect(rejected(projectEvent({ funding: [fundingEntry({ amountEur: 1234.567 })] }))).toContainEqual({
        path: 'funding.0.amountEur',
        message: expect.stringContaining('whole cents'),
        code: 'not_whole_cents',
      });
    });

    it.each([0.07, 0.29, 22500.5, 1234.56, 9999999.99])('accepts the amount %d (whole cents)', (amountEur) => {
      accepted(projectEvent({ funding: [fundingEntry({ amountEur })] }));
    });

    it('rejects an amount given as a string', () => {
      expect(rejected(projectEvent({ funding: [fundingEntry({ amountEur: '48000' })] }))).toContainEqual({
        path: 'funding.0.amountEur',
        message: 'must be a number',
        code: 'invalid_type',
        params: { expected: 'number' },
      });
    });

    it.each(['lotto', 'Land', 'bamf'])('rejects funding source "%s"', (source) => {
      expect(rejected(projectEvent({ funding: [fundingEntry({ source })] }))).toContainEqual({
        path: 'funding.0.source',
        message: expect.stringContaining('"land"|"bund"|"kommune"|"eu"|"stiftung"|"other"'),
        code: 'not_one_of',
        params: { options: [...FUNDING_SOURCES] },
      });
    });

    it.each(['land', 'bund', 'kommune', 'eu', 'stiftung', 'other'])('accepts funding source %s', (source) => {
      accepted(projectEvent({ funding: [fundingEntry({ source })] }));
    });

    it('rejects an entry without programme', () => {
      expect(rejected(projectEvent({ funding: [omit(fundingEntry(), 'programme')] }))).toContainEqual({
        path: 'funding.0.programme',
        message: 'is required',
        code: 'required',
      });
    });

    it('rejects 51 funding entries', () => {
      const funding = Array.from({ length: 51 }, () => fundingEntry());
      expect(rejected(projectEvent({ funding }))).toContainEqual({
        path: 'funding',
        message: 'must have at most 50 entries',
        code: 'too_many',
        params: { max: 50 },
      });
    });

    it('accepts 50 funding entries', () => {
      accepted(projectEvent({ funding: Array.from({ length: 50 }, () => fundingEntry()) }));
    });

    it('requires funding', () => {
      expect(rejected(validator.validateEvent(envelope('ProjectReported', omit(project(), 'funding'))))).toContainEqual({
        path: 'funding',
        message: 'is required',
        code: 'required',
      });
    });
  });

  describe('partners', () => {
    it('rejects a partner name over 200 characters with the path of the entry', () => {
      expect(rejected(projectEvent({ partners: ['Volkshochschule Wetzlar', chars(201)] }))).toContainEqual({
        path: 'partners.1',
        message: 'must be at most 200 characters',
        code: 'too_long',
        params: { max: 200 },
      });
    });

    it('rejects more than 100 partners', () => {
      const partners = Array.from({ length: 101 }, (_, i) => `Verein ${i}`);
      expect(rejected(projectEvent({ partners }))).toContainEqual({
        path: 'partners',
        message: 'must have at most 100 entries',
        code: 'too_many',
        params: { max: 100 },
      });
    });
  });

  it('rejects a lighthouse flag that is not a boolean', () => {
    expect(rejected(projectEvent({ lighthouse: 'ja' }))).toContainEqual({
      path: 'lighthouse',
      message: expect.stringContaining('boolean'),
      code: 'invalid_type',
      params: { expected: 'boolean' },
    });
  });
});

describe('IndicatorReported', () => {
  it('accepts a baseline value with the disaggregation by migration background', () => {
    const event = accepted(indicatorEvent());
    expect(event.detail).toMatchObject({
      isBaseline: true,
      values: { total: 91.4, withMigrationBackground: 84.7, withoutMigrationBackground: 95.2 },
    });
  });

  it('rejects an indicatorId that is not in the catalogue', () => {
    expect(rejected(indicatorEvent({ indicatorId: 'kita-quote' }))).toContainEqual({
      path: 'indicatorId',
      message: expect.stringContaining('must be an indicator of the catalogue'),
      code: 'unknown_indicator',
    });
  });

  describe('period: YYYY, YYYY-Qn or YYYY-MM', () => {
    it.each(['2011', '2011-Q3', '2011-05', '2008', '2013-12'])('accepts period "%s"', (period) => {
      accepted(indicatorEvent({ period }));
    });

    it.each(['2011-Q5', '2011-Q0', '2011-13', '2011-00', '11', '2011-5', '2011-05-01', '1979', '2011 Q3'])('rejects period "%s"', (period) => {
      expect(rejected(indicatorEvent({ period }))).toContainEqual({
        path: 'period',
        message: expect.stringContaining('must be a period as YYYY, YYYY-Qn or YYYY-MM'),
        code: 'invalid_period',
      });
    });
  });

  describe('values', () => {
    it('rejects empty values', () => {
      expect(rejected(indicatorEvent({ values: {} }))).toContainEqual({
        path: 'values',
        message: expect.stringContaining('must hold at least one of total'),
        code: 'no_values',
      });
    });

    it('accepts only the breakdown without a total', () => {
      accepted(indicatorEvent({ values: { withMigrationBackground: 84.7, withoutMigrationBackground: 95.2 } }));
    });

    it('rejects a percentage over 100', () => {
      expect(rejected(indicatorEvent({ values: { total: 104.5 } }))).toContainEqual({
        path: 'values.total',
        message: expect.stringContaining('must be between 0 and 100 (percent)'),
        code: 'out_of_range',
        params: { min: 0, max: 100, unit: 'percent', value: 104.5 },
      });
    });

    it('rejects a negative value in the breakdown with its own path', () => {
      expect(rejected(indicatorEvent({ values: { total: 91.4, withoutMigrationBackground: -2 } }))).toContainEqual({
        path: 'values.withoutMigrationBackground',
        message: expect.stringContaining('must be between 0 and 100'),
        code: 'out_of_range',
        params: { min: 0, max: 100, unit: 'percent', value: -2 },
      });
    });

    it('accepts the bounds of the valid range', () => {
      accepted(indicatorEvent({ values: { total: 50, withMigrationBackground: 0, withoutMigrationBackground: 100 } }));
    });

    it('rejects a fraction for a count indicator', () => {
      expect(rejected(indicatorEvent({ indicatorId: 'naturalisations', period: '2011', values: { total: 1043.5 }, isBaseline: false }))).toContainEqual({
        path: 'values.total',
        message: expect.stringContaining('must be a whole number (count)'),
        code: 'not_whole_number',
        params: { value: 1043.5 },
      });
    });

    it('accepts a whole number for a count indicator', () => {
      accepted(indicatorEvent({ indicatorId: 'naturalisations', values: { total: 1043 } }));
    });

    it('rejects a breakdown by migration background for an indicator reported without it', () => {
      const values = { total: 1043, withMigrationBackground: 1043 };
      expect(rejected(indicatorEvent({ indicatorId: 'naturalisations', values }))).toContainEqual({
        path: 'values.withMigrationBackground',
        message: expect.stringContaining('has no breakdown by migration background'),
        code: 'no_breakdown',
        params: { indicatorId: 'naturalisations' },
      });
    });

    it('rejects a value that is not a number', () => {
      expect(rejected(indicatorEvent({ values: { total: '91,4' } }))).toContainEqual({
        path: 'values.total',
        message: 'must be a number',
        code: 'invalid_type',
        params: { expected: 'number' },
      });
    });

    it('requires values', () => {
      expect(rejected(validator.validateEvent(envelope('IndicatorReported', omit(indicator(), 'values'))))).toContainEqual({
        path: 'values',
        message: 'is required',
        code: 'required',
      });
    });
  });

  it('rejects a source over 300 characters', () => {
    expect(rejected(indicatorEvent({ source: chars(301) }))).toContainEqual({
      path: 'source',
      message: 'must be at most 300 characters',
      code: 'too_long',
      params: { max: 300 },
    });
  });

  it('rejects an isBaseline that is not a boolean', () => {
    expect(rejected(indicatorEvent({ isBaseline: 'yes' }))).toContainEqual({
      path: 'isBaseline',
      message: expect.stringContaining('boolean'),
      code: 'invalid_type',
      params: { expected: 'boolean' },
    });
  });
});

describe('FindingPublished', () => {
  it('accepts a finding of a region', () => {
    accepted(findingEvent());
  });

  it('requires a summary', () => {
    expect(rejected(validator.validateEvent(envelope('FindingPublished', omit(finding(), 'summary'))))).toContainEqual({
      path: 'summary',
      message: 'is required',
      code: 'required',
    });
  });

  it('rejects a title of 201 characters', () => {
    expect(rejected(findingEvent({ title: chars(201) }))).toContainEqual({
      path: 'title',
      message: 'must be at most 200 characters',
      code: 'too_long',
      params: { max: 200 },
    });
  });

  it('rejects a related project id that is not a slug', () => {
    expect(rejected(findingEvent({ relatedProjectIds: ['mama-lernt-deutsch', 'Mama lernt Deutsch'] }))).toContainEqual({
      path: 'relatedProjectIds.1',
      message: expect.stringContaining('must be a slug'),
      code: 'invalid_slug',
    });
  });

  describe('tags', () => {
    it('rejects more than 20 tags', () => {
      const tags = Array.from({ length: 21 }, (_, i) => `Thema ${i}`);
      expect(rejected(findingEvent({ tags }))).toContainEqual({ path: 'tags', message: 'must have at most 20 entries', code: 'too_many', params: { max: 20 } });
    });

    it('accepts 20 tags', () => {
      accepted(findingEvent({ tags: Array.from({ length: 20 }, (_, i) => `Thema ${i}`) }));
    });

    it('rejects a tag over 50 characters with the path of the tag', () => {
      expect(rejected(findingEvent({ tags: ['Elternbildung', chars(51)] }))).toContainEqual({
        path: 'tags.1',
        message: 'must be at most 50 characters',
        code: 'too_long',
        params: { max: 50 },
      });
    });

    it('rejects an empty tag', () => {
      expect(rejected(findingEvent({ tags: [''] }))).toContainEqual({ path: 'tags.0', message: 'must not be empty', code: 'required' });
    });
  });
});

describe("validator.validatePutEventsEntry: the coordinators' preflight", () => {
  it.each([
    ['MilestoneReported', milestone()],
    ['ProjectReported', project()],
    ['IndicatorReported', indicator()],
    ['FindingPublished', finding()],
  ])('accepts a valid %s entry', (detailType, detail) => {
    const event = accepted(validator.validatePutEventsEntry(entry(detailType, detail), '2012-02-10T08:30:05Z'));
    expect(event).toMatchObject({ source: 'modellregion.wetzlar', regionId: 'wetzlar', detailType, receivedAt: '2012-02-10T08:30:05Z' });
  });

  it('accepts a ministry finding', () => {
    accepted(validator.validatePutEventsEntry(entry('FindingPublished', ministryFinding(), 'ministerium')));
  });

  it('accepts the optional fields the SDK allows (EventBusName, Resources, Time)', () => {
    accepted(
      validator.validatePutEventsEntry({
        ...entry('MilestoneReported', milestone()),
        EventBusName: 'modellregionen',
        Resources: [],
        Time: '2012-02-10T08:30:00Z',
      }),
    );
  });

  it('rejects an entry that is not an object', () => {
    expect(rejected(validator.validatePutEventsEntry('MilestoneReported'))).toContainEqual({
      path: 'entry',
      message: expect.stringContaining('PutEvents entry'),
      code: 'not_an_object',
    });
  });

  it('rejects an entry without Source, naming it "source" as the envelope does', () => {
    expect(rejected(validator.validatePutEventsEntry(omit(entry('MilestoneReported', milestone()), 'Source')))).toContainEqual({
      path: 'source',
      message: 'is required',
      code: 'required',
    });
  });

  it('rejects an entry without DetailType, naming it "detail-type"', () => {
    expect(rejected(validator.validatePutEventsEntry(omit(entry('MilestoneReported', milestone()), 'DetailType')))).toContainEqual({
      path: 'detail-type',
      message: 'is required',
      code: 'required',
    });
  });

  it('rejects an entry without Detail', () => {
    expect(rejected(validator.validatePutEventsEntry(omit(entry('MilestoneReported', milestone()), 'Detail')))).toContainEqual({
      path: 'detail',
      message: 'is required',
      code: 'required',
    });
  });

  it('rejects a Detail given as an object instead of a JSON string', () => {
    const raw = { ...entry('MilestoneReported', milestone()), Detail: milestone() };
    expect(rejected(validator.validatePutEventsEntry(raw))).toContainEqual({
      path: 'detail',
      message: expect.stringContaining('must be a JSON string'),
      code: 'invalid_type',
      params: { expected: 'string' },
    });
  });

  it('rejects a Detail that is not JSON', () => {
    const raw = { ...entry('MilestoneReported', milestone()), Detail: "{ milestoneId: 'fruehstart' }" };
    expect(rejected(validator.validatePutEventsEntry(raw))).toContainEqual({
      path: 'detail',
      message: expect.stringContaining('is not valid JSON'),
      code: 'invalid_json',
    });
  });

  it('rejects a Detail that is JSON but not an object', () => {
    const raw = { ...entry('MilestoneReported', milestone()), Detail: '[1, 2]' };
    expect(rejected(validator.validatePutEventsEntry(raw))).toContainEqual({ path: 'detail', message: 'must be a JSON object', code: 'not_an_object' });
  });

  it('rejects an unknown entry field', () => {
    const raw = { ...entry('MilestoneReported', milestone()), Region: 'wetzlar' };
    expect(rejected(validator.validatePutEventsEntry(raw))).toContainEqual({ path: 'Region', message: 'is not a known field', code: 'unknown_field' });
  });

  describe('size: EventBridge accepts entries up to 256 KiB', () => {
    const base = entry('MilestoneReported', milestone());
    const sizeOf = (e: Detail): number => Buffer.byteLength(String(e.Source)) + Buffer.byteLength(String(e.DetailType)) + Buffer.byteLength(String(e.Detail));

    it('rejects an entry over 256 KiB with path "detail"', () => {
      const raw = { ...base, Detail: JSON.stringify(milestone({ note: 'Bericht', padding: chars(300 * 1024) })) };
      expect(rejected(validator.validatePutEventsEntry(raw))).toContainEqual({
        path: 'detail',
        message: expect.stringContaining(`EventBridge accepts at most ${MAX_ENTRY_BYTES}`),
        code: 'entry_too_large',
        params: { size: expect.any(Number), max: MAX_ENTRY_BYTES },
      });
    });

    it('counts bytes, not characters (umlauts take two bytes)', () => {
      const padding = ' '.repeat(MAX_ENTRY_BYTES - sizeOf(base) - 2);
      const raw = { ...base, Detail: `${String(base.Detail)}${padding}ää` };
      expect(sizeOf(raw)).toBe(MAX_ENTRY_BYTES + 2);
      expect(rejected(validator.validatePutEventsEntry(raw))).toContainEqual({
        path: 'detail',
        message: expect.stringContaining(`${MAX_ENTRY_BYTES + 2} bytes`),
        code: 'entry_too_large',
        params: { size: MAX_ENTRY_BYTES + 2, max: MAX_ENTRY_BYTES },
      });
    });

    it('accepts an entry of exactly 256 KiB', () => {
      // JSON allows trailing whitespace: pad a valid detail up to the limit.
      const raw = { ...base, Detail: `${String(base.Detail)}${' '.repeat(MAX_ENTRY_BYTES - sizeOf(base))}` };
      expect(sizeOf(raw)).toBe(MAX_ENTRY_BYTES);
      accepted(validator.validatePutEventsEntry(raw));
    });
  });

  it('applies the detail rules and reports detail paths', () => {
    const raw = entry('ProjectReported', project({ funding: [{ programme: 'Landesprogramm', source: 'land', amountEur: -1 }] }));
    expect(rejected(validator.validatePutEventsEntry(raw))).toContainEqual({ path: 'funding.0.amountEur', message: 'must not be negative', code: 'negative' });
  });

  it('applies the source rules', () => {
    expect(rejected(validator.validatePutEventsEntry(entry('MilestoneReported', milestone(), 'wetzlar')))).toContainEqual({
      path: 'source',
      message: expect.stringContaining('must be modellregion.<regionId>'),
      code: 'invalid_source',
      params: { source: 'wetzlar' },
    });
  });
});

describe('the region registry is data: createValidator(loadCatalogue(...))', () => {
  const catalogue = loadCatalogue({
    regions: {
      version: 'test.1',
      regions: [
        ...defaultCatalogue.regions,
        { id: 'giessen', name: 'Universitätsstadt Gießen', kind: 'city', programmes: ['kompetenzkreis'], role: 'circle-member' },
        { id: 'buedingen', name: 'Stadt Büdingen', kind: 'town', programmes: ['wir'], role: 'subscriber' },
      ],
    },
    fieldsOfAction: { version: 'test.1', fieldsOfAction: defaultCatalogue.fieldsOfAction },
    indicators: {
      version: 'test.1',
      indicators: [
        ...defaultCatalogue.indicators,
        {
          id: 'neighbourhood-centre-visitors',
          titleDe: 'Besucherinnen und Besucher der Nachbarschaftszentren',
          titleEn: 'Visitors of the neighbourhood centres',
          unit: 'count',
          min: 0,
          max: 1000000,
          fieldOfAction: 'participation',
          higherIsBetter: true,
          disaggregated: false,
        },
      ],
    },
  });
  const custom = createValidator(catalogue);

  it('accepts reports of a circle member added to the registry', () => {
    const event = accepted(custom.validateEvent(envelope('MilestoneReported', milestone({ regionId: 'giessen' }), 'modellregion.giessen')));
    expect(event.regionId).toBe('giessen');
  });

  it('leaves the default validator unchanged (it still refuses the new region)', () => {
    expect(rejected(validator.validateEvent(envelope('MilestoneReported', milestone({ regionId: 'giessen' }), 'modellregion.giessen')))).toContainEqual({
      path: 'source',
      message: expect.stringContaining('names no region of the registry'),
      code: 'unknown_region',
      params: { regionId: 'giessen' },
    });
  });

  it('refuses reports of a subscriber region with path "source"', () => {
    const result = custom.validatePutEventsEntry(entry('FindingPublished', finding({ regionId: 'buedingen' }), 'modellregion.buedingen'));
    expect(rejected(result)).toContainEqual({
      path: 'source',
      message: expect.stringContaining('is a subscriber and does not report'),
      code: 'region_not_reporting',
      params: { regionId: 'buedingen', role: 'subscriber' },
    });
  });

  it('accepts an indicator added to the catalogue as data', () => {
    accepted(
      custom.validateEvent(
        envelope('IndicatorReported', indicator({ indicatorId: 'neighbourhood-centre-visitors', values: { total: 5400 }, isBaseline: undefined })),
      ),
    );
    expect(
      rejected(validator.validateEvent(envelope('IndicatorReported', indicator({ indicatorId: 'neighbourhood-centre-visitors', values: { total: 5400 } })))),
    ).toContainEqual({
      path: 'indicatorId',
      message: expect.stringContaining('must be an indicator of the catalogue'),
      code: 'unknown_indicator',
    });
  });

  it('refuses a catalogue that reuses the reserved id "ministerium" for a region', () => {
    expect(() =>
      loadCatalogue({
        regions: { version: 'x', regions: [{ id: 'ministerium', name: 'Ministerium', kind: 'city', programmes: [], role: 'model-region' }] },
        fieldsOfAction: { version: 'x', fieldsOfAction: defaultCatalogue.fieldsOfAction },
        indicators: { version: 'x', indicators: defaultCatalogue.indicators },
      }),
    ).toThrow(/reserved/);
  });
});

describe('rules found by review', () => {
  const finding = {
    schemaVersion: 1,
    regionId: 'ministerium',
    revision: 1,
    reportedAt: '2012-02-29T12:00:00+01:00',
    reportedBy: 'HMdJIE',
    findingId: 'halbzeitbilanz',
    title: 'Halbzeitbilanz',
    summary: 'Zusammenfassung',
    fieldOfAction: 'participation',
  };
  it('does not take modellregion.ministerium for the ministry', () => {
    const result = validator.validatePutEventsEntry({
      Source: 'modellregion.ministerium',
      DetailType: 'FindingPublished',
      Detail: JSON.stringify(finding),
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toContainEqual({
        path: 'source',
        message: expect.stringContaining('ministerium'),
        code: 'invalid_source',
        params: { source: 'modellregion.ministerium' },
      });
  });
  it('accepts large amounts in whole cents up to the bound', () => {
    const project = {
      schemaVersion: 1,
      regionId: 'kassel',
      revision: 1,
      reportedAt: '2012-02-29T12:00:00+01:00',
      reportedBy: 'x',
      projectId: 'p',
      title: 'P',
      fieldOfAction: 'housing',
      status: 'running',
      startDate: '2010-01-01',
      funding: [
        { programme: 'Soziale Stadt', source: 'bund', amountEur: 134222809.23 },
        { programme: 'x', source: 'eu', amountEur: 999999999.99 },
      ],
    };
    const ok = validator.validatePutEventsEntry({ Source: 'modellregion.kassel', DetailType: 'ProjectReported', Detail: JSON.stringify(project) });
    expect(ok).toMatchObject({ ok: true });
  });
});
