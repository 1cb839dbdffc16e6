import { type Stack, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';
import type { ModellregionenBackend } from './backend';
import type { FunctionName } from './functions';

/** The wildcard actions aws-s3-deployment grants its function (`grantRead` of the staged zip, `grantReadWrite` of the app's bucket). */
const DEPLOYMENT_WILDCARD_ACTIONS: Readonly<Record<string, string>> = {
  's3:GetObject*': 'reads the staged build (a zip in the CDK assets bucket) and the objects it compares when syncing',
  's3:GetBucket*': 'reads the location and settings of the buckets it syncs between',
  's3:List*': 'lists the objects it syncs (aws s3 sync)',
  's3:DeleteObject*': "deletes files a new build no longer has (prune) from the app's bucket",
  's3:Abort*': 'aborts its own multipart uploads that failed',
};

/**
 * The IAM5 findings on the web app's deployment function: only the S3 grants aws-s3-deployment
 * makes (wildcard actions from the list above, on the objects of one bucket each). Anything else
 * on that role is left to cdk-nag.
 */
const acknowledgeDeploymentGrants = (stack: Stack, role: iam.IRole): void => {
  const policy = role.node.tryFindChild('DefaultPolicy') as iam.Policy | undefined;
  if (policy === undefined) return;
  const { Statement: statements } = stack.resolve(policy.document) as { Statement: { Effect: string; Action: string | string[]; Resource: unknown }[] };
  for (const statement of statements) {
    const actions = ([] as string[]).concat(statement.Action);
    if (statement.Effect !== 'Allow' || !actions.every((a) => a.startsWith('s3:'))) continue;
    for (const action of actions.filter((a) => a.includes('*'))) {
      const reason = DEPLOYMENT_WILDCARD_ACTIONS[action];
      if (reason !== undefined)
        Validations.of(role).acknowledge({ id: `AwsSolutions::AwsSolutions-IAM5[Action::${action}]`, reason: `The web app's deployment function ${reason}.` });
    }
    for (const resource of ([] as unknown[]).concat(statement.Resource).map(flattenCfnReference)) {
      if (!resource.endsWith('/*') || resource.slice(0, -2).includes('*')) continue;
      Validations.of(role).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::${resource}]`,
        reason:
          "The web app's deployment function reads the staged build's objects and writes the app's bucket's objects: every object of one bucket, which is what a sync touches.",
      });
    }
  }
};

/** Why a function has no dead-letter queue of its own: Lambda's DeadLetterConfig catches failed asynchronous invocations only, and none of them is invoked asynchronously. */
const NO_FUNCTION_DEAD_LETTERS: Readonly<Record<FunctionName, string>> = {
  aggregate:
    'SQS invokes this function (an event source mapping, a synchronous invocation), so a Lambda-level dead-letter queue would never receive anything: the work queue redrive policy is its dead-letter queue (AggregateDeadLetters, after the retries of docs/operations.md), with an alarm.',
  webhooks:
    'SQS invokes this function (an event source mapping, a synchronous invocation), so a Lambda-level dead-letter queue would never receive anything: the work queue redrive policy is its dead-letter queue (WebhookDeadLetters, after about a day of retries), with an alarm.',
  apiRead:
    'API Gateway invokes this function synchronously and answers the caller with its error (a 5xx); a Lambda-level dead-letter queue, which catches failed asynchronous invocations only, would never receive anything.',
  apiWrite:
    'API Gateway invokes this function synchronously and answers the caller with its error (a 5xx, and the client sends the report again); a Lambda-level dead-letter queue, which catches failed asynchronous invocations only, would never receive anything.',
};

/**
 * Every cdk-nag finding (the AwsSolutions and Serverless packs) this stack accepts, each with its
 * reason, in one place. Anything not listed here fails the synthesis.
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
  for (const queue of backend.deadLetterQueues) {
    Validations.of(queue).acknowledge({
      id: 'Serverless::Serverless-SQSRedrivePolicy',
      reason:
        'This queue is itself a dead-letter queue, the end of its messages retries: they stay 14 days, an alarm fires on the first one, and an operator moves them back once the cause is fixed (docs/operations.md). A redrive policy would park them in yet another queue.',
    });
  }
  for (const [name, fn] of Object.entries(backend.functions) as [FunctionName, lambda.IFunction][]) {
    Validations.of(fn).acknowledge({ id: 'Serverless::Serverless-LambdaDLQ', reason: NO_FUNCTION_DEAD_LETTERS[name] });
    for (const mapping of fn.node.findAll().filter((c) => c instanceof lambda.EventSourceMapping)) {
      Validations.of(mapping).acknowledge({
        id: 'Serverless::Serverless-LambdaEventSourceMappingDestination',
        reason:
          "An SQS event source mapping takes no on-failure destination (Lambda offers one for stream and Kafka sources only): a message that keeps failing goes to the queue's dead-letter queue by its redrive policy, which has an alarm.",
      });
    }
  }

  const { web } = backend;
  const distribution = web.distribution;
  Validations.of(distribution).acknowledge({
    id: 'AwsSolutions::AwsSolutions-CFR1',
    reason:
      'No geo restriction: the findings are published for any municipality, and staff sign in from wherever they work (travel, VPNs); every API route but the OpenAPI document requires a Cognito token.',
  });
  if (!web.hasWebAcl) {
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions::AwsSolutions-CFR2',
      reason:
        'A web ACL for CloudFront must be created in us-east-1, outside this stack; the context key webAclArn attaches one. Without it the API still throttles (50 requests/s, burst 100) and requires a Cognito token on every route but the OpenAPI document; the bucket serves static files only.',
    });
  }
  if (!web.hasCustomDomain) {
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions::AwsSolutions-CFR4',
      reason:
        "On CloudFront's own domain (*.cloudfront.net) its default certificate and security policy apply, which CloudFront does not let a distribution raise; with a domain of its own (context webDomainNames and webCertificateArn) the distribution requires TLS 1.2 (TLSv1.2_2021).",
    });
  }
  for (const role of new Set(web.deployments.map((d) => d.handlerRole))) {
    acknowledgeDeploymentGrants(stack, role);
    // The function aws-s3-deployment brings: its role is its child.
    const fn: IConstruct | undefined = role.node.scope;
    if (fn === undefined) continue;
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        "The web app's deployment function (aws-s3-deployment, a custom resource that runs only while CloudFormation deploys) uses the Python runtime aws-cdk-lib pins for it, which moves with the library.",
    });
    Validations.of(fn).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: "The web app's deployment function uses the AWS managed AWSLambdaBasicExecutionRole, which grants CloudWatch Logs writes only.",
    });
    Validations.of(fn).acknowledge({
      id: 'Serverless::Serverless-LambdaLatestVersion',
      reason:
        "The web app's deployment function (aws-s3-deployment, a custom resource that runs only while CloudFormation deploys) uses the Python runtime aws-cdk-lib pins for it, which moves with the library.",
    });
    Validations.of(fn).acknowledge({
      id: 'Serverless::Serverless-LambdaDLQ',
      reason:
        "The web app's deployment function is CloudFormation's custom resource: when it fails, the stack update fails and rolls back, and the deployment is run again; a dead-letter queue would hold requests nobody could answer any more.",
    });
    Validations.of(fn).acknowledge({
      id: 'Serverless::Serverless-LambdaTracing',
      reason:
        "The web app's deployment function (aws-s3-deployment) copies files while CloudFormation deploys, and its construct offers no tracing setting; its logs and the stack events show what it did.",
    });
  }

  for (const route of backend.publicRoutes) {
    Validations.of(route).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason: 'GET /v1/openapi.json is public by design: it describes the API and holds no data.',
    });
  }
};
