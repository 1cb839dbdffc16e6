// The demo history of `npm start -- --demo`: six model regions and the ministry, October 2009 to
// December 2013, as PutEvents entries in the order they were reported. Deterministic: the same
// entries on every call (no clock, no Math.random; variety comes from a seeded PRNG).

import { findingReports, regionReports, type Report } from './builders';
import { invalidReports } from './invalid-reports';
import { hochtaunuskreis } from './regions/hochtaunuskreis';
import { kassel } from './regions/kassel';
import { mainKinzigHanau } from './regions/main-kinzig-hanau';
import { ministry, ministryFindings } from './regions/ministerium';
import { offenbach } from './regions/offenbach';
import { wetzlar } from './regions/wetzlar';
import { wiesbaden } from './regions/wiesbaden';

export interface DemoEntry {
  Source: string;
  DetailType: string;
  Detail: string;
  /** why it is in the demo, for the progress line */
  note?: string;
  /** true for the few deliberately invalid reports */
  invalid?: boolean;
}

/** The regions of the demo, in the order of the registry. */
const DEMO_REGIONS = [kassel, wetzlar, wiesbaden, hochtaunuskreis, offenbach, mainKinzigHanau] as const;

const byReportedAt = (a: Report, b: Report): number =>
  Date.parse(a.detail.reportedAt) - Date.parse(b.detail.reportedAt) ||
  (a.source < b.source ? -1 : a.source > b.source ? 1 : 0) ||
  (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0) ||
  a.detail.revision - b.detail.revision;

const toEntry = (r: Report): DemoEntry => ({
  Source: r.source,
  DetailType: r.detailType,
  Detail: JSON.stringify(r.detail),
  ...(r.note !== undefined && { note: r.note }),
  ...(r.invalid === true && { invalid: true }),
});

export function demoHistory(): DemoEntry[] {
  const valid = [...DEMO_REGIONS.flatMap((region) => regionReports(region)), ...ministryFindings.flatMap((finding) => findingReports(ministry, finding))];
  return [...valid, ...invalidReports(valid)].sort(byReportedAt).map(toEntry);
}
