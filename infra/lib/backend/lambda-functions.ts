import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RemovalPolicy } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { MINISTRY_ID, TARGETS, type TargetName, VALIDATION_SOURCE } from '@modellregionen/events';
import { FUNCTION_TIMEOUTS, WORK_QUEUES } from '../delivery-settings';
import { BUNDLE_SETTINGS, FUNCTION_ENTRIES, FUNCTION_NODE_OPTIONS } from '../functions';
import type { WorkQueue } from './bus';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export type FunctionName = keyof typeof FUNCTION_ENTRIES;
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
 * The four functions (FUNCTION_ENTRIES), each an esbuild bundle with a log group of its own; the
 * queue consumers' event sources; and for each function exactly the calls it makes.
 */
export class BackendFunctions extends Construct {
  readonly functions: Readonly<Record<FunctionName, nodejs.NodejsFunction>>;

  constructor(scope: Construct, id: string, props: BackendFunctionsProps) {
    super(scope, id);
    const environment = {
      TABLE_NAME: props.table.tableName,
      EVENT_BUS_NAME: props.bus.eventBusName,
      POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
      POWERTOOLS_METRICS_NAMESPACE: 'Modellregionen',
      NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
    };
    const fn = (name: string, key: FunctionName) => {
      const logGroup = new logs.LogGroup(this, `${name}Logs`, { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY });
      return new nodejs.NodejsFunction(this, name, {
        entry: path.join(ROOT, FUNCTION_ENTRIES[key]),
        projectRoot: ROOT,
        depsLockFilePath: path.join(ROOT, 'package-lock.json'),
        runtime: lambda.Runtime.NODEJS_24_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: 512,
        timeout: FUNCTION_TIMEOUTS[key],
        tracing: lambda.Tracing.ACTIVE,
        logGroup,
        environment: { ...environment, POWERTOOLS_SERVICE_NAME: `modellregionen-${name.toLowerCase()}` },
        bundling: {
          minify: true,
          sourceMap: true,
          target: BUNDLE_SETTINGS.target,
          format: nodejs.OutputFormat.ESM,
          mainFields: [...BUNDLE_SETTINGS.mainFields],
          banner: BUNDLE_SETTINGS.banner,
          tsconfig: path.join(ROOT, 'tsconfig.json'),
          logLevel: nodejs.LogLevel.ERROR,
          // Bundle the AWS SDK too: the function runs the exact versions the tests ran (the lock
          // file), not whatever SDK the Lambda runtime ships that month, and loads it as one
          // minified file rather than the runtime's hundreds (docs/bundles.md).
          externalModules: [],
          esbuildArgs: Object.fromEntries(Object.entries(BUNDLE_SETTINGS.alias).map(([from, to]) => [`--alias:${from}`, to])),
        },
      });
    };
    this.functions = {
      aggregate: fn('Aggregate', 'aggregate'),
      apiRead: fn('ApiRead', 'apiRead'),
      apiWrite: fn('ApiWrite', 'apiWrite'),
      webhooks: fn('Webhooks', 'webhooks'),
    };

    // The event source grants the consumer ReceiveMessage, DeleteMessage and ChangeMessageVisibility
    // (its backoff) on its own queue only.
    for (const target of TARGETS) {
      const settings = WORK_QUEUES[target];
      this.functions[target].addEventSource(
        new SqsEventSource(props.workQueues[target].queue, {
          batchSize: settings.batchSize,
          maxBatchingWindow: settings.maxBatchingWindow,
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
