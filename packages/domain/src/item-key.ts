import { PERIOD_PATTERN, type RegionEvent, SLUG_PATTERN } from '@modellregionen/events';

export const ITEM_KINDS = ['milestone', 'project', 'indicator', 'finding'] as const;
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
export const itemKey = (ref: ItemRef): string => (ref.period === undefined ? `${ref.kind}#${ref.id}` : `${ref.kind}#${ref.id}#${ref.period}`);

export const itemKeyOf = (event: RegionEvent): string => itemKey(itemRefOf(event));

const isKind = (kind: string | undefined): kind is ItemKind => (ITEM_KINDS as readonly (string | undefined)[]).includes(kind);

/**
 * The item a key names, or undefined when the text is no item key: `<kind>#<id>` with a slug as
 * id, and for an indicator value `indicator#<id>#<period>` (and only then a period).
 */
export const parseItemKey = (key: string): ItemRef | undefined => {
  const [kind, id, period, ...rest] = key.split('#');
  if (!isKind(kind) || id === undefined || !SLUG_PATTERN.test(id) || rest.length > 0) return undefined;
  if (kind === 'indicator') return period !== undefined && PERIOD_PATTERN.test(period) ? { kind, id, period } : undefined;
  return period === undefined ? { kind, id } : undefined;
};
