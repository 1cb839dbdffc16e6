import type { Catalogue } from '../api/types';
import type { Locale } from '../i18n/format';
import { t } from '../i18n/i18n';
import { indicatorById, indicatorTitle } from './catalogue';

const KIND_KEYS = {
  milestone: 'kind.milestone',
  project: 'kind.project',
  indicator: 'kind.indicator',
  finding: 'kind.finding',
} as const;

const DETAIL_TYPE_KEYS = {
  MilestoneReported: 'kind.milestone',
  ProjectReported: 'kind.project',
  IndicatorReported: 'kind.indicator',
  FindingPublished: 'kind.finding',
} as const;

/** "Meilenstein", "Projekt", ... for a detail-type; the detail-type itself when unknown. */
export const detailTypeLabel = (detailType: string): string =>
  Object.hasOwn(DETAIL_TYPE_KEYS, detailType) ? t(DETAIL_TYPE_KEYS[detailType as keyof typeof DETAIL_TYPE_KEYS]) : detailType;

/** An item key (`milestone#steuerungs-ag`, `indicator#unemployment-rate#2011`) as people read it. */
export const itemLabel = (item: string, catalogue: Catalogue, locale: Locale): string => {
  const [kind, id = '', period] = item.split('#');
  const kindLabel = kind && Object.hasOwn(KIND_KEYS, kind) ? t(KIND_KEYS[kind as keyof typeof KIND_KEYS]) : (kind ?? '');
  if (kind === 'indicator') return `${kindLabel} ${indicatorTitle(indicatorById(catalogue, id), locale, id)}, ${period ?? ''}`;
  return `${kindLabel} ${id}`;
};

const REGION_KINDS = { city: 'regionKind.city', county: 'regionKind.county', 'county-with-city': 'regionKind.county-with-city' } as const;

/** "Stadt", "Landkreis", ...; the kind itself when unknown (the registry is data). */
export const regionKindLabel = (kind: string | undefined): string =>
  kind === undefined ? '' : Object.hasOwn(REGION_KINDS, kind) ? t(REGION_KINDS[kind as keyof typeof REGION_KINDS]) : kind;
