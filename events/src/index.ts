export * from './catalogue';
export * from './details';
export * from './envelope';
export * from './primitives';
export * from './rejected';
export * from './validate';
export * from './json-schema';
export * from './rules';
