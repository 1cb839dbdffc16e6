import { fieldOfAction as fieldOfActionSchema, MINISTRY_ID } from '@modellregionen/events';
import { type FeedFinding, renderFindingsFeed } from '../atom-feed';
import { badRequest } from '../errors';
import { json, type RouteContext, type RouteResult } from '../context';
import { regionName } from './views';

/** Every published finding of the regions and the ministry, filtered, newest first. */
const listFindings = async ({ deps, query }: RouteContext): Promise<FeedFinding[]> => {
  const errors = [];
  if (query.fieldOfAction !== undefined && !fieldOfActionSchema.safeParse(query.fieldOfAction).success) {
    errors.push({ path: 'fieldOfAction', message: `must be one of ${fieldOfActionSchema.options.join(', ')}` });
  }
  const publishers = [...deps.catalogue.regions.filter((r) => r.role !== 'subscriber').map((r) => r.id), MINISTRY_ID];
  if (query.regionId !== undefined && !publishers.includes(query.regionId)) {
    errors.push({ path: 'regionId', message: `names no region that publishes findings: "${query.regionId}"` });
  }
  if (errors.length > 0) throw badRequest('the filter is not valid', errors);
  const regions = query.regionId !== undefined ? [query.regionId] : publishers;
  const items = (await Promise.all(regions.map((r) => deps.store.currentItemsByPrefix(r, 'finding#')))).flat();
  const titles = new Map(deps.catalogue.fieldsOfAction.map((f) => [f.id, f.titleDe]));
  return items
    .flatMap((i) => (i.detailType === 'FindingPublished' ? [i] : []))
    .filter((i) => query.fieldOfAction === undefined || i.detail.fieldOfAction === query.fieldOfAction)
    .map(
      (i): FeedFinding => ({
        regionId: i.regionId,
        regionName: regionName(deps.catalogue, i.regionId),
        findingId: i.detail.findingId,
        title: i.detail.title,
        summary: i.detail.summary,
        fieldOfAction: i.detail.fieldOfAction,
        fieldOfActionTitle: titles.get(i.detail.fieldOfAction) ?? i.detail.fieldOfAction,
        tags: i.detail.tags ?? [],
        relatedProjectIds: i.detail.relatedProjectIds ?? [],
        revision: i.detail.revision,
        reportedAt: i.detail.reportedAt,
        reportedBy: i.detail.reportedBy,
      }),
    )
    .sort(
      (a, b) =>
        Date.parse(b.reportedAt) - Date.parse(a.reportedAt) || a.regionId.localeCompare(b.regionId) || a.findingId.localeCompare(b.findingId),
    );
};

export const getFindings = async (ctx: RouteContext): Promise<RouteResult> => json({ findings: await listFindings(ctx) });

const baseUrlOf = (ctx: RouteContext): string => {
  const host = ctx.event.requestContext.domainName;
  const proto = ctx.event.headers?.['x-forwarded-proto'] ?? 'https';
  return `${proto}://${host}`;
};

export const getFindingsAtom = async (ctx: RouteContext): Promise<RouteResult> => {
  const base = baseUrlOf(ctx);
  const qs = ctx.event.rawQueryString ? `?${ctx.event.rawQueryString}` : '';
  return {
    status: 200,
    contentType: 'application/atom+xml; charset=utf-8',
    body: renderFindingsFeed(await listFindings(ctx), {
      feedUrl: `${base}/v1/findings.atom${qs}`,
      findingsUrl: `${base}/v1/findings${qs}`,
      now: ctx.deps.now,
    }),
  };
};
