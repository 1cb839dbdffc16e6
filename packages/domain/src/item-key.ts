import type { RegionEvent } from '@modellregionen/events';

const ITEM_KINDS = ['milestone', 'project', 'indicator', 'finding'] as const;
type ItemKind = (typeof ITEM_KINDS)[number];

/** Identity of a reported item within its region: kind, id, and for indicator values the period. */
export interface ItemRef {
  readonly kind: ItemKind;
  readonly id: string;
  readonly period?: string;
}

const itemRefOf = (event: RegionEvent): ItemRef => {
  switch (event.detailType) {
    case 'MilestoneReported':
      return { kind: 'milestone', id: event.detail.milestoneId };
    case 'ProjectReported':
      return { kind: 'project', id: event.detail.projectId };
    case 'IndicatorReported':
      return { kind: 'indicator', id: event.detail.indicatorId, period: event.detail.period };
    case 'FindingPublished':
      return { kind: 'finding', id: event.detail.findingId };
  }
};

/** `<kind>#<id>[#<period>]`: ids are slugs and periods have no `#`, so the key is unambiguous. */
const itemKey = (ref: ItemRef): string => (ref.period === undefined ? `${ref.kind}#${ref.id}` : `${ref.kind}#${ref.id}#${ref.period}`);

export const itemKeyOf = (event: RegionEvent): string => itemKey(itemRefOf(event));
