// Webhook dispatcher: findings rule -> SQS -> here -> signed POSTs to the subscribers. Wiring only.
import { Logger } from '@aws-lambda-powertools/logger';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RETRY_SCHEDULES, sqsBatchHandler, withExponentialBackoff } from '@modellregionen/aggregation';
import { createDynamoClient, createSubscriptionStore } from '@modellregionen/store';
import { createWebhookDispatcher } from '@modellregionen/webhooks';

const tableName = process.env.TABLE_NAME;
if (!tableName) throw new Error('environment variable TABLE_NAME must be set');
const logger = new Logger({ serviceName: 'modellregionen-webhooks' });

export const handler = withExponentialBackoff(
  new SQSClient({ useQueueUrlAsEndpoint: false }),
  sqsBatchHandler(
    createWebhookDispatcher({
      store: createSubscriptionStore({ client: DynamoDBDocumentClient.from(createDynamoClient()), tableName }),
      logger: {
        info: (message, attributes) => logger.info(message, attributes ?? {}),
        warn: (message, attributes) => logger.warn(message, attributes ?? {}),
        error: (message, attributes) => logger.error(message, attributes ?? {}),
      },
    }),
  ),
  RETRY_SCHEDULES.webhooks,
);
