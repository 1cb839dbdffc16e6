// Builds the API's dependencies from a Lambda function's environment (the CDK stack sets it).
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { defaultCatalogue, regionSource, validator } from '@modellregionen/events';
import { createEventBridgeClient, publishEvent, requiredEnv } from '@modellregionen/lambda-kit';
import { createReportStore, createSubscriptionStore, dynamoDocuments } from '@modellregionen/store';
import { publicHttpsOnly } from '../callback-policy';
import { createApiHandler } from '../app';
import type { ApiFunction } from '../route';
import { createTokenVerifier, type TokenVerifierConfig } from '../token-verifier';
import { prebuiltOpenApiDocument } from './prebuilt-openapi';

/**
 * Tokens: the Cognito user pool (USER_POOL_ID, and USER_POOL_CLIENT_ID: the app clients whose
 * tokens are accepted, comma-separated), or any JWKS issuer (JWT_ISSUER, JWT_AUDIENCE, JWKS_URI)
 * for other identity providers.
 */
export const verifierConfigFromEnv = (): TokenVerifierConfig =>
  process.env.USER_POOL_ID
    ? { kind: 'cognito', userPoolId: requiredEnv('USER_POOL_ID'), clientId: clientIds(requiredEnv('USER_POOL_CLIENT_ID')) }
    : { kind: 'jwks', issuer: requiredEnv('JWT_ISSUER'), audience: requiredEnv('JWT_AUDIENCE'), jwksUri: requiredEnv('JWKS_URI') };

const clientIds = (list: string): string[] => {
  const ids = list
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  if (ids.length === 0) throw new Error('USER_POOL_CLIENT_ID names no app client');
  return ids;
};

export const apiHandlerFromEnv = (functions: readonly ApiFunction[], serviceName: string) => {
  const logger = new Logger({ serviceName });
  // Bounded calls: a stalled bus fails the POST with a 502 within seconds, not at API Gateway's 30 s.
  const eventBridge = createEventBridgeClient();
  const busName = process.env.EVENT_BUS_NAME;
  const documents = dynamoDocuments();
  const tableName = requiredEnv('TABLE_NAME');
  const api = createApiHandler(
    {
      subscriptions: createSubscriptionStore({ client: documents, tableName }),
      callbackPolicy: publicHttpsOnly,
      catalogue: defaultCatalogue,
      validator,
      store: createReportStore({ client: documents, tableName }),
      verifier: createTokenVerifier(verifierConfigFromEnv()),
      publishReport: async ({ regionId, detailType, detail }) => {
        if (busName === undefined) throw new Error('EVENT_BUS_NAME is not set: this function does not publish');
        return publishEvent(eventBridge, busName, { Source: regionSource(regionId), DetailType: detailType, Detail: JSON.stringify(detail) });
      },
      now: () => new Date(),
      log: (message, error) => (error instanceof Error ? logger.error(message, error) : logger.error(message, { error: String(error) })),
      openApiDocument: prebuiltOpenApiDocument,
    },
    functions,
  );
  // Every line the API logs names the invocation's request id and function.
  return api.use(injectLambdaContext(logger, { resetKeys: true }));
};
