// Builders that turn the per-region tables into reports (one report = one PutEvents entry).
// Each builder numbers the revisions of an item itself: every later report of the same milestone,
// project, indicator value or finding is a correction with the next revision.

import {
  defaultCatalogue,
  regionSource,
  type DetailType,
  type FieldOfAction,
  type FindingDetail,
  type Indicator,
  type IndicatorDetail,
  type MilestoneDetail,
  type MilestoneStatus,
  type ProjectDetail,
  type ProjectStatus,
} from '@modellregionen/events';
import { addDays, dateOfLocal, isoInBerlin, type Local, quarterEnd, workingDayFrom, addMinutes } from './berlin-time';
import { jitter, prng, seedOf } from './prng';

/** One report before it is serialised: what the region sends, plus what the demo knows about it. */
export interface Report {
  readonly source: string;
  readonly detailType: DetailType;
  /** `<kind>#<id>[#<period>]`, the item the report is about. */
  readonly itemKey: string;
  readonly detail: { readonly reportedAt: string; readonly revision: number } & Readonly<Record<string, unknown>>;
  readonly note?: string;
  readonly invalid?: true;
}

/** Who reports: a region's coordination office, or the ministry. */
export interface Reporter {
  readonly id: string;
  readonly reportedBy: string;
}

type Year = 2008 | 2009 | 2010 | 2011 | 2012;
const YEARS: readonly Year[] = [2008, 2009, 2010, 2011, 2012];

interface RegionProfile extends Reporter {
  /**
   * Share of people with a migration background, in the whole population and among children and
   * young people: weights the two groups into the total of a disaggregated indicator.
   */
  readonly share: { readonly population: number; readonly young: number };
  /** Source named on the 2008 baseline values. */
  readonly baselineSource: string;
  /** When the indicator values of each year were sent: the first report of the batch. */
  readonly monitoring: Readonly<Record<Year, Local>>;
  /** A source that names the region's own monitoring from a given year on, instead of the default. */
  readonly sourceByYear?: Readonly<Partial<Record<Year, string>>>;
}

const common = (reporter: Reporter, revision: number, at: Local) => ({
  schemaVersion: 1 as const,
  regionId: reporter.id,
  revision,
  reportedAt: isoInBerlin(at),
  reportedBy: reporter.reportedBy,
});

const assertChronological = (what: string, times: readonly Local[]): void => {
  for (let i = 1; i < times.length; i++) {
    if ((times[i] ?? '') <= (times[i - 1] ?? '')) throw new Error(`${what}: report ${i + 1} (${times[i]}) is not after ${times[i - 1]}`);
  }
};

// ---------------------------------------------------------------------------------------------
// Milestones

export interface MilestoneStep {
  readonly at: Local;
  readonly status: MilestoneStatus;
  readonly achievedDate?: string;
  /** A new due date, kept for the later reports too. */
  readonly dueDate?: string;
  readonly note?: string;
}

export const plan = (at: Local, note?: string): MilestoneStep => ({ at, status: 'planned', note });
export const begin = (at: Local, note?: string): MilestoneStep => ({ at, status: 'in_progress', note });
export const done = (at: Local, achievedDate: string, note?: string): MilestoneStep => ({ at, status: 'achieved', achievedDate, note });
export const delay = (at: Local, dueDate: string, note: string): MilestoneStep => ({ at, status: 'delayed', dueDate, note });
export const cancel = (at: Local, note: string): MilestoneStep => ({ at, status: 'cancelled', note });

interface MilestoneSpec {
  readonly id: string;
  readonly title: string;
  readonly fieldOfAction?: FieldOfAction;
  readonly dueDate: string;
  readonly steps: readonly MilestoneStep[];
}

const milestoneReports = (region: Reporter, spec: MilestoneSpec): Report[] => {
  assertChronological(
    `${region.id} milestone ${spec.id}`,
    spec.steps.map((s) => s.at),
  );
  let dueDate = spec.dueDate;
  return spec.steps.map((step, i) => {
    dueDate = step.dueDate ?? dueDate;
    const revision = i + 1;
    const detail: MilestoneDetail = {
      ...common(region, revision, step.at),
      milestoneId: spec.id,
      title: spec.title,
      status: step.status,
      dueDate,
      ...(step.achievedDate !== undefined && { achievedDate: step.achievedDate }),
      ...(spec.fieldOfAction !== undefined && { fieldOfAction: spec.fieldOfAction }),
      ...(step.note !== undefined && { note: step.note }),
    };
    const what = step.status === 'delayed' ? `delayed, now due ${dueDate}` : step.status.replace('_', ' ');
    return {
      source: regionSource(region.id),
      detailType: 'MilestoneReported',
      itemKey: `milestone#${spec.id}`,
      detail,
      note: `milestone ${spec.id}: ${what}${revision > 1 ? ` (correction, revision ${revision})` : ''}`,
    };
  });
};

// ---------------------------------------------------------------------------------------------
// Projects

export type Funding = ProjectDetail['funding'][number];
const LANDESPROGRAMM = 'Landesprogramm Modellregionen Integration';
export const land = (amountEur: number, programme = LANDESPROGRAMM): Funding => ({ programme, source: 'land', amountEur });
export const kommune = (amountEur: number, programme: string): Funding => ({ programme, source: 'kommune', amountEur });
export const bund = (amountEur: number, programme: string): Funding => ({ programme, source: 'bund', amountEur });
export const eu = (amountEur: number, programme = 'Europäischer Sozialfonds'): Funding => ({ programme, source: 'eu', amountEur });
export const stiftung = (amountEur: number, programme: string): Funding => ({ programme, source: 'stiftung', amountEur });
export const other = (amountEur: number, programme: string): Funding => ({ programme, source: 'other', amountEur });

export interface ProjectStep {
  readonly at: Local;
  readonly status: ProjectStatus;
  /** Changes kept for the later reports too. */
  readonly endDate?: string;
  readonly funding?: readonly Funding[];
  readonly summary?: string;
  /** Why the demo has this report (progress line only). */
  readonly why?: string;
}

export const projectStep = (at: Local, status: ProjectStatus, changes: Omit<ProjectStep, 'at' | 'status'> = {}): ProjectStep => ({
  at,
  status,
  ...changes,
});

interface ProjectSpec {
  readonly id: string;
  readonly title: string;
  readonly fieldOfAction: FieldOfAction;
  readonly startDate: string;
  readonly endDate?: string;
  readonly funding: readonly Funding[];
  readonly partners?: readonly string[];
  readonly lighthouse?: boolean;
  readonly summary?: string;
  readonly steps: readonly ProjectStep[];
}

const sumFunding = (funding: readonly Funding[]): number => Math.round(funding.reduce((n, f) => n + f.amountEur * 100, 0)) / 100;

const projectReports = (region: Reporter, spec: ProjectSpec): Report[] => {
  assertChronological(
    `${region.id} project ${spec.id}`,
    spec.steps.map((s) => s.at),
  );
  let { endDate, funding, summary } = spec;
  return spec.steps.map((step, i) => {
    endDate = step.endDate ?? endDate;
    funding = step.funding ?? funding;
    summary = step.summary ?? summary;
    const revision = i + 1;
    const detail: ProjectDetail = {
      ...common(region, revision, step.at),
      projectId: spec.id,
      title: spec.title,
      fieldOfAction: spec.fieldOfAction,
      status: step.status,
      startDate: spec.startDate,
      ...(endDate !== undefined && { endDate }),
      funding: funding.map((f) => ({ ...f })),
      ...(spec.partners !== undefined && { partners: [...spec.partners] }),
      ...(spec.lighthouse !== undefined && { lighthouse: spec.lighthouse }),
      ...(summary !== undefined && { summary }),
    };
    const why = step.why ?? `${step.status}, funding ${sumFunding(funding).toFixed(2)} EUR`;
    return {
      source: regionSource(region.id),
      detailType: 'ProjectReported',
      itemKey: `project#${spec.id}`,
      detail,
      note: `project ${spec.id}: ${why}${revision > 1 ? ` (correction, revision ${revision})` : ''}`,
    };
  });
};

// ---------------------------------------------------------------------------------------------
// Indicators

const indicatorsById = new Map<string, Indicator>(defaultCatalogue.indicators.map((i) => [i.id, i]));
const indicatorDef = (id: string): Indicator => {
  const def = indicatorsById.get(id);
  if (def === undefined) throw new Error(`unknown indicator in the demo data: ${id}`);
  return def;
};

/** Indicators about children and young people: their totals are weighted with the young share. */
const YOUNG = new Set([
  'daycare-attendance-3-to-6',
  'daycare-attendance-under-3',
  'school-leavers-without-qualification',
  'school-leavers-university-entrance',
  'language-support-need-school-entry',
  'youth-unemployment-rate',
  'vocational-training-rate',
  'early-childhood-screening-participation',
  'youth-sports-club-membership',
]);

/** Where a year's value comes from, unless the series or the region names another source. */
const DEFAULT_SOURCES: Readonly<Record<string, string>> = {
  'daycare-attendance-3-to-6': 'Kita-Bedarfsplanung des Jugendamts {year}',
  'daycare-attendance-under-3': 'Kita-Bedarfsplanung des Jugendamts {year}',
  'school-leavers-without-qualification': 'Schulstatistik, Abgangsjahrgang {year}',
  'school-leavers-university-entrance': 'Schulstatistik, Abgangsjahrgang {year}',
  'language-support-need-school-entry': 'Schuleingangsuntersuchungen des Gesundheitsamts {year}',
  'integration-course-participants': 'BAMF-Integrationskursstatistik und Kursträgerabfrage {year}',
  'unemployment-rate': 'Bundesagentur für Arbeit, Statistik-Service Hessen',
  'youth-unemployment-rate': 'Bundesagentur für Arbeit, Statistik-Service Hessen',
  'vocational-training-rate': 'Berufsbildungsstatistik und Bevölkerungsfortschreibung {year}',
  'basic-income-support-rate': 'Statistik der Grundsicherung für Arbeitsuchende, Dezember {year}',
  naturalisations: 'Einbürgerungsstatistik {year}',
  'naturalisation-rate': 'Einbürgerungsstatistik {year}',
  'advisory-council-turnout': 'Wahlamt',
  'administration-staff-migration-background': 'Beschäftigtenbefragung der Verwaltung {year}',
  'early-childhood-screening-participation': 'Schuleingangsuntersuchungen des Gesundheitsamts {year}',
  'youth-sports-club-membership': 'Bestandserhebung der Sportvereine {year}',
  'integration-budget': 'Haushaltsplan {year}, Integrationsmaßnahmen aller Ämter',
};

/** `[withMigrationBackground, withoutMigrationBackground]` of a disaggregated indicator. */
export type Pair = readonly [number, number];

interface SeriesCorrection {
  readonly year: Year;
  readonly at: Local;
  /** Added to the value with migration background (or to the total of a plain indicator). */
  readonly shift: number;
  readonly source?: string;
  readonly why: string;
}

export interface SeriesSpec {
  readonly indicatorId: string;
  /** The 2008 baseline. */
  readonly from: number | Pair;
  /** The 2012 value; the years between follow the line between the two, with a little noise. */
  readonly to: number | Pair;
  /** Days after the region's batch date on which this indicator's values come in (not the baseline). */
  readonly delayDays?: number;
  readonly source?: string;
  /** Quarterly values as well, for these years; seasonal factors for Q1 to Q4. */
  readonly quarters?: { readonly years: readonly Year[]; readonly seasonal: readonly [number, number, number, number] };
  readonly corrections?: readonly SeriesCorrection[];
}

export const series = (
  indicatorId: string,
  from: number | Pair,
  to: number | Pair,
  options: Omit<SeriesSpec, 'indicatorId' | 'from' | 'to'> = {},
): SeriesSpec => ({ indicatorId, from, to, ...options });

/** A single value outside the annual series, e.g. the turnout of one election (period `YYYY-MM`). */
interface SingleValueSpec {
  readonly indicatorId: string;
  readonly period: string;
  readonly at: Local;
  readonly total: number;
  readonly source: string;
}

type Values = IndicatorDetail['values'];

const roundFor = (def: Indicator, n: number): number => {
  const clamped = Math.min(def.max, Math.max(def.min, n));
  switch (def.unit) {
    case 'count':
      return Math.round(clamped);
    case 'eur':
      // budgets are planned in hundreds of euros
      return Math.round(clamped / 100) * 100;
    default:
      return Math.round(clamped * 10) / 10;
  }
};

const noiseAmplitude = (def: Indicator, from: number, to: number): number => {
  switch (def.unit) {
    case 'count':
    case 'eur':
      return Math.max(from, to) * 0.025;
    default:
      return Math.max(0.2, Math.abs(to - from) * 0.08);
  }
};

/** The modelled values of a series in one year (exact at 2008 and 2012). */
const yearValues = (region: RegionProfile, spec: SeriesSpec, def: Indicator): Map<Year, Values> => {
  const next = prng(`${region.id}/${spec.indicatorId}`);
  const t = (year: Year) => (year - 2008) / 4;
  const point = (from: number, to: number, year: Year) => {
    const noise = jitter(next, noiseAmplitude(def, from, to));
    return year === 2008 || year === 2012 ? from + (to - from) * t(year) : from + (to - from) * t(year) + noise;
  };
  const out = new Map<Year, Values>();
  for (const year of YEARS) {
    if (typeof spec.from === 'number' && typeof spec.to === 'number') {
      if (def.disaggregated) throw new Error(`${spec.indicatorId} is disaggregated: give [with, without]`);
      out.set(year, { total: roundFor(def, point(spec.from, spec.to, year)) });
    } else if (typeof spec.from !== 'number' && typeof spec.to !== 'number') {
      if (!def.disaggregated) throw new Error(`${spec.indicatorId} has no breakdown: give a single number`);
      const w = roundFor(def, point(spec.from[0], spec.to[0], year));
      const wo = roundFor(def, point(spec.from[1], spec.to[1], year));
      out.set(year, withTotal(region, def, w, wo));
    } else {
      throw new Error(`${region.id} ${spec.indicatorId}: from and to must have the same shape`);
    }
  }
  return out;
};

const withTotal = (region: RegionProfile, def: Indicator, w: number, wo: number): Values => {
  const share = YOUNG.has(def.id) ? region.share.young : region.share.population;
  return { total: roundFor(def, share * w + (1 - share) * wo), withMigrationBackground: w, withoutMigrationBackground: wo };
};

const shifted = (region: RegionProfile, def: Indicator, v: Values, shift: number): Values =>
  def.disaggregated
    ? withTotal(region, def, roundFor(def, (v.withMigrationBackground ?? 0) + shift), v.withoutMigrationBackground ?? 0)
    : { total: roundFor(def, (v.total ?? 0) + shift) };

const sourceFor = (region: RegionProfile, spec: SeriesSpec, year: Year): string => {
  if (year === 2008) return region.baselineSource;
  const template = spec.source ?? region.sourceByYear?.[year] ?? DEFAULT_SOURCES[spec.indicatorId] ?? 'Kommunale Statistik {year}';
  return template.replace('{year}', String(year));
};

const indicatorReport = (
  region: RegionProfile,
  indicatorId: string,
  period: string,
  revision: number,
  at: Local,
  values: Values,
  source: string,
  note: string,
  isBaseline = false,
): Report => {
  const detail: IndicatorDetail = {
    ...common(region, revision, at),
    indicatorId,
    period,
    values,
    source,
    ...(isBaseline && { isBaseline: true }),
  };
  return {
    source: regionSource(region.id),
    detailType: 'IndicatorReported',
    itemKey: `indicator#${indicatorId}#${period}`,
    detail,
    note,
  };
};

/** All reports of one series: annual values 2008 to 2012, quarterly values, corrections. */
const seriesReports = (region: RegionProfile, spec: SeriesSpec, position: number): Report[] => {
  const def = indicatorDef(spec.indicatorId);
  const values = yearValues(region, spec, def);
  const reports: Report[] = [];
  for (const year of YEARS) {
    const batch = region.monitoring[year];
    const day = year === 2008 ? dateOfLocal(batch) : workingDayFrom(addDays(dateOfLocal(batch), spec.delayDays ?? 0));
    const at = addMinutes(`${day} ${batch.slice(11)}`, position * 3);
    const v = values.get(year) ?? {};
    const why = year === 2008 ? `baseline 2008 of ${spec.indicatorId}` : `${spec.indicatorId} ${year}`;
    reports.push(indicatorReport(region, spec.indicatorId, String(year), 1, at, v, sourceFor(region, spec, year), why, year === 2008));
    for (const c of (spec.corrections ?? []).filter((x) => x.year === year)) {
      reports.push(
        indicatorReport(
          region,
          spec.indicatorId,
          String(year),
          2,
          c.at,
          shifted(region, def, v, c.shift),
          c.source ?? sourceFor(region, spec, year),
          `${spec.indicatorId} ${year}: ${c.why} (correction, revision 2)`,
        ),
      );
    }
  }
  if (spec.quarters !== undefined) {
    const next = prng(`${region.id}/${spec.indicatorId}/quarters`);
    for (const year of spec.quarters.years) {
      const annual = values.get(year) ?? {};
      spec.quarters.seasonal.forEach((factor, q) => {
        const quarter = q + 1;
        const scale = (n: number | undefined) => (n === undefined ? undefined : roundFor(def, n * factor + jitter(next, 0.15)));
        const w = scale(annual.withMigrationBackground);
        const wo = scale(annual.withoutMigrationBackground);
        const v: Values = w !== undefined && wo !== undefined ? withTotal(region, def, w, wo) : { total: scale(annual.total) ?? 0 };
        // the regional statistics arrive some weeks after the quarter; each office has its own hour
        const at = addMinutes(`${workingDayFrom(addDays(quarterEnd(year, quarter), 18))} 09:00`, 10 + (seedOf(region.id) % 50));
        reports.push(
          indicatorReport(
            region,
            spec.indicatorId,
            `${year}-Q${quarter}`,
            1,
            at,
            v,
            sourceFor(region, spec, year),
            `quarterly value ${spec.indicatorId} ${year}-Q${quarter}`,
          ),
        );
      });
    }
  }
  return reports;
};

const singleValueReport = (region: RegionProfile, spec: SingleValueSpec): Report =>
  indicatorReport(
    region,
    spec.indicatorId,
    spec.period,
    1,
    spec.at,
    { total: roundFor(indicatorDef(spec.indicatorId), spec.total) },
    spec.source,
    `${spec.indicatorId} ${spec.period}`,
  );

// ---------------------------------------------------------------------------------------------
// Findings

export interface FindingSpec {
  readonly id: string;
  readonly at: Local;
  readonly title: string;
  readonly summary: string;
  readonly fieldOfAction: FieldOfAction;
  readonly relatedProjectIds?: readonly string[];
  readonly tags?: readonly string[];
  /** A later, corrected version of the summary. */
  readonly update?: { readonly at: Local; readonly summary: string; readonly why: string };
}

export const findingReports = (reporter: Reporter, spec: FindingSpec): Report[] => {
  const versions = [{ at: spec.at, summary: spec.summary, why: 'published' }, ...(spec.update ? [spec.update] : [])];
  assertChronological(
    `${reporter.id} finding ${spec.id}`,
    versions.map((v) => v.at),
  );
  return versions.map((v, i): Report => {
    const detail: FindingDetail = {
      ...common(reporter, i + 1, v.at),
      findingId: spec.id,
      title: spec.title,
      summary: v.summary,
      fieldOfAction: spec.fieldOfAction,
      ...(spec.relatedProjectIds !== undefined && { relatedProjectIds: [...spec.relatedProjectIds] }),
      ...(spec.tags !== undefined && { tags: [...spec.tags] }),
    };
    return {
      source: regionSource(reporter.id),
      detailType: 'FindingPublished',
      itemKey: `finding#${spec.id}`,
      detail,
      note: `finding ${spec.id}: ${v.why}${i > 0 ? ` (correction, revision ${i + 1})` : ''}`,
    };
  });
};

// ---------------------------------------------------------------------------------------------
// A region's whole history

export interface RegionData {
  readonly profile: RegionProfile;
  readonly milestones: readonly MilestoneSpec[];
  readonly projects: readonly ProjectSpec[];
  readonly indicators: readonly SeriesSpec[];
  readonly singleValues?: readonly SingleValueSpec[];
  readonly findings: readonly FindingSpec[];
}

export const regionReports = (data: RegionData): Report[] => {
  const projectIds = new Set(data.projects.map((p) => p.id));
  for (const f of data.findings) {
    for (const id of f.relatedProjectIds ?? []) {
      if (!projectIds.has(id)) throw new Error(`${data.profile.id} finding ${f.id} names an unknown project ${id}`);
    }
  }
  return [
    ...data.milestones.flatMap((m) => milestoneReports(data.profile, m)),
    ...data.projects.flatMap((p) => projectReports(data.profile, p)),
    ...data.indicators.flatMap((s, i) => seriesReports(data.profile, s, i)),
    ...(data.singleValues ?? []).map((s) => singleValueReport(data.profile, s)),
    ...data.findings.flatMap((f) => findingReports(data.profile, f)),
  ];
};
