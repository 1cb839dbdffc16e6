import { describe, expect, it } from 'vitest';
import { type Session, sessionFromToken } from '../src/auth/session';
import { homeOf, resolveRoute } from '../src/routes';
import { matchPath } from '../src/router';

const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims), 'sig'].map((p, i) => (i < 2 ? Buffer.from(p).toString('base64url') : p)).join('.');
const soon = Math.floor(Date.now() / 1000) + 3600;

const ministry: Session = { idToken: 't', role: 'ministry', subject: 'm', name: 'Ministerium', expiresAt: Date.now() + 1e6 };
const kassel: Session = { idToken: 't', role: 'coordinator', subject: 'c', name: 'Koordination', regionId: 'kassel', expiresAt: Date.now() + 1e6 };
const giessen: Session = { idToken: 't', role: 'subscriber', subject: 's', name: 'Gießen', municipality: 'Stadt Gießen', expiresAt: Date.now() + 1e6 };

describe('who sees which screen', () => {
  it('lets a coordinator see only the own region\u2019s pages', () => {
    expect(resolveRoute('/regionen/kassel', kassel)).toMatchObject({ kind: 'screen', params: { regionId: 'kassel' } });
    expect(resolveRoute('/regionen/kassel/meilensteine/auftakt/bearbeiten', kassel)).toMatchObject({ kind: 'screen', params: { itemId: 'auftakt' } });
    for (const path of ['/regionen/wetzlar', '/regionen/wetzlar/abgelehnt', '/regionen/wetzlar/import', '/regionen/ministerium/erkenntnisse/neu']) {
      expect([path, resolveRoute(path, kassel)]).toEqual([path, { kind: 'forbidden', reason: 'region' }]);
    }
    expect(resolveRoute('/kompetenzkreis', kassel)).toEqual({ kind: 'forbidden', reason: 'role' });
  });

  it('lets the ministry see every region but report for none, and publish findings under its own id', () => {
    expect(resolveRoute('/regionen/wetzlar', ministry).kind).toBe('screen');
    expect(resolveRoute('/regionen/wetzlar/meilensteine/neu', ministry)).toEqual({ kind: 'forbidden', reason: 'role' });
    expect(resolveRoute('/regionen/ministerium/erkenntnisse/neu', ministry).kind).toBe('screen');
    expect(resolveRoute('/regionen/wetzlar/erkenntnisse/neu', ministry)).toEqual({ kind: 'forbidden', reason: 'region' });
  });

  it('gives subscribers the findings and their subscriptions only', () => {
    expect(resolveRoute('/erkenntnisse', giessen).kind).toBe('screen');
    expect(resolveRoute('/abonnements', giessen).kind).toBe('screen');
    expect(resolveRoute('/regionen/kassel', giessen)).toEqual({ kind: 'forbidden', reason: 'role' });
    expect(resolveRoute('/nirgends', giessen)).toEqual({ kind: 'not-found' });
    expect([homeOf(ministry), homeOf(kassel), homeOf(giessen)]).toEqual(['/kompetenzkreis', '/regionen/kassel', '/erkenntnisse']);
  });

  it('decodes path parameters and refuses broken ones', () => {
    expect(matchPath('/indikatoren/:indicatorId', '/indikatoren/unemployment-rate')).toEqual({ indicatorId: 'unemployment-rate' });
    expect(matchPath('/regionen/:regionId', '/regionen/%E0%A4%A')).toBeUndefined();
    expect(matchPath('/regionen/:regionId', '/regionen/kassel/abgelehnt')).toBeUndefined();
  });
});

describe('the session from an ID token', () => {
  it('reads the claims the API reads: the role group, the region, the municipality, the expiry', () => {
    expect(
      sessionFromToken(
        jwt({ sub: 'coordinator:kassel', 'cognito:groups': ['coordinator'], 'custom:region': 'kassel', name: 'Koordination Stadt Kassel', exp: soon }),
      ),
    ).toMatchObject({
      role: 'coordinator',
      regionId: 'kassel',
      name: 'Koordination Stadt Kassel',
      expiresAt: soon * 1000,
    });
    expect(sessionFromToken(jwt({ sub: 's', 'cognito:groups': ['subscriber'], 'custom:municipality': 'Stadt Gießen', exp: soon }))).toMatchObject({
      municipality: 'Stadt Gießen',
    });
  });

  it('names no session for tokens the API would refuse', () => {
    expect(sessionFromToken('not-a-jwt')).toEqual({ invalid: 'not a JWT' });
    expect(sessionFromToken(jwt({ sub: 'x', 'cognito:groups': ['ministry', 'subscriber'], exp: soon }))).toEqual({ invalid: 'the token names no single role' });
    expect(sessionFromToken(jwt({ sub: 'x', 'cognito:groups': ['coordinator'], exp: soon }))).toEqual({ invalid: "a coordinator's token names no region" });
    expect(sessionFromToken(jwt({ sub: 'x', 'cognito:groups': ['ministry'], exp: 1 }))).toEqual({ invalid: 'the token has expired' });
    expect(sessionFromToken(jwt({ sub: 'x', 'cognito:groups': ['ministry'] }))).toEqual({ invalid: 'the token has no expiry' });
  });
});
