import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { FieldOfAction } from '@modellregionen/events';
import { renderFindingsFeed } from '../atom-feed';
import type { ApiDeps } from '../context';
import { publishersOfFindings, regionName } from '../regions';
import { baseUrlOf } from '../request-url';
import type { Finding } from '../schemas/findings';

interface FindingsFilter {
  readonly fieldOfAction?: FieldOfAction | undefined;
  /** A region that publishes findings, or the ministry. */
  readonly regionId?: string | undefined;
}

/** Every published finding of the regions and the ministry, filtered, newest first. */
export const listFindings = async (deps: ApiDeps, filter: FindingsFilter): Promise<Finding[]> => {
  const regions = filter.regionId !== undefined ? [filter.regionId] : publishersOfFindings(deps.catalogue);
  const items = (await Promise.all(regions.map((r) => deps.store.currentItemsByPrefix(r, 'finding#')))).flat();
  const titles = new Map(deps.catalogue.fieldsOfAction.map((f) => [f.id, f.titleDe]));
  return items
    .flatMap((i) => (i.detailType === 'FindingPublished' ? [i] : []))
    .filter((i) => filter.fieldOfAction === undefined || i.detail.fieldOfAction === filter.fieldOfAction)
    .map(
      (i): Finding => ({
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
    .sort((a, b) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt) || a.regionId.localeCompare(b.regionId) || a.findingId.localeCompare(b.findingId));
};

/** The findings as an Atom feed that links itself and the JSON list with the request's own filter. */
export const findingsFeed = async (deps: ApiDeps, filter: FindingsFilter, event: APIGatewayProxyEventV2): Promise<string> => {
  const base = baseUrlOf(event);
  const qs = event.rawQueryString ? `?${event.rawQueryString}` : '';
  return renderFindingsFeed(await listFindings(deps, filter), {
    feedUrl: `${base}/v1/findings.atom${qs}`,
    findingsUrl: `${base}/v1/findings${qs}`,
    now: deps.now,
  });
};
