export * from './dispatcher';
export * from './signature';
