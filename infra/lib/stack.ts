import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { DEFAULT_BUS_NAME } from '@modellregionen/events';
import { WEB_DIST } from '@modellregionen/web/build';
import { ModellregionenBackend, type ModellregionenBackendProps } from './backend';
import { acknowledgeNagFindings } from './nag-acknowledgements';

export interface ModellregionenStackProps extends StackProps {
  readonly backend: ModellregionenBackendProps;
}

export class ModellregionenStack extends Stack {
  readonly backend: ModellregionenBackend;

  constructor(scope: Construct, id: string, props: ModellregionenStackProps) {
    super(scope, id, props);
    this.backend = new ModellregionenBackend(this, 'Backend', props.backend);
    acknowledgeNagFindings(this, this.backend);

    // What the operator's runbook (docs/operations.md) needs: `aws cloudformation describe-stacks`.
    const { workQueues, busDeliveryDeadLetters, functions, table, web, userPool } = this.backend;
    // CloudFormation names the table.
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'WebAppUrl', { value: web.url, description: 'Where users open the web app' });
    new CfnOutput(this, 'WebBucketName', { value: web.bucket.bucketName });
    new CfnOutput(this, 'WebDistributionId', { value: web.distribution.distributionId });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId, description: 'Where administrators create users' });
    const queues: Record<string, sqs.IQueue> = {
      AggregateQueue: workQueues.aggregate.queue,
      AggregateDeadLetters: workQueues.aggregate.deadLetters,
      WebhookQueue: workQueues.webhooks.queue,
      WebhookDeadLetters: workQueues.webhooks.deadLetters,
      BusDeliveryDeadLetters: busDeliveryDeadLetters,
    };
    for (const [name, queue] of Object.entries(queues)) {
      new CfnOutput(this, `${name}Url`, { value: queue.queueUrl });
      new CfnOutput(this, `${name}Arn`, { value: queue.queueArn });
    }
    for (const [name, fn] of Object.entries(functions)) {
      new CfnOutput(this, `${name[0]!.toUpperCase()}${name.slice(1)}LogGroup`, { value: fn.logGroup.logGroupName });
    }
  }
}

/** Reads the backend's props from CDK context (cdk.json or `-c key=value`), with clear errors. */
export const backendPropsFromContext = (node: { tryGetContext(key: string): unknown }): ModellregionenBackendProps => {
  const parse = <T>(key: string, fallback: T): T => {
    const value = node.tryGetContext(key);
    if (value === undefined) return fallback;
    if (typeof value !== 'string') return value as T;
    try {
      return JSON.parse(value) as T;
    } catch {
      return value as T;
    }
  };
  const regionPrincipals = parse<Record<string, string>>('regionPrincipals', {});
  if (Object.keys(regionPrincipals).length === 0) {
    throw new Error('context "regionPrincipals" must map each region id (and "ministerium") to its AWS account id or principal ARN');
  }
  // `-c key=one` or `-c key='["one","two"]'`.
  const list = (key: string): string[] => {
    const value = parse<unknown>(key, []);
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
    throw new Error(`context "${key}" must be a string or a JSON array of strings`);
  };
  const webDomainNames = list('webDomainNames');
  const webCertificateArn = parse<string | undefined>('webCertificateArn', undefined);
  if (webDomainNames.length > 0 !== (webCertificateArn !== undefined)) {
    throw new Error('context "webDomainNames" and "webCertificateArn" go together: the domain names and their certificate in us-east-1');
  }
  const removal = parse<string>('removalPolicy', 'retain');
  if (removal !== 'retain' && removal !== 'destroy') throw new Error('context "removalPolicy" must be "retain" or "destroy"');
  return {
    busName: parse<string>('busName', DEFAULT_BUS_NAME),
    regionPrincipals,
    subscriberBuses: parse<string[]>('subscriberBuses', []).map((eventBusArn) => ({ eventBusArn })),
    removalPolicy: removal === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    web: {
      // The CDK app builds it before it reads this (infra/bin/app.ts).
      appDir: WEB_DIST,
      hostedUiDomainPrefix: parse<string | undefined>('cognitoDomainPrefix', undefined),
      customDomain: webCertificateArn === undefined ? undefined : { domainNames: webDomainNames, certificateArn: webCertificateArn },
      additionalAppUrls: list('webAppUrls'),
      webAclArn: parse<string | undefined>('webAclArn', undefined),
    },
  };
};
