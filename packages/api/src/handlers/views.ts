import type { z } from 'zod';
import type { Catalogue, Indicator, RegionEvent } from '@modellregionen/events';
import {
  berlinDateOf,
  comparePeriods,
  competenceCircle,
  type CompetenceCircleView,
  fundingOverview,
  indicatorProgress,
  summaryOfPoint,
  sumPoints,
  versionKey,
} from '@modellregionen/domain';
import type { RecordedReport, ReportStore } from '@modellregionen/store';
import type { ApiDeps } from '../context';
import { notFound } from '../errors';
import { modelRegions, regionName } from '../regions';
import type { catalogueSchema, indicatorSchema } from '../schemas/catalogue';
import type { indicatorComparisonSchema } from '../schemas/indicators';
import type { fundingSchema } from '../schemas/funding';
import type { itemRevisionsSchema, regionDetailSchema, rejectionsSchema } from '../schemas/region';

/** Every accepted report of every model region (for as-of views; a rare, ministry-only read). */
export const allRevisions = async (store: ReportStore, catalogue: Catalogue): Promise<RecordedReport[]> =>
  (await Promise.all(modelRegions(catalogue).map((r) => store.revisions(r.id)))).flat();

/**
 * Each model region's summary as of the end of a Berlin date (every report when undefined), from
 * its time index: one Query per region of a month's base and at most a month of days.
 */
const summariesAsOf = async (store: ReportStore, catalogue: Catalogue, asOf: string | undefined) =>
  new Map(await Promise.all(modelRegions(catalogue).map(async (r) => [r.id, summaryOfPoint(r.id, sumPoints(await store.timelineUpTo(r.id, asOf)))] as const)));

/**
 * The competence circle as known at the end of the Berlin date `asOf`, or with every report (and
 * overdue milestones counted as of `today`) when it is undefined.
 */
export const readCompetenceCircle = async (
  input: Pick<ApiDeps, 'store' | 'catalogue'> & { readonly asOf: string | undefined; readonly today: string },
): Promise<CompetenceCircleView> =>
  competenceCircle({ catalogue: input.catalogue, summaries: await summariesAsOf(input.store, input.catalogue, input.asOf), asOf: input.asOf ?? input.today });

/** The competence circle today, with every report, or as known at the end of a Berlin date. */
export const competenceCircleView = (deps: ApiDeps, asOf: string | undefined): Promise<CompetenceCircleView> =>
  readCompetenceCircle({ ...deps, asOf, today: berlinDateOf(deps.now().getTime()) });

const strip = <T extends { schemaVersion: unknown; regionId: unknown }>({ schemaVersion: _v, regionId: _r, ...rest }: T) => rest;

export const regionDetail = async (deps: ApiDeps, regionId: string): Promise<z.input<typeof regionDetailSchema>> => {
  const region = deps.catalogue.regions.find((r) => r.id === regionId);
  const items = await deps.store.currentItems(regionId);
  const today = berlinDateOf(deps.now().getTime());
  const of = <T extends RegionEvent['detailType']>(type: T) => items.filter((i): i is Extract<RegionEvent, { detailType: T }> => i.detailType === type);
  const lastReportedAt = items.map((i) => i.detail.reportedAt).sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? null;
  return {
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
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.milestoneId.localeCompare(b.milestoneId)),
    projects: of('ProjectReported')
      .map((p) => ({ ...strip(p.detail), fundingEur: p.detail.funding.reduce((n, f) => n + Math.round(f.amountEur * 100), 0) / 100 }))
      .sort((a, b) => a.projectId.localeCompare(b.projectId)),
    indicators: indicatorProgress(items, deps.catalogue),
    findings: of('FindingPublished')
      .map((f) => strip(f.detail))
      .sort((a, b) => a.findingId.localeCompare(b.findingId)),
  };
};

/** A catalogue indicator as the API shows it: SPEC's field names, the German title as `title`. */
const indicatorView = (i: Indicator): z.input<typeof indicatorSchema> => ({
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

export const indicatorComparison = async (deps: ApiDeps, indicatorId: string): Promise<z.input<typeof indicatorComparisonSchema>> => {
  // The path's schema admits only the catalogue's indicators; the lookup types the definition.
  const def = deps.catalogue.indicators.find((i) => i.id === indicatorId);
  if (def === undefined) throw notFound(`no indicator ${indicatorId} in the catalogue (see GET /v1/catalogue)`);
  const regions = await Promise.all(
    modelRegions(deps.catalogue).map(async (r) => {
      const items = await deps.store.currentItemsByPrefix(r.id, `indicator#${def.id}#`);
      return { regionId: r.id, name: r.name, progress: indicatorProgress(items, { indicators: [def] })[0] ?? null };
    }),
  );
  const periods = [...new Set(regions.flatMap((r) => r.progress?.points.map((p) => p.period) ?? []))].sort(comparePeriods);
  return {
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
            ? [
                [
                  regionId,
                  {
                    total: point.total,
                    withMigrationBackground: point.withMigrationBackground,
                    withoutMigrationBackground: point.withoutMigrationBackground,
                    gap: point.gap,
                    isBaseline: point.isBaseline,
                  },
                ],
              ]
            : [];
        }),
      ),
    })),
  };
};

/** The funding of the model regions' current projects: one Query of each region's projects. */
export const fundingView = async (deps: ApiDeps): Promise<z.input<typeof fundingSchema>> =>
  fundingOverview(
    await Promise.all(
      modelRegions(deps.catalogue).map(async (r) => ({
        regionId: r.id,
        name: r.name,
        projects: (await deps.store.currentItemsByPrefix(r.id, 'project#')).flatMap((i) => (i.detailType === 'ProjectReported' ? [i.detail] : [])),
      })),
    ),
  );

/** Every report of one item, newest first: the order in which they supersede each other, reversed. */
export const itemHistory = async (deps: ApiDeps, regionId: string, item: string): Promise<z.input<typeof itemRevisionsSchema>> => {
  const records = await deps.store.itemRevisions(regionId, item);
  const newestFirst = records.map((r) => ({ r, version: versionKey(r) })).sort((a, b) => (a.version < b.version ? 1 : a.version > b.version ? -1 : 0));
  return {
    regionId,
    item,
    revisions: newestFirst.map(({ r }) => ({
      eventId: r.eventId,
      revision: r.detail.revision,
      reportedAt: r.detail.reportedAt,
      reportedBy: r.detail.reportedBy,
      acceptedAt: r.acceptedAt,
      outcome: r.outcome,
      detail: r.detail,
    })),
  };
};

export const rejectionsOf = async (deps: ApiDeps, regionId: string): Promise<z.input<typeof rejectionsSchema>> => {
  const rejections = await deps.store.listRejections(regionId);
  return {
    rejections: rejections.map((r) => ({ eventId: r.eventId, detailType: r.detailType, receivedAt: r.receivedAt, errors: r.errors })),
  };
};

export const catalogueView = (catalogue: Catalogue): z.input<typeof catalogueSchema> => ({
  regions: catalogue.regions,
  fieldsOfAction: catalogue.fieldsOfAction,
  indicators: catalogue.indicators.map(indicatorView),
});
