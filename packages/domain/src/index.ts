export { berlinDateOf, berlinDateTime, endOfBerlinDay } from './berlin-time';
export { competenceCircle, competenceCircleOf, type CompetenceCircleView, summariesOf } from './competence-circle';
export { indicatorProgress } from './indicator-progress';
export { itemKeyOf } from './item-key';
export { comparePeriods, latestPeriod } from './period';
export { reduceRegions } from './region-state';
export { emptySummary, type RegionSummary, summarizeRegion } from './region-summary';
export { versionKey } from './version';
