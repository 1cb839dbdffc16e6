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
});
