import { describe, expect, it } from 'vitest';
import { buildReportBodySchemas, defaultCatalogue, fieldErrorsOf, validator } from '@modellregionen/events';

const event = (detailType: string, detail: Record<string, unknown>) => ({
  version: '0',
  id: 'e-1',
  'detail-type': detailType,
  source: 'modellregion.wetzlar',
  time: '2012-02-10T08:30:05Z',
  detail: { schemaVersion: 1, regionId: 'wetzlar', revision: 1, reportedAt: '2012-02-10T09:30:00+01:00', reportedBy: 'Koordinationsbüro', ...detail },
});
const errorsOf = (detailType: string, detail: Record<string, unknown>) => {
  const result = validator.validateEvent(event(detailType, detail));
  return result.ok ? [] : result.errors;
};
const indicator = (over: Record<string, unknown>) => ({ indicatorId: 'unemployment-rate', period: '2011', values: { total: 8 }, ...over });
const finding = (over: Record<string, unknown>) => ({
  findingId: 'sprache-frueh',
  title: 'Früh fördern',
  summary: 'Was die Modellregion gelernt hat.',
  fieldOfAction: 'language',
  ...over,
});

describe('an indicator report', () => {
  it('names an indicator of the catalogue by its id: any other value is not one of them', () => {
    const unknown = 'must be an indicator of the catalogue (17 known, see GET /v1/catalogue)';
    expect(errorsOf('IndicatorReported', indicator({ indicatorId: 42 }))).toEqual([
      { path: 'indicatorId', message: unknown, code: 'not_one_of', params: { options: defaultCatalogue.indicators.map((i) => i.id) } },
    ]);
    expect(errorsOf('IndicatorReported', indicator({ indicatorId: 'arbeitslosenquote' }))).toEqual([
      { path: 'indicatorId', message: unknown, code: 'unknown_indicator' },
    ]);
  });

  it('refuses a value that is no finite number (possible where a report is not JSON)', () => {
    for (const total of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(errorsOf('IndicatorReported', indicator({ values: { total } }))).toEqual([
        { path: 'values.total', message: expect.any(String), code: 'not_finite' },
      ]);
    }
  });

  it('is checked against the range only once its indicator is known', () => {
    expect(errorsOf('IndicatorReported', indicator({ indicatorId: 'arbeitslosenquote', values: { total: 140 } }))).toHaveLength(1);
  });
});

describe('a finding', () => {
  it('names at most 50 related projects', () => {
    const ids = Array.from({ length: 51 }, (_, i) => `projekt-${i}`);
    expect(errorsOf('FindingPublished', finding({ relatedProjectIds: ids.slice(0, 50) }))).toEqual([]);
    expect(errorsOf('FindingPublished', finding({ relatedProjectIds: ids }))).toEqual([
      { path: 'relatedProjectIds', message: 'must have at most 50 entries', code: 'too_many', params: { max: 50 } },
    ]);
  });
});

describe('a funding amount', () => {
  it('is at most a billion euros', () => {
    const project = (amountEur: number) => ({
      projectId: 'fruehstart',
      title: 'Frühstart',
      fieldOfAction: 'language',
      status: 'running',
      startDate: '2010-01-01',
      funding: [{ programme: 'Landesprogramm', source: 'land', amountEur }],
    });
    expect(errorsOf('ProjectReported', project(1_000_000_000))).toEqual([]);
    expect(errorsOf('ProjectReported', project(1_000_000_000.01))).toEqual([
      { path: 'funding.0.amountEur', message: 'must be at most 1000000000', code: 'too_large', params: { max: 1_000_000_000 } },
    ]);
  });
});

describe('what an author writes of a report (the HTTP API’s request bodies)', () => {
  const bodies = buildReportBodySchemas(defaultCatalogue);
  const report = { schemaVersion: 1, revision: 1, reportedAt: '2012-02-10T09:30:00+01:00' };
  const errors = (detailType: keyof typeof bodies, body: Record<string, unknown>) => {
    const parsed = bodies[detailType].safeParse({ ...report, ...body }, { reportInput: true });
    return parsed.success ? [] : fieldErrorsOf(parsed.error.issues);
  };
  const milestone = { milestoneId: 'leitbild', title: 'Leitbild', status: 'achieved', dueDate: '2011-01-01', achievedDate: '2011-01-01' };
  const project = { projectId: 'fruehstart', title: 'Frühstart', fieldOfAction: 'language', status: 'running', startDate: '2010-01-01', funding: [] };

  it('is each detail without regionId and reportedBy, which come from the path and the token', () => {
    expect(Object.keys(bodies)).toEqual(['MilestoneReported', 'ProjectReported', 'IndicatorReported', 'FindingPublished']);
    expect(errors('MilestoneReported', milestone)).toEqual([]);
    expect(errors('ProjectReported', project)).toEqual([]);
    expect(errors('IndicatorReported', indicator({}))).toEqual([]);
    expect(errors('FindingPublished', finding({}))).toEqual([]);
    expect(errors('FindingPublished', finding({ regionId: 'wetzlar', reportedBy: 'x' })).map((e) => [e.path, e.code])).toEqual([
      ['regionId', 'unknown_field'],
      ['reportedBy', 'unknown_field'],
    ]);
  });

  it('follows the same rules across fields as the detail', () => {
    expect(errors('MilestoneReported', { ...milestone, achievedDate: undefined }).map((e) => e.code)).toEqual(['required_when_achieved']);
    expect(errors('ProjectReported', { ...project, endDate: '2009-12-31' }).map((e) => e.code)).toEqual(['before_start_date']);
    expect(errors('IndicatorReported', indicator({ values: { total: 140 } })).map((e) => e.code)).toEqual(['out_of_range']);
    expect(errors('FindingPublished', finding({ title: ' ' })).map((e) => e.code)).toEqual(['blank']);
  });
});
