import { type Stack, Validations } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';
import type { ModellregionenBackend } from './backend';

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
  }

  for (const route of backend.publicRoutes) {
    Validations.of(route).acknowledge({
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason: 'GET /v1/openapi.json is public by design: it describes the API and holds no data.',
    });
  }
};
