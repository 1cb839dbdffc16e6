// Aggregation Lambda: EventBridge -> SQS -> here. Wiring only; the pipeline is in
// @modellregionen/aggregation, the store in @modellregionen/store and the Lambda plumbing in
// @modellregionen/lambda-kit.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { createAggregator } from '@modellregionen/aggregation';
import {
  countOutcomes,
  createEventBridgeClient,
  createSqsClient,
  eventBridgePublisher,
  lambdaHandler,
  RETRY_SCHEDULES,
  requiredEnv,
  sqsBatchHandler,
  withExponentialBackoff,
} from '@modellregionen/lambda-kit';
import { createReportStore, dynamoDocuments } from '@modellregionen/store';

const serviceName = 'modellregionen-aggregate';
const logger = new Logger({ serviceName });
const metrics = new Metrics({ serviceName, namespace: requiredEnv('POWERTOOLS_METRICS_NAMESPACE') });

const aggregator = createAggregator({
  store: createReportStore({ client: dynamoDocuments(), tableName: requiredEnv('TABLE_NAME') }),
  publisher: eventBridgePublisher(createEventBridgeClient(), requiredEnv('EVENT_BUS_NAME')),
  logger,
});

// What an operator watches: reports that changed the views, reports quarantined (each also an
// EventRejected on the bus), and messages handed back to the queue for another try.
const counted = countOutcomes(aggregator, metrics, (outcome) => ({
  ReportsApplied: outcome.applied,
  ReportsRejected: outcome.rejected,
  MessagesFailed: outcome.failed.length,
}));

// Failed messages come back with exponential backoff, not after the queue's fixed visibility
// timeout: soon after a brief throttle, and spread out over a longer store outage.
export const handler = lambdaHandler({ logger, metrics }, withExponentialBackoff(createSqsClient(), sqsBatchHandler(counted), RETRY_SCHEDULES.aggregate));
