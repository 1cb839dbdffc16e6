// Builds the API's dependencies from a Lambda function's environment (the CDK stack sets it).
import { Logger } from '@aws-lambda-powertools/logger';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { defaultCatalogue, regionSource, validator } from '@modellregionen/events';
import { createDynamoClient, createReportStore, createSubscriptionStore } from '@modellregionen/store';
import { publicHttpsOnly } from '../callback-policy';
import { createApiHandler } from '../app';
import type { ApiFunction } from '../route';
import { createTokenVerifier, type TokenVerifierConfig } from '../token-verifier';

const required = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`environment variable ${name} must be set`);
  return value;
};

/**
 * Tokens: the Cognito user pool (USER_POOL_ID, USER_POOL_CLIENT_ID), or any JWKS issuer
 * (JWT_ISSUER, JWT_AUDIENCE, JWKS_URI) for other identity providers.
 */
export const verifierConfigFromEnv = (): TokenVerifierConfig =>
  process.env.USER_POOL_ID
    ? { kind: 'cognito', userPoolId: required('USER_POOL_ID'), clientId: required('USER_POOL_CLIENT_ID') }
    : { kind: 'jwks', issuer: required('JWT_ISSUER'), audience: required('JWT_AUDIENCE'), jwksUri: required('JWKS_URI') };

export const apiHandlerFromEnv = (functions: readonly ApiFunction[], serviceName: string) => {
  const logger = new Logger({ serviceName });
  const eventBridge = new EventBridgeClient({});
  const busName = process.env.EVENT_BUS_NAME;
  const documents = DynamoDBDocumentClient.from(createDynamoClient());
  const tableName = required('TABLE_NAME');
  return createApiHandler(
    {
      subscriptions: createSubscriptionStore({ client: documents, tableName }),
      callbackPolicy: publicHttpsOnly,
      catalogue: defaultCatalogue,
      validator,
      store: createReportStore({ client: documents, tableName }),
      verifier: createTokenVerifier(verifierConfigFromEnv()),
      publishReport: async ({ regionId, detailType, detail }) => {
        if (busName === undefined) throw new Error('EVENT_BUS_NAME is not set: this function does not publish');
        const result = await eventBridge.send(
          new PutEventsCommand({
            Entries: [{ Source: regionSource(regionId), DetailType: detailType, Detail: JSON.stringify(detail), EventBusName: busName }],
          }),
        );
        const entry = result.Entries?.[0];
        if (!entry?.EventId) throw new Error(`PutEvents failed: ${entry?.ErrorCode ?? 'no entry'} ${entry?.ErrorMessage ?? ''}`);
        return entry.EventId;
      },
      now: () => new Date(),
      log: (message, error) => (error instanceof Error ? logger.error(message, error) : logger.error(message, { error: String(error) })),
    },
    functions,
  );
};
