// Webhook dispatcher: findings rule -> SQS -> here -> signed POSTs to the subscribers. Wiring only.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import {
  countOutcomes,
  createSqsClient,
  lambdaHandler,
  RETRY_SCHEDULES,
  requiredEnv,
  sqsBatchHandler,
  withExponentialBackoff,
} from '@modellregionen/lambda-kit';
import { createSubscriptionStore, dynamoDocuments } from '@modellregionen/store';
import { createWebhookDispatcher } from '@modellregionen/webhooks';

const serviceName = 'modellregionen-webhooks';
const logger = new Logger({ serviceName });
const metrics = new Metrics({ serviceName, namespace: requiredEnv('POWERTOOLS_METRICS_NAMESPACE') });

const dispatcher = createWebhookDispatcher({
  store: createSubscriptionStore({ client: dynamoDocuments(), tableName: requiredEnv('TABLE_NAME') }),
  logger,
});

// What an operator watches: findings subscribers accepted, and deliveries that failed (each is
// tried again with backoff, and parked in the dead-letter queue after about a day).
const counted = countOutcomes(dispatcher, metrics, (outcome) => ({
  DeliveriesSucceeded: outcome.delivered,
  DeliveriesFailed: outcome.deliveriesFailed,
}));

export const handler = lambdaHandler({ logger, metrics }, withExponentialBackoff(createSqsClient(), sqsBatchHandler(counted), RETRY_SCHEDULES.webhooks));
