export { type Aggregator, createAggregator } from './aggregator';
