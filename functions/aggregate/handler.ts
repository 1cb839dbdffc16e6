// Aggregation Lambda: EventBridge -> SQS -> here. Wiring only; the pipeline is in
// @modellregionen/aggregation and the store in @modellregionen/store.
import { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAggregator, eventBridgePublisher, RETRY_SCHEDULES, sqsBatchHandler, withExponentialBackoff } from '@modellregionen/aggregation';
import { createDynamoClient, createReportStore } from '@modellregionen/store';

const required = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} must be set`);
  return value;
};

const logger = new Logger({ serviceName: 'modellregionen-aggregate' });

const processBatch = sqsBatchHandler(
  createAggregator({
    store: createReportStore({
      client: DynamoDBDocumentClient.from(createDynamoClient()),
      tableName: required('TABLE_NAME'),
    }),
    publisher: eventBridgePublisher(new EventBridgeClient({}), required('EVENT_BUS_NAME')),
    logger: {
      info: (message, attributes) => logger.info(message, attributes ?? {}),
      warn: (message, attributes) => logger.warn(message, attributes ?? {}),
      error: (message, attributes) => logger.error(message, attributes ?? {}),
    },
  }),
);

// Failed messages come back with exponential backoff, not after the queue's fixed visibility
// timeout: soon after a brief throttle, and spread out over a longer store outage. The SQS
// endpoint is the region's (or AWS_ENDPOINT_URL_SQS), not the host of the queue URL.
export const handler = withExponentialBackoff(new SQSClient({ useQueueUrlAsEndpoint: false }), processBatch, RETRY_SCHEDULES.aggregate);
