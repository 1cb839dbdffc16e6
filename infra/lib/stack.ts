import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { DEFAULT_BUS_NAME } from '@modellregionen/events';
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
    const { workQueues, busDeliveryDeadLetters, functions, table } = this.backend;
    // CloudFormation names the table.
    new CfnOutput(this, 'TableName', { value: table.tableName });
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
  const removal = parse<string>('removalPolicy', 'retain');
  if (removal !== 'retain' && removal !== 'destroy') throw new Error('context "removalPolicy" must be "retain" or "destroy"');
  return {
    busName: parse<string>('busName', DEFAULT_BUS_NAME),
    regionPrincipals,
    subscriberBuses: parse<string[]>('subscriberBuses', []).map((eventBusArn) => ({ eventBusArn })),
    removalPolicy: removal === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  };
};
