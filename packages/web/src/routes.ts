import type { Role } from './api/types';
import { MINISTRY_ID } from './api/types';
import type { Session } from './auth/session';
import { matchPath } from './router';
import type { Loader } from './screen';

/** Which regions a coordinator or the ministry may open under /regionen/:regionId. */
type RegionRule = 'own' | 'own-or-ministry' | 'own-or-ministry-findings';

interface RouteDef {
  readonly pattern: string;
  readonly load: Loader;
  readonly roles: readonly Role[];
  readonly region?: RegionRule;
}

// Each screen is its own chunk: the first load carries the shell, later screens load when opened.
const competenceCircle: Loader = () => import('./screens/competence-circle');
const review: Loader = () => import('./screens/review');
const indicators: Loader = () => import('./screens/indicators');
const regionList: Loader = () => import('./screens/region-list');
const region: Loader = () => import('./screens/region');
const reportMenu: Loader = () => import('./screens/report-menu');
const milestoneForm: Loader = () => import('./screens/milestone-form');
const projectForm: Loader = () => import('./screens/project-form');
const indicatorForm: Loader = () => import('./screens/indicator-form');
const findingForm: Loader = () => import('./screens/finding-form');
const indicatorImport: Loader = () => import('./screens/indicator-import');
const rejections: Loader = () => import('./screens/rejections');
const funding: Loader = () => import('./screens/funding');
const findings: Loader = () => import('./screens/findings');
const subscriptions: Loader = () => import('./screens/subscriptions');

const M: Role[] = ['ministry'];
const C: Role[] = ['coordinator'];
const MC: Role[] = ['ministry', 'coordinator'];

const ROUTES: readonly RouteDef[] = [
  { pattern: '/kompetenzkreis', load: competenceCircle, roles: M },
  { pattern: '/bilanz/:review', load: review, roles: M },
  { pattern: '/indikatoren', load: indicators, roles: M },
  { pattern: '/indikatoren/:indicatorId', load: indicators, roles: M },
  { pattern: '/foerderung', load: funding, roles: M },
  { pattern: '/regionen', load: regionList, roles: M },
  { pattern: '/regionen/:regionId', load: region, roles: MC, region: 'own-or-ministry' },
  { pattern: '/regionen/:regionId/abgelehnt', load: rejections, roles: MC, region: 'own-or-ministry' },
  { pattern: '/regionen/:regionId/melden', load: reportMenu, roles: C, region: 'own' },
  { pattern: '/regionen/:regionId/import', load: indicatorImport, roles: C, region: 'own' },
  { pattern: '/regionen/:regionId/meilensteine/neu', load: milestoneForm, roles: C, region: 'own' },
  { pattern: '/regionen/:regionId/meilensteine/:itemId/bearbeiten', load: milestoneForm, roles: C, region: 'own' },
  { pattern: '/regionen/:regionId/projekte/neu', load: projectForm, roles: C, region: 'own' },
  { pattern: '/regionen/:regionId/projekte/:itemId/bearbeiten', load: projectForm, roles: C, region: 'own' },
  { pattern: '/regionen/:regionId/indikatoren/neu', load: indicatorForm, roles: C, region: 'own' },
  { pattern: '/regionen/:regionId/indikatoren/:indicatorId/:period/bearbeiten', load: indicatorForm, roles: C, region: 'own' },
  { pattern: '/regionen/:regionId/erkenntnisse/neu', load: findingForm, roles: MC, region: 'own-or-ministry-findings' },
  { pattern: '/regionen/:regionId/erkenntnisse/:itemId/bearbeiten', load: findingForm, roles: MC, region: 'own-or-ministry-findings' },
  { pattern: '/erkenntnisse', load: findings, roles: ['ministry', 'coordinator', 'subscriber'] },
  { pattern: '/abonnements', load: subscriptions, roles: ['subscriber'] },
];

/** Where each role starts. */
export const homeOf = (session: Session): string =>
  session.role === 'ministry' ? '/kompetenzkreis' : session.role === 'coordinator' ? `/regionen/${session.regionId ?? ''}` : '/erkenntnisse';

export type Resolved =
  | { kind: 'screen'; route: RouteDef; params: Record<string, string> }
  | { kind: 'forbidden'; reason: 'role' | 'region' }
  | { kind: 'not-found' };

const regionAllowed = (rule: RegionRule, session: Session, regionId: string): boolean => {
  if (session.role === 'coordinator') return regionId === session.regionId;
  if (session.role !== 'ministry') return false;
  if (rule === 'own') return false;
  // The ministry publishes its own findings under its id, and sees every region.
  if (rule === 'own-or-ministry-findings') return regionId === MINISTRY_ID;
  return regionId !== MINISTRY_ID;
};

/**
 * The screen for a path and who may see it: a coordinator gets only the own region's pages
 * (another region's are "no access", before anything is asked of the API).
 */
export const resolveRoute = (path: string, session: Session): Resolved => {
  for (const route of ROUTES) {
    const params = matchPath(route.pattern, path);
    if (params === undefined) continue;
    if (!route.roles.includes(session.role)) return { kind: 'forbidden', reason: 'role' };
    if (route.region && params.regionId !== undefined && !regionAllowed(route.region, session, params.regionId)) {
      return { kind: 'forbidden', reason: 'region' };
    }
    return { kind: 'screen', route, params };
  }
  return { kind: 'not-found' };
};
