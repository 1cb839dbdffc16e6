export { type Aggregator, createAggregator } from './aggregator';
export { mapSettledLimit } from './map-limit';
