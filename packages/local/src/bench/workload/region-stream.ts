// One region's reports, generated from the demo: new milestones, projects (with funding lines),
// indicator values (years, quarters and months) and findings, and later reports of the same items
// (a milestone's progress, a project's new funding, corrected values), in the demo's proportions.
// Deterministic: a stream of the same options is the same on every run.
import {
  defaultCatalogue,
  type FindingDetail,
  type Indicator,
  type IndicatorDetail,
  type MilestoneDetail,
  type MilestoneStatus,
  type ProjectDetail,
  type ProjectStatus,
  regionSource,
} from '@modellregionen/events';
import { addDays } from '../../demo/berlin-time';
import { prng } from '../../demo/prng';
import { createClock, type Window } from './clock';
import { eventIdOf } from './event-ids';
import { createSlots } from './indicator-slots';
import { levelOf, valuesNear } from './indicator-values';
import { demoMix, type Kind, KINDS, templatesOf } from './templates';

/** An event as EventBridge delivers it to the aggregation queue. */
export interface BenchEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface StreamOptions {
  readonly regionId: string;
  /** Names the stream: seeds its PRNG and marks its event ids; unique among the streams of a run. */
  readonly name: string;
  /** Marks the ids of the items the stream creates (lower-case letters), so that two streams never share an item. */
  readonly idTag: string;
  /** How many reports will be taken: their days spread evenly over `window`. */
  readonly expected: number;
  readonly window: Window;
  /** The years whose periods new indicator values fill, in this order. */
  readonly periodYears: readonly number[];
  /** The working day of the window (0: its first) each report is made on; spread evenly when absent. */
  readonly workingDayOf?: (index: number) => number;
}

export interface StreamReport {
  readonly event: BenchEvent;
  readonly kind: Kind;
  /** Whether this is the first report of its item (a region's item count grows by one). */
  readonly newItem: boolean;
}

type Detail = MilestoneDetail | ProjectDetail | IndicatorDetail | FindingDetail;

const DETAIL_TYPE: Readonly<Record<Kind, string>> = {
  milestone: 'MilestoneReported',
  project: 'ProjectReported',
  indicator: 'IndicatorReported',
  finding: 'FindingPublished',
};

/** What a milestone's or a project's next report says, with its odds. */
const MILESTONE_NEXT: Readonly<Partial<Record<MilestoneStatus, readonly [MilestoneStatus, number][]>>> = {
  planned: [
    ['in_progress', 0.6],
    ['delayed', 0.15],
    ['achieved', 0.15],
    ['cancelled', 0.1],
  ],
  in_progress: [
    ['achieved', 0.6],
    ['delayed', 0.3],
    ['cancelled', 0.1],
  ],
  delayed: [
    ['in_progress', 0.4],
    ['achieved', 0.6],
  ],
};
const PROJECT_NEXT: Readonly<Partial<Record<ProjectStatus, readonly [ProjectStatus, number][]>>> = {
  planned: [
    ['running', 0.8],
    ['discontinued', 0.2],
  ],
  running: [
    ['running', 0.5],
    ['completed', 0.4],
    ['discontinued', 0.1],
  ],
};

const INDICATORS = new Map<string, Indicator>(defaultCatalogue.indicators.map((i) => [i.id, i]));
const cents = (n: number) => Math.round(n * 100) / 100;

/** Removes one element from an unordered list in constant time. */
const removeAt = <T>(list: T[], index: number) => {
  list[index] = list[list.length - 1]!;
  list.pop();
};

export function* regionStream(options: StreamOptions): Generator<StreamReport, never> {
  const { regionId } = options;
  const next = prng(options.name);
  const templates = templatesOf(regionId);
  const clock = createClock(options.window, options.expected, next, options.workingDayOf);
  const slots = createSlots(options.periodYears);
  const mix = demoMix();

  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const chance = (p: number) => next() < p;
  const choose = <T>(odds: readonly [T, number][]): T => {
    let r = next();
    for (const [value, p] of odds) {
      r -= p;
      if (r < 0) return value;
    }
    return odds[odds.length - 1]![0];
  };

  let counter = 0;
  /** A new item's id: its template's, marked with the stream and a number (a slug of at most 64 characters). */
  const newId = (base: string) => {
    const suffix = `${options.idTag}${(counter++).toString(36)}`;
    return `${base.slice(0, 63 - suffix.length).replace(/-+$/, '')}-${suffix}`;
  };

  const milestones = new Map<string, MilestoneDetail>();
  const openMilestones: string[] = [];
  const projects = new Map<string, ProjectDetail>();
  const openProjects: string[] = [];
  const projectIds: string[] = [];
  const values: IndicatorDetail[] = [];
  const findings: FindingDetail[] = [];

  const common = (revision: number, reportedAt: string) => ({
    schemaVersion: 1 as const,
    regionId,
    revision,
    reportedAt,
    reportedBy: templates.reportedBy,
  });

  type Made = { kind: Kind; detail: Detail; newItem: boolean } | undefined;
  type At = { date: string; reportedAt: string };

  const newMilestone = ({ date, reportedAt }: At): Made => {
    const t = pick(templates.milestones);
    // Due dates spread over the programme years; a milestone planned late is due a little later.
    const earliest = addDays(date, 14);
    const dueDate =
      earliest < '2013-12-31' ? addDays(earliest, Math.floor(next() * ((Date.parse('2013-12-31') - Date.parse(earliest)) / 86_400_000))) : earliest;
    const detail: MilestoneDetail = {
      ...common(1, reportedAt),
      milestoneId: newId(t.milestoneId),
      title: t.title,
      status: 'planned',
      dueDate,
      ...(t.fieldOfAction !== undefined && { fieldOfAction: t.fieldOfAction }),
    };
    milestones.set(detail.milestoneId, detail);
    openMilestones.push(detail.milestoneId);
    return { kind: 'milestone', detail, newItem: true };
  };

  const milestoneAgain = ({ date, reportedAt }: At): Made => {
    if (openMilestones.length === 0) return undefined;
    const index = Math.floor(next() * openMilestones.length);
    const prev = milestones.get(openMilestones[index]!)!;
    const status = choose<MilestoneStatus>(MILESTONE_NEXT[prev.status] ?? [['achieved', 1]]);
    const note = pick(templates.milestones).note;
    const detail: MilestoneDetail = {
      ...common(prev.revision + 1, reportedAt),
      milestoneId: prev.milestoneId,
      title: prev.title,
      status,
      dueDate: status === 'delayed' ? addDays(prev.dueDate, between(60, 300)) : prev.dueDate,
      ...(status === 'achieved' && { achievedDate: addDays(date, -between(0, 14)) }),
      ...(prev.fieldOfAction !== undefined && { fieldOfAction: prev.fieldOfAction }),
      ...(note !== undefined && { note }),
    };
    milestones.set(detail.milestoneId, detail);
    if (status === 'achieved' || status === 'cancelled') removeAt(openMilestones, index);
    return { kind: 'milestone', detail, newItem: false };
  };

  const fundingLine = () => {
    const line = pick(pick(templates.projects).funding);
    return { ...line, amountEur: cents(line.amountEur * (0.5 + next())) };
  };

  const newProject = ({ date, reportedAt }: At): Made => {
    const t = pick(templates.projects);
    const startDate = addDays(date, between(0, 120));
    const detail: ProjectDetail = {
      ...common(1, reportedAt),
      projectId: newId(t.projectId),
      title: t.title,
      fieldOfAction: t.fieldOfAction,
      status: chance(0.7) ? 'planned' : 'running',
      startDate,
      endDate: addDays(startDate, between(180, 1100)),
      funding: [...t.funding.map((f) => ({ ...f, amountEur: cents(f.amountEur * (0.5 + next())) })), ...(chance(0.3) ? [fundingLine()] : [])],
      ...(t.partners !== undefined && { partners: t.partners }),
      ...(t.lighthouse !== undefined && { lighthouse: t.lighthouse }),
      ...(t.summary !== undefined && { summary: t.summary }),
    };
    projects.set(detail.projectId, detail);
    openProjects.push(detail.projectId);
    projectIds.push(detail.projectId);
    return { kind: 'project', detail, newItem: true };
  };

  const projectAgain = ({ reportedAt }: At): Made => {
    if (openProjects.length === 0) return undefined;
    const index = Math.floor(next() * openProjects.length);
    const prev = projects.get(openProjects[index]!)!;
    const status = choose<ProjectStatus>(PROJECT_NEXT[prev.status] ?? [['completed', 1]]);
    // A running project reports again when its funding changes: a new line, or more from one source.
    let funding = prev.funding;
    if (status === 'running' && prev.status === 'running') {
      if (funding.length < 6 && chance(0.5)) funding = [...funding, fundingLine()];
      else {
        const i = Math.floor(next() * funding.length);
        funding = funding.map((f, j) => (j === i ? { ...f, amountEur: cents(f.amountEur * (1.05 + next() / 4)) } : f));
      }
    }
    const detail: ProjectDetail = { ...prev, ...common(prev.revision + 1, reportedAt), status, funding };
    projects.set(detail.projectId, detail);
    if (status === 'completed' || status === 'discontinued') removeAt(openProjects, index);
    return { kind: 'project', detail, newItem: false };
  };

  const sourceOf = (indicatorId: string) => {
    const sources = templates.indicators.get(indicatorId)?.sources ?? [];
    return sources.length > 0 ? pick(sources) : 'Kommunale Statistik';
  };

  const newValue = ({ date, reportedAt }: At): Made => {
    const slot = slots.take(date);
    if (slot === undefined) return undefined;
    const def = INDICATORS.get(slot.indicatorId)!;
    const detail: IndicatorDetail = {
      ...common(1, reportedAt),
      indicatorId: slot.indicatorId,
      period: slot.period,
      values: valuesNear(def, levelOf(regionId, def), 0.15, next),
      source: sourceOf(slot.indicatorId),
      ...(slot.period === '2008' && { isBaseline: true }),
    };
    values.push(detail);
    return { kind: 'indicator', detail, newItem: true };
  };

  const valueAgain = ({ reportedAt }: At): Made => {
    if (values.length === 0) return undefined;
    const index = Math.floor(next() * values.length);
    const prev = values[index]!;
    const def = INDICATORS.get(prev.indicatorId)!;
    const detail: IndicatorDetail = { ...prev, ...common(prev.revision + 1, reportedAt), values: valuesNear(def, levelOf(regionId, def), 0.15, next) };
    values[index] = detail;
    return { kind: 'indicator', detail, newItem: false };
  };

  const newFinding = ({ reportedAt }: At): Made => {
    const t = pick(templates.findings);
    const related = t.relatedProjectIds !== undefined && projectIds.length > 0 ? [pick(projectIds)] : undefined;
    const detail: FindingDetail = {
      ...common(1, reportedAt),
      findingId: newId(t.findingId),
      title: t.title,
      summary: t.summary,
      fieldOfAction: t.fieldOfAction,
      ...(related !== undefined && { relatedProjectIds: related }),
      ...(t.tags !== undefined && { tags: t.tags }),
    };
    findings.push(detail);
    return { kind: 'finding', detail, newItem: true };
  };

  const findingAgain = ({ reportedAt }: At): Made => {
    if (findings.length === 0) return undefined;
    const index = Math.floor(next() * findings.length);
    const prev = findings[index]!;
    const detail: FindingDetail = { ...prev, ...common(prev.revision + 1, reportedAt), summary: pick(templates.findings).summary };
    findings[index] = detail;
    return { kind: 'finding', detail, newItem: false };
  };

  const makers: Readonly<Record<Kind, { readonly make: (at: At) => Made; readonly again: (at: At) => Made }>> = {
    milestone: { make: newMilestone, again: milestoneAgain },
    project: { make: newProject, again: projectAgain },
    indicator: { make: newValue, again: valueAgain },
    finding: { make: newFinding, again: findingAgain },
  };
  const odds: [{ kind: Kind; again: boolean }, number][] = KINDS.flatMap((kind) => [
    [{ kind, again: false }, mix[kind].newItem] as [{ kind: Kind; again: boolean }, number],
    [{ kind, again: true }, mix[kind].again] as [{ kind: Kind; again: boolean }, number],
  ]);

  for (let index = 0; ; index += 1) {
    const at = clock(index);
    const { kind, again } = choose(odds);
    const maker = makers[kind];
    // Nothing to report again yet, or every indicator value so far reported: the other kind of
    // report of the same item kind, and a new milestone when neither is possible.
    const made = (again ? (maker.again(at) ?? maker.make(at)) : (maker.make(at) ?? maker.again(at))) ?? newMilestone(at);
    yield {
      kind: made!.kind,
      newItem: made!.newItem,
      event: {
        version: '0',
        id: eventIdOf(options.name, index, next),
        'detail-type': DETAIL_TYPE[made!.kind],
        source: regionSource(regionId),
        account: '123456789012',
        // EventBridge accepted it a minute after it was made.
        time: new Date(Date.parse(at.reportedAt) + 60_000).toISOString(),
        region: 'eu-central-1',
        resources: [],
        detail: made!.detail,
      },
    };
  }
}
