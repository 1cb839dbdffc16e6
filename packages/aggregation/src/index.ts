export * from './aggregator';
export * from './logger';
export * from './map-limit';
export * from './publisher';
export * from './rejection';
export * from './retry-schedule';
export * from './sqs-backoff';
export * from './sqs-handler';
