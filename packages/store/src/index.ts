export * from './capacity-meter';
export * from './derived-items';
export * from './keys';
export * from './region-store';
export * from './table';
export * from './subscription-store';
export * from './dynamo-client';
