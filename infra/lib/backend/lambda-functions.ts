import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { MINISTRY_ID, TARGETS, type TargetName, VALIDATION_SOURCE } from '@modellregionen/events';
import { FUNCTION_TIMEOUTS, WORK_QUEUES } from '../delivery-settings';
import { buildLambdaBundles } from '../bundling/lambda-bundles';
import type { FunctionName } from '../functions';
import type { WorkQueue } from './bus';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

interface BackendFunctionsProps {
  /** The table every function reads or writes (environment `TABLE_NAME`). */
  readonly table: dynamodb.ITable;
  /** The bus the functions publish to (environment `EVENT_BUS_NAME`). */
  readonly bus: events.IEventBus;
  /** The queue each rule target's function consumes. */
  readonly workQueues: Readonly<Record<TargetName, WorkQueue>>;
  /**
   * Log level of the functions (Powertools).
   * @default 'INFO'
   */
  readonly logLevel?: LogLevel;
}

/**
 * The four functions (FUNCTION_ENTRIES), each an esbuild bundle (infra/lib/bundling/lambda-bundles.ts)
 * with a log group of its own; the queue consumers' event sources; and for each function exactly
 * the calls it makes.
 */
export class BackendFunctions extends Construct {
  readonly functions: Readonly<Record<FunctionName, lambda.Function>>;

  constructor(scope: Construct, id: string, props: BackendFunctionsProps) {
    super(scope, id);
    const environment = {
      TABLE_NAME: props.table.tableName,
      EVENT_BUS_NAME: props.bus.eventBusName,
      POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
      POWERTOOLS_METRICS_NAMESPACE: 'Modellregionen',
    };
    const buildDir = mkdtempSync(join(tmpdir(), 'lambda-bundles-'));
    try {
      // Everything a function runs is in its bundle, the versions the tests ran (the lock file);
      // nothing is taken from the Lambda runtime's copy of the AWS SDK (docs/bundles.md).
      const bundles = buildLambdaBundles(buildDir);
      const fn = (name: string, key: FunctionName) => {
        const logGroup = new logs.LogGroup(this, `${name}Logs`, { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY });
        return new lambda.Function(this, name, {
          code: lambda.Code.fromAsset(bundles[key]),
          handler: 'index.handler',
          runtime: lambda.Runtime.NODEJS_24_X,
          architecture: lambda.Architecture.ARM_64,
          memorySize: 512,
          timeout: FUNCTION_TIMEOUTS[key],
          tracing: lambda.Tracing.ACTIVE,
          logGroup,
          environment: { ...environment, POWERTOOLS_SERVICE_NAME: `modellregionen-${name.toLowerCase()}` },
        });
      };
      this.functions = {
        aggregate: fn('Aggregate', 'aggregate'),
        apiRead: fn('ApiRead', 'apiRead'),
        apiWrite: fn('ApiWrite', 'apiWrite'),
        webhooks: fn('Webhooks', 'webhooks'),
      };
    } finally {
      // The assets are staged (copied into the cloud assembly) as the constructs are made.
      rmSync(buildDir, { recursive: true, force: true });
    }

    // The event source grants the consumer ReceiveMessage, DeleteMessage and ChangeMessageVisibility
    // (its backoff) on its own queue only.
    for (const target of TARGETS) {
      const settings = WORK_QUEUES[target];
      this.functions[target].addEventSource(
        new SqsEventSource(props.workQueues[target].queue, {
          batchSize: settings.batchSize,
          ...(settings.maxBatchingWindow ? { maxBatchingWindow: settings.maxBatchingWindow } : {}),
          reportBatchItemFailures: true,
        }),
      );
    }

    // Least privilege: each function gets exactly the calls it makes.
    const { aggregate, apiRead, apiWrite, webhooks } = this.functions;
    props.table.grant(aggregate, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query');
    aggregate.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['events:PutEvents'],
        resources: [props.bus.eventBusArn],
        conditions: { StringEquals: { 'events:source': VALIDATION_SOURCE } },
      }),
    );
    props.table.grant(apiRead, 'dynamodb:GetItem', 'dynamodb:Query');
    props.table.grant(webhooks, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query');
    props.table.grant(apiWrite, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:DeleteItem');
    apiWrite.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['events:PutEvents'],
        resources: [props.bus.eventBusArn],
        conditions: { StringLike: { 'events:source': ['modellregion.*', MINISTRY_ID] } },
      }),
    );
  }
}
