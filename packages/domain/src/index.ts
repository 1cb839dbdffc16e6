export { berlinDateOf, berlinDateTime, endOfBerlinDay } from './berlin-time';
export { competenceCircle, competenceCircleOf, type CompetenceCircleView, summariesOf } from './competence-circle';
export { type BySource, type FundingGroup, fundingOverview, type RegionProjects } from './funding';
export { indicatorProgress } from './indicator-progress';
export { ITEM_KINDS, itemKey, itemKeyOf, type ItemRef, parseItemKey } from './item-key';
export { comparePeriods, latestPeriod } from './period';
export { reduceRegions } from './region-state';
export { emptySummary, type RegionSummary, summarizeRegion } from './region-summary';
export { versionKey } from './version';
