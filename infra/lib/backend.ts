import type { RemovalPolicy } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TargetName } from '@modellregionen/events';
import { BackendAlarms } from './backend/alarms';
import { ReportingApi } from './backend/api';
import { ReportBus, type WorkQueue } from './backend/bus';
import { BackendFunctions, type FunctionName, type LogLevel } from './backend/lambda-functions';
import { type SubscriberBus, SubscriberForwarding } from './backend/subscriber-forwarding';
import { ReportTable } from './backend/table';
import { UserDirectory } from './backend/users';

export interface ModellregionenBackendProps {
  /**
   * Name of the custom bus; its archive is `<name>-archive`.
   * @default DEFAULT_BUS_NAME of @modellregionen/events (`modellregionen`)
   */
  readonly busName?: string;
  /**
   * The AWS principal of each region (an account id or an IAM principal ARN), keyed by region id;
   * the key `ministerium` is the ministry. Each may put events only with its own `Source`.
   */
  readonly regionPrincipals: Readonly<Record<string, string>>;
  /**
   * Buses in other accounts or AWS regions that receive every finding.
   * @default none: findings go to the webhooks only
   */
  readonly subscriberBuses?: readonly SubscriberBus[];
  /**
   * Where alarms go.
   * @default a new topic, encrypted with a key of its own that CloudWatch may use
   */
  readonly alarmTopic?: sns.ITopic;
  /**
   * What happens to the table and the user pool when they leave the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Log level of the functions (Powertools).
   * @default 'INFO'
   */
  readonly logLevel?: LogLevel;
}

/**
 * The whole reporting backend: the table; the bus with its archive, policy, rules and work queues;
 * the functions; findings forwarded to subscriber buses; the HTTP API with its Cognito users; and
 * alarms. Each is a construct of its own (infra/lib/backend/); this one composes them.
 */
export class ModellregionenBackend extends Construct {
  readonly bus: events.EventBus;
  readonly table: dynamodb.Table;
  readonly api: apigw.HttpApi;
  readonly userPool: cognito.UserPool;
  readonly functions: Readonly<Record<FunctionName, nodejs.NodejsFunction>>;
  readonly deadLetterQueues: sqs.Queue[];
  readonly alarmTopic: sns.ITopic;
  /** Queues that are dead-letter queues of EventBridge targets (cdk-nag cannot see that). */
  readonly targetDeadLetterQueues: sqs.Queue[];
  /** Each rule target's queue, and the dead-letter queue it parks messages in. */
  readonly workQueues: Readonly<Record<TargetName, WorkQueue>>;
  /** Where EventBridge puts events it could not put on a rule target. */
  readonly busDeliveryDeadLetters: sqs.Queue;
  /** Routes without the authorizer (the OpenAPI document). */
  readonly publicRoutes: apigw.HttpRoute[];

  constructor(scope: Construct, id: string, props: ModellregionenBackendProps) {
    super(scope, id);
    // The ids of the constructs that hold data ('Table', 'Bus', 'Users', 'HttpApi') are part of
    // their resources' logical ids: renaming one replaces the table, the archive, the user pool or
    // the API's URL on the next deployment.
    this.table = new ReportTable(this, 'Table', { removalPolicy: props.removalPolicy }).table;

    const bus = new ReportBus(this, 'Bus', { busName: props.busName, regionPrincipals: props.regionPrincipals });
    this.bus = bus.bus;
    this.workQueues = bus.workQueues;
    this.busDeliveryDeadLetters = bus.deliveryDeadLetters;
    this.targetDeadLetterQueues = [bus.deliveryDeadLetters];
    this.deadLetterQueues = Object.values(bus.deadLetterQueues);
    if (props.subscriberBuses && props.subscriberBuses.length > 0) {
      new SubscriberForwarding(this, 'ForwardFindings', {
        bus: this.bus,
        subscriberBuses: props.subscriberBuses,
        deadLetterQueue: bus.deliveryDeadLetters,
      });
    }

    this.functions = new BackendFunctions(this, 'Functions', {
      table: this.table,
      bus: this.bus,
      workQueues: bus.workQueues,
      logLevel: props.logLevel,
    }).functions;

    const users = new UserDirectory(this, 'Users', { removalPolicy: props.removalPolicy });
    this.userPool = users.userPool;
    const api = new ReportingApi(this, 'HttpApi', {
      userPool: users.userPool,
      client: users.client,
      readFunction: this.functions.apiRead,
      writeFunction: this.functions.apiWrite,
    });
    this.api = api.api;
    this.publicRoutes = [...api.publicRoutes];

    this.alarmTopic = new BackendAlarms(this, 'Alarms', {
      topic: props.alarmTopic,
      deadLetterQueues: bus.deadLetterQueues,
      functions: this.functions,
    }).topic;
  }
}
