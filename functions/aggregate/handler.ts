// Aggregation Lambda: EventBridge -> SQS -> here. Wiring only; the pipeline is in
// @modellregionen/aggregation and the store in @modellregionen/store.
import { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAggregator, eventBridgePublisher, sqsBatchHandler } from '@modellregionen/aggregation';
import { createDynamoClient, createReportStore } from '@modellregionen/store';

const required = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} must be set`);
  return value;
};

const logger = new Logger({ serviceName: 'modellregionen-aggregate' });

export const handler = sqsBatchHandler(
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
