// The check every test's HTTP helper applies: it must refuse what a route does not declare, or
// every response "checked" by it would prove nothing.
import { describe, expect, it } from 'vitest';
import { contractViolation, routeOf } from './response-contract';

const json = (status: number, body: unknown) => ({ status, contentType: 'application/json', text: JSON.stringify(body) });
const error = (status: number, code: string) => json(status, { error: { code, message: 'x' } });
const accepted = { eventId: 'e-1', detailType: 'MilestoneReported', regionId: 'wetzlar' };

describe("holding a response to its route's declaration", () => {
  it('finds the route by method and path template', () => {
    expect(routeOf('POST', '/v1/regions/wetzlar/milestones')?.id).toBe('postMilestone');
    expect(routeOf('GET', '/v1/findings.atom')?.id).toBe('getFindingsAtom');
    expect(routeOf('GET', '/v1/findings')?.id).toBe('getFindings');
    expect(routeOf('GET', '/v1/regions/wetzlar/milestones')).toBeUndefined();
    expect(routeOf('GET', '/v1/catalogue', ['write'])).toBeUndefined();
  });

  it('accepts a declared status with a body its schema holds', () => {
    expect(contractViolation('POST', '/v1/regions/wetzlar/milestones', json(202, accepted))).toBeUndefined();
    expect(contractViolation('POST', '/v1/regions/wetzlar/milestones', error(502, 'bad_gateway'))).toBeUndefined();
    expect(contractViolation('DELETE', '/v1/subscriptions/s-1', { status: 204, contentType: 'application/json', text: '' })).toBeUndefined();
    expect(contractViolation('GET', '/v1/nothing-here', error(404, 'not_found'))).toBeUndefined();
  });

  it('refuses a field the schema does not name, a missing one, and a wrong type', () => {
    expect(contractViolation('POST', '/v1/regions/wetzlar/milestones', json(202, { ...accepted, extra: 1 }))).toMatch(/breaks its declared schema/);
    expect(contractViolation('POST', '/v1/regions/wetzlar/milestones', json(202, { eventId: 'e-1', regionId: 'wetzlar' }))).toMatch(/detailType/);
    expect(contractViolation('POST', '/v1/regions/wetzlar/milestones', json(202, { ...accepted, detailType: 'Other' }))).toMatch(/detailType/);
    expect(contractViolation('GET', '/v1/catalogue', error(401, 'no_such_code'))).toMatch(/code/);
  });

  it('refuses a status the route does not declare', () => {
    expect(contractViolation('GET', '/v1/catalogue', error(503, 'service_unavailable'))).toMatch(/not declared \(declared: 200, 401, 403, 500\)/);
    expect(contractViolation('GET', '/v1/catalogue', error(413, 'payload_too_large'))).toMatch(/not declared/);
    expect(contractViolation('GET', '/v1/nothing-here', error(400, 'bad_request'))).toMatch(/not declared/);
  });

  it('refuses another media type, a body where none is declared, and text that is not JSON', () => {
    expect(contractViolation('GET', '/v1/findings.atom', json(200, { findings: [] }))).toMatch(/declared application\/atom\+xml/);
    expect(contractViolation('GET', '/v1/findings.atom', { status: 200, contentType: 'application/atom+xml; charset=utf-8', text: '<feed/>' })).toBeUndefined();
    expect(contractViolation('DELETE', '/v1/subscriptions/s-1', json(204, {}))).toMatch(/without a body/);
    expect(contractViolation('GET', '/v1/findings', { status: 200, contentType: 'application/json', text: '<html>' })).toMatch(/not JSON/);
  });

  it('holds every field error of a 400 to the code table; a quarantine record from before codes may have none', () => {
    const invalid = (details: unknown[]) => json(400, { error: { code: 'validation_failed', message: 'x', details } });
    const route = '/v1/regions/wetzlar/milestones';
    expect(
      contractViolation('POST', route, invalid([{ path: 'title', message: 'must be at most 200 characters', code: 'too_long', params: { max: 200 } }])),
    ).toBeUndefined();
    expect(contractViolation('POST', route, invalid([{ path: 'title', message: 'must be at most 200 characters' }]))).toMatch(/code/);
    expect(contractViolation('POST', route, invalid([{ path: 'title', message: 'x', code: 'too_loud' }]))).toMatch(/code/);
    const rejections = (errors: unknown[]) =>
      json(200, { rejections: [{ eventId: 'e-1', detailType: 'MilestoneReported', receivedAt: '2012-02-10T08:31:00.000Z', errors }] });
    expect(contractViolation('GET', '/v1/regions/wetzlar/rejections', rejections([{ path: 'status', message: 'must be one of ...' }]))).toBeUndefined();
    expect(
      contractViolation(
        'GET',
        '/v1/regions/wetzlar/rejections',
        rejections([{ path: 'status', message: 'x', code: 'not_one_of', params: { options: ['a'] } }]),
      ),
    ).toBeUndefined();
  });

  it("has a region's indicator values name their report; in a review closed before they did, they may not", () => {
    const point = { period: '2011', total: 6.1, withMigrationBackground: 9.8, withoutMigrationBackground: 4, gap: 5.8, isBaseline: false, source: null };
    const reported = { revision: 2, reportedAt: '2012-01-10T10:00:00+01:00', reportedBy: 'Koordination Stadt Wetzlar' };
    const progress = (p: object) => ({
      indicatorId: 'school-leavers-without-qualification',
      unit: 'percent',
      higherIsBetter: false,
      disaggregated: true,
      baselinePeriod: '2011',
      latestPeriod: '2011',
      points: [p],
      changeSinceBaseline: { total: 0, gap: 0 },
      gapNarrowed: null,
      totalImproved: null,
    });
    const region = (p: object) =>
      json(200, {
        regionId: 'wetzlar',
        name: 'Stadt Wetzlar',
        kind: 'city',
        role: 'model-region',
        lastReportedAt: null,
        milestones: [],
        projects: [],
        indicators: [progress(p)],
        findings: [],
      });
    expect(contractViolation('GET', '/v1/regions/wetzlar', region({ ...point, ...reported }))).toBeUndefined();
    expect(contractViolation('GET', '/v1/regions/wetzlar', region(point))).toMatch(/revision/);
    const circle = {
      asOf: '2012-02-29',
      regions: [],
      totals: {
        milestones: { total: 0, overdue: 0, byStatus: { planned: 0, in_progress: 0, achieved: 0, delayed: 0, cancelled: 0 } },
        projects: { total: 0, fundingEur: 0, byStatus: { planned: 0, running: 0, completed: 0, discontinued: 0 }, byFieldOfAction: {} },
        indicators: { reported: 0 },
      },
    };
    const review = (p: object) =>
      json(200, {
        reviewId: 'midterm',
        title: 'Halbzeitbilanz',
        cutoff: '2012-02-29',
        competenceCircle: circle,
        indicators: [{ regionId: 'wetzlar', progress: [progress(p)] }],
        status: 'closed',
        closedAt: '2012-03-01T10:00:00.000Z',
        closedBy: 'Ministerium',
        lateAmendments: [],
      });
    expect(contractViolation('GET', '/v1/reviews/midterm', review(point))).toBeUndefined();
    expect(contractViolation('GET', '/v1/reviews/midterm', review({ ...point, ...reported }))).toBeUndefined();
  });
});
