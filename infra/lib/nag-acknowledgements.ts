import { type Stack, Validations } from 'aws-cdk-lib';
import type { ModellregionenBackend } from './backend';

/**
 * Every cdk-nag (AwsSolutions) finding this stack accepts, each with its reason, in one place.
 * Anything not listed here fails the synthesis.
 */
export const acknowledgeNagFindings = (stack: Stack, backend: ModellregionenBackend): void => {
  const stackWide = [
    {
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'The functions use the AWS managed AWSLambdaBasicExecutionRole, which grants CloudWatch Logs writes only.',
    },
    {
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'The only wildcard resource is X-Ray tracing (xray:PutTraceSegments, xray:PutTelemetryRecords), which supports no resource-level permissions; data-service actions are granted on the table, queue and bus ARNs only (infra/test walks every policy).',
    },
    {
      id: 'AwsSolutions::AwsSolutions-L1',
      reason: 'SPEC fixes Node.js 22 for all functions; the runtime is raised deliberately, not by the newest release.',
    },
    {
      id: 'AwsSolutions::AwsSolutions-COG8',
      reason:
        'The Cognito Plus feature plan (threat protection) is a paid tier; the pool has no self sign-up, requires MFA (TOTP) and strong passwords, and accounts are created by administrators.',
    },
  ];
  for (const finding of stackWide) Validations.of(stack).acknowledge(finding);
  for (const queue of backend.targetDeadLetterQueues) {
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: 'This queue is itself a dead-letter queue (of the EventBridge rule targets); it has an alarm.',
    });
  }
  for (const route of backend.publicRoutes) {
    Validations.of(route).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason: 'GET /v1/openapi.json is public by design: it describes the API and holds no data.',
    });
  }
};
