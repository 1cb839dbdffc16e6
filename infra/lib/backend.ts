import type { RemovalPolicy } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { TargetName } from '@modellregionen/events';
import { BackendAlarms } from './backend/alarms';
import { ReportingApi } from './backend/api';
import { ReportBus, type WorkQueue } from './backend/bus';
import { BackendFunctions, type LogLevel } from './backend/lambda-functions';
import { type SubscriberBus, SubscriberForwarding } from './backend/subscriber-forwarding';
import { ReportTable } from './backend/table';
import { UserDirectory } from './backend/users';
import { WebApp, type WebAppCustomDomain } from './backend/web';
import type { FunctionName } from './functions';

/** Where the web app's build is, and how the app is reached. */
interface WebAppSettings {
  /** The built app (packages/web/dist): `ensureWebBuilt()` of @modellregionen/web/build makes it. */
  readonly appDir: string;
  /**
   * Prefix of Cognito's hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`), unique
   * in the AWS region.
   * @default `modellregionen-<account id>`
   */
  readonly hostedUiDomainPrefix?: string;
  /**
   * A domain of the organisation's own, with its certificate in us-east-1.
   * @default CloudFront's `d….cloudfront.net`
   */
  readonly customDomain?: WebAppCustomDomain;
  /**
   * Further app addresses that may receive the sign-in's code (`https://host` or `http://localhost:<port>`).
   * @default none
   */
  readonly additionalAppUrls?: readonly string[];
  /**
   * ARN of a WAF web ACL (scope CLOUDFRONT, in us-east-1) for the distribution.
   * @default none
   */
  readonly webAclArn?: string;
}

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
   * What happens to the table, the user pool and the web app's buckets when they leave the stack.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * Log level of the functions (Powertools).
   * @default 'INFO'
   */
  readonly logLevel?: LogLevel;
  /** The web app: served by CloudFront from a private bucket, `/v1/*` to the HTTP API. */
  readonly web: WebAppSettings;
}

/**
 * The whole reporting backend: the table; the bus with its archive, policy, rules and work queues;
 * the functions; findings forwarded to subscriber buses; the HTTP API with its Cognito users; the
 * web app behind CloudFront; and alarms. Each is a construct of its own (infra/lib/backend/); this one composes them.
 */
export class ModellregionenBackend extends Construct {
  readonly bus: events.EventBus;
  readonly table: dynamodb.Table;
  readonly api: apigw.HttpApi;
  readonly userPool: cognito.UserPool;
  readonly web: WebApp;
  readonly functions: Readonly<Record<FunctionName, lambda.Function>>;
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

    const users = new UserDirectory(this, 'Users', { removalPolicy: props.removalPolicy, domainPrefix: props.web.hostedUiDomainPrefix });
    this.userPool = users.userPool;
    // The app first: its client needs the distribution's address, and the API's authorizer the client.
    this.web = new WebApp(this, 'Web', {
      appDir: props.web.appDir,
      users,
      customDomain: props.web.customDomain,
      additionalAppUrls: props.web.additionalAppUrls,
      webAclArn: props.web.webAclArn,
      removalPolicy: props.removalPolicy,
    });
    const api = new ReportingApi(this, 'HttpApi', {
      userPool: users.userPool,
      clients: [users.client, this.web.client],
      readFunction: this.functions.apiRead,
      writeFunction: this.functions.apiWrite,
    });
    this.api = api.api;
    this.web.serveApi(this.api);
    this.publicRoutes = [...api.publicRoutes];

    this.alarmTopic = new BackendAlarms(this, 'Alarms', {
      topic: props.alarmTopic,
      deadLetterQueues: bus.deadLetterQueues,
      functions: this.functions,
    }).topic;
  }
}
