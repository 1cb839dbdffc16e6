export * from './berlin-time';
export * from './competence-circle';
export * from './indicator-progress';
export * from './item-key';
export * from './period';
export * from './region-state';
export * from './region-summary';
export * from './version';
