import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';

/** What a function observes itself with. */
interface Observability {
  readonly logger: Logger;
  readonly metrics: Metrics;
}

/**
 * A queue consumer's Lambda handler: the invocation's context reaches the logger (each line
 * names the request id and the function), and the metrics the invocation added are written as
 * CloudWatch EMF after it, also when it fails.
 */
export const lambdaHandler = <Event, Result>({ logger, metrics }: Observability, handler: (event: Event) => Promise<Result>) =>
  middy<Event, Result>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .handler(handler);
