export { type AwsJsonClient, createAwsJsonClient } from './client';
export { type ClientLocation, SERVICES } from './config';
export { AwsConfigurationError, AwsServiceError, AwsTransportError } from './errors';
export type { CallLimits } from './http';
export { isRetryable, isThrottling, maxBackoffMs } from './retry';
