// Access rules are data: the router decides by them, the 403 and the OpenAPI document say them.
import { describe, expect, it } from 'vitest';
import { ANY_ROLE, decideAccess, describeAccess, MINISTRY, OWN_REGION_OR_MINISTRY, PUBLISHER, REPORTER } from '../src/access';
import type { Principal } from '../src/principal';

const coordinator = (regionId: string): Principal => ({ role: 'coordinator', subject: `c-${regionId}`, name: 'K', regionId });
const ministry: Principal = { role: 'ministry', subject: 'm', name: 'M' };
const subscriber: Principal = { role: 'subscriber', subject: 's', name: 'S', municipality: 'Gießen' };

describe('deciding by the grants', () => {
  it('admits a coordinator to its own region only', () => {
    expect(decideAccess(REPORTER, coordinator('wetzlar'), 'wetzlar')).toBe(true);
    expect(decideAccess(REPORTER, coordinator('kassel'), 'wetzlar')).toBe(
      'this route is for the coordinator of wetzlar; the token names a coordinator of kassel',
    );
    expect(decideAccess(REPORTER, ministry, 'wetzlar')).toBe('this route is for the coordinator of wetzlar; the token names the ministry');
  });

  it('admits the ministry to findings under its own id only', () => {
    expect(decideAccess(PUBLISHER, ministry, 'ministerium')).toBe(true);
    expect(decideAccess(PUBLISHER, ministry, 'wetzlar')).toBe(
      'this route is for the coordinator of wetzlar or the ministry (under regionId `ministerium`); the token names the ministry',
    );
    expect(decideAccess(REPORTER, ministry, 'ministerium')).not.toBe(true);
  });

  it('admits every caller of a role, wherever the path points', () => {
    expect(decideAccess(OWN_REGION_OR_MINISTRY, ministry, 'kassel')).toBe(true);
    expect(decideAccess(OWN_REGION_OR_MINISTRY, subscriber, 'kassel')).toBe(
      'this route is for the coordinator of kassel or the ministry; the token names a subscriber',
    );
    for (const p of [coordinator('wetzlar'), ministry, subscriber]) expect(decideAccess(ANY_ROLE, p, undefined)).toBe(true);
    expect(decideAccess(MINISTRY, subscriber, undefined)).toBe('this route is for the ministry; the token names a subscriber');
  });
});

describe('describing the grants', () => {
  it('says who may call a route, in general', () => {
    expect(describeAccess('public')).toBe('Public: no token needed.');
    expect(describeAccess(ANY_ROLE)).toBe('Who may call it: coordinators, the ministry, subscribers.');
    expect(describeAccess(PUBLISHER)).toBe('Who may call it: the coordinator of the region in the path, the ministry (under regionId `ministerium`).');
  });
});
