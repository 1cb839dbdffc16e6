// The demo history as the template of the bench's workload: its mix of reports (how many of each
// kind, how often an item is reported again) and, per region, its texts, funding lines and
// indicator levels, so that generated reports are as large and as varied as the demo's.
import { defaultCatalogue, type FindingDetail, type IndicatorDetail, type MilestoneDetail, type ProjectDetail } from '@modellregionen/events';
import { demoHistory } from '../../demo/demo-history';

export type Kind = 'milestone' | 'project' | 'indicator' | 'finding';
export const KINDS: readonly Kind[] = ['milestone', 'project', 'indicator', 'finding'];

export interface RegionTemplates {
  readonly reportedBy: string;
  readonly milestones: readonly MilestoneDetail[];
  readonly projects: readonly ProjectDetail[];
  readonly findings: readonly FindingDetail[];
  /** Per indicator of the region: the demo's values and the sources it names. */
  readonly indicators: ReadonlyMap<string, { readonly values: readonly IndicatorDetail['values'][]; readonly sources: readonly string[] }>;
}

/** Per kind: the share of all reports that report a new item, and the share that report one again. */
export type Mix = Readonly<Record<Kind, { readonly newItem: number; readonly again: number }>>;

/** The model regions, in the registry's order: the regions a history is spread over. */
export const MODEL_REGIONS: readonly string[] = defaultCatalogue.regions.filter((r) => r.role === 'model-region').map((r) => r.id);

const KIND_OF: Readonly<Record<string, Kind>> = {
  MilestoneReported: 'milestone',
  ProjectReported: 'project',
  IndicatorReported: 'indicator',
  FindingPublished: 'finding',
};

interface Parsed {
  readonly kind: Kind;
  readonly itemKey: string;
  readonly detail: Record<string, unknown> & { readonly regionId: string; readonly reportedBy: string };
}

const parsedDemo = (): Parsed[] =>
  demoHistory()
    .filter((e) => e.invalid !== true)
    .map((e) => {
      const kind = KIND_OF[e.DetailType];
      if (kind === undefined) throw new Error(`the demo history has a report of an unknown detail-type ${e.DetailType}`);
      const detail = JSON.parse(e.Detail) as Parsed['detail'];
      const id = detail.milestoneId ?? detail.projectId ?? detail.findingId ?? `${String(detail.indicatorId)}#${String(detail.period)}`;
      return { kind, itemKey: `${detail.regionId}#${kind}#${String(id)}`, detail };
    });

let cache: { mix: Mix; byRegion: Map<string, RegionTemplates> } | undefined;

const load = () => {
  if (cache !== undefined) return cache;
  const reports = parsedDemo();
  const mix = Object.fromEntries(
    KINDS.map((kind) => {
      const ofKind = reports.filter((r) => r.kind === kind);
      const items = new Set(ofKind.map((r) => r.itemKey)).size;
      return [kind, { newItem: items / reports.length, again: (ofKind.length - items) / reports.length }];
    }),
  ) as unknown as Mix;
  const byRegion = new Map<string, RegionTemplates>();
  for (const regionId of new Set(reports.map((r) => r.detail.regionId))) {
    const own = reports.filter((r) => r.detail.regionId === regionId);
    const of = <T>(kind: Kind) => own.filter((r) => r.kind === kind).map((r) => r.detail as unknown as T);
    const indicators = new Map<string, { values: IndicatorDetail['values'][]; sources: string[] }>();
    for (const d of of<IndicatorDetail>('indicator')) {
      const entry = indicators.get(d.indicatorId) ?? { values: [], sources: [] };
      entry.values.push(d.values);
      if (d.source !== undefined && !entry.sources.includes(d.source)) entry.sources.push(d.source);
      indicators.set(d.indicatorId, entry);
    }
    byRegion.set(regionId, {
      reportedBy: own[0]!.detail.reportedBy,
      milestones: of<MilestoneDetail>('milestone'),
      projects: of<ProjectDetail>('project'),
      findings: of<FindingDetail>('finding'),
      indicators,
    });
  }
  cache = { mix, byRegion };
  return cache;
};

/** The demo's mix of reports, over all regions. */
export const demoMix = (): Mix => load().mix;

/** The templates of a region of the demo. */
export const templatesOf = (regionId: string): RegionTemplates => {
  const templates = load().byRegion.get(regionId);
  if (templates === undefined) throw new Error(`the demo history has no reports of ${regionId}`);
  return templates;
};
