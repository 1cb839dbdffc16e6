import { type Catalogue, type Indicator, MINISTRY_ID, type RegionEvent } from '@modellregionen/events';
import {
  berlinDateOf,
  comparePeriods,
  competenceCircle,
  competenceCircleOf,
  endOfBerlinDay,
  indicatorProgress,
} from '@modellregionen/domain';
import type { RecordedReport, ReportStore } from '@modellregionen/store';
import { notFound } from '../errors';
import { json, type RouteContext, type RouteResult } from '../context';
import { dateParam } from './reports';

export const modelRegions = (catalogue: Catalogue) => catalogue.regions.filter((r) => r.role === 'model-region');

/** Every accepted report of every model region (for as-of views; a rare, ministry-only read). */
export const allRevisions = async (store: ReportStore, catalogue: Catalogue): Promise<RecordedReport[]> =>
  (await Promise.all(modelRegions(catalogue).map((r) => store.revisions(r.id)))).flat();

/**
 * The competence circle as of a Berlin date. When every region's newest current report was made
 * before the end of that day, the stored view is that view (each item's winner was reported by
 * then, so no later report can change it); otherwise the reports are folded again up to the date.
 */
export const competenceCircleAsOf = async (store: ReportStore, catalogue: Catalogue, asOf: string) => {
  const summaries = await store.regionSummaries();
  const cutoff = endOfBerlinDay(asOf);
  const settled = [...summaries.values()].every((s) => s.lastReportedAt === null || Date.parse(s.lastReportedAt) < cutoff);
  if (settled) return competenceCircle({ catalogue, summaries, asOf });
  return competenceCircleOf(await allRevisions(store, catalogue), { catalogue, asOf, reportedUntil: asOf });
};

export const getCompetenceCircle = async ({ deps, query }: RouteContext): Promise<RouteResult> => {
  const asOf = dateParam(query, 'asOf');
  if (asOf === undefined) return json(await deps.store.competenceCircle(berlinDateOf(deps.now().getTime())));
  return json(await competenceCircleAsOf(deps.store, deps.catalogue, asOf));
};

const strip = <T extends { schemaVersion: unknown; regionId: unknown }>({ schemaVersion: _v, regionId: _r, ...rest }: T) => rest;

export const getRegion = async ({ deps, params }: RouteContext): Promise<RouteResult> => {
  const regionId = params.regionId!;
  const region = deps.catalogue.regions.find((r) => r.id === regionId);
  const items = await deps.store.currentItems(regionId);
  const today = berlinDateOf(deps.now().getTime());
  const of = <T extends RegionEvent['detailType']>(type: T) =>
    items.filter((i): i is Extract<RegionEvent, { detailType: T }> => i.detailType === type);
  const lastReportedAt = items.map((i) => i.detail.reportedAt).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;
  return json({
    regionId,
    name: regionName(deps.catalogue, regionId),
    kind: region?.kind ?? 'ministry',
    role: region?.role ?? 'ministry',
    lastReportedAt,
    milestones: of('MilestoneReported')
      .map((m) => ({
        ...strip(m.detail),
        overdue: m.detail.status !== 'achieved' && m.detail.status !== 'cancelled' && m.detail.dueDate < today,
      }))
      .sort((a, b) => String(a.dueDate).localeCompare(String(b.dueDate)) || String(a.milestoneId).localeCompare(String(b.milestoneId))),
    projects: of('ProjectReported')
      .map((p) => ({ ...strip(p.detail), fundingEur: p.detail.funding.reduce((n, f) => n + Math.round(f.amountEur * 100), 0) / 100 }))
      .sort((a, b) => String(a.projectId).localeCompare(String(b.projectId))),
    indicators: indicatorProgress(items, deps.catalogue),
    findings: of('FindingPublished')
      .map((f) => strip(f.detail))
      .sort((a, b) => String(a.findingId).localeCompare(String(b.findingId))),
  });
};

export const getIndicator = async ({ deps, params }: RouteContext): Promise<RouteResult> => {
  const def = deps.catalogue.indicators.find((i) => i.id === params.indicatorId);
  if (def === undefined) throw notFound(`no indicator ${params.indicatorId} in the catalogue (see GET /v1/catalogue)`);
  const regions = await Promise.all(
    modelRegions(deps.catalogue).map(async (r) => {
      const items = await deps.store.currentItemsByPrefix(r.id, `indicator#${def.id}#`);
      return { regionId: r.id, name: r.name, progress: indicatorProgress(items, { indicators: [def] })[0] ?? null };
    }),
  );
  const periods = [...new Set(regions.flatMap((r) => r.progress?.points.map((p) => p.period) ?? []))].sort(comparePeriods);
  return json({
    indicator: indicatorView(def),
    regions: regions.map(({ regionId, name, progress }) => ({
      regionId,
      name,
      baselinePeriod: progress?.baselinePeriod ?? null,
      latestPeriod: progress?.latestPeriod ?? null,
      changeSinceBaseline: progress?.changeSinceBaseline ?? { total: null, gap: null },
      gapNarrowed: progress?.gapNarrowed ?? null,
      totalImproved: progress?.totalImproved ?? null,
    })),
    periods: periods.map((period) => ({
      period,
      regions: Object.fromEntries(
        regions.flatMap(({ regionId, progress }) => {
          const point = progress?.points.find((p) => p.period === period);
          return point
            ? [[regionId, { total: point.total, withMigrationBackground: point.withMigrationBackground, withoutMigrationBackground: point.withoutMigrationBackground, gap: point.gap, isBaseline: point.isBaseline }]]
            : [];
        }),
      ),
    })),
  });
};

export const getRejections = async ({ deps, params }: RouteContext): Promise<RouteResult> => {
  const rejections = await deps.store.listRejections(params.regionId!);
  return json({
    rejections: rejections.map((r) => ({ eventId: r.eventId, detailType: r.detailType, receivedAt: r.receivedAt, errors: r.errors })),
  });
};

/** A catalogue indicator as the API shows it: SPEC's field names, the German title as `title`. */
const indicatorView = (i: Indicator) => ({
  id: i.id,
  title: i.titleDe,
  titleEn: i.titleEn,
  unit: i.unit,
  min: i.min,
  max: i.max,
  fieldOfAction: i.fieldOfAction,
  higherIsBetter: i.higherIsBetter,
  disaggregated: i.disaggregated,
});

export const getCatalogue = async ({ deps }: RouteContext): Promise<RouteResult> =>
  json({
    regions: deps.catalogue.regions,
    fieldsOfAction: deps.catalogue.fieldsOfAction,
    indicators: deps.catalogue.indicators.map(indicatorView),
  });

export const MINISTRY_NAME = 'Hessisches Ministerium der Justiz, für Integration und Europa';
export const regionName = (catalogue: Catalogue, regionId: string) =>
  regionId === MINISTRY_ID ? MINISTRY_NAME : (catalogue.regions.find((r) => r.id === regionId)?.name ?? regionId);
