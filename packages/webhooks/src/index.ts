export * from './dispatcher';
export * from './signature';
export * from './sqs-backoff';
