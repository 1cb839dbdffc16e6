import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ROLES, ROUTES } from '@modellregionen/api';
import {
  ARCHIVE_PATTERN,
  FINDINGS_FORWARDING_PATTERN,
  MINISTRY_ID,
  regionSource,
  RULES,
  type TargetName,
  VALIDATION_SOURCE,
} from '@modellregionen/events';
import { DEFAULT_TABLE_NAME, TABLE_KEYS } from '@modellregionen/store';
import { FUNCTION_TIMEOUTS, TARGET_RETRY_POLICY, WORK_QUEUES, type WorkQueueSettings } from './delivery-settings';
import { BUNDLE_SETTINGS, FUNCTION_ENTRIES } from './functions';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A subscriber's event bus in another account or AWS region that receives every finding. */
export interface SubscriberBus {
  /** ARN of the subscriber's bus; its resource policy must allow this account to put events. */
  readonly eventBusArn: string;
}

export interface ModellregionenBackendProps {
  /** Name of the custom bus (default `modellregionen`). */
  readonly busName?: string;
  /**
   * The AWS principal of each region (an account id or an IAM principal ARN), keyed by region id;
   * the key `ministerium` is the ministry. Each may put events only with its own `Source`.
   */
  readonly regionPrincipals: Readonly<Record<string, string>>;
  /** Buses in other accounts or regions that receive findings. */
  readonly subscriberBuses?: readonly SubscriberBus[];
  /** Where alarms go; a new encrypted topic when absent. */
  readonly alarmTopic?: sns.ITopic;
  /** What happens to the table when the stack is deleted (default RETAIN). */
  readonly removalPolicy?: RemovalPolicy;
  /** Log level of the functions (Powertools; default INFO). */
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
}

/**
 * The whole reporting backend: bus, archive and policy; aggregation (EventBridge -> SQS -> Lambda)
 * with dead-letter queues and alarms; the table; the HTTP API with Cognito; findings forwarding.
 */
export class ModellregionenBackend extends Construct {
  readonly bus: events.EventBus;
  readonly table: dynamodb.Table;
  readonly api: apigw.HttpApi;
  readonly userPool: cognito.UserPool;
  readonly functions: Record<keyof typeof FUNCTION_ENTRIES, nodejs.NodejsFunction>;
  readonly deadLetterQueues: sqs.Queue[] = [];
  readonly alarmTopic: sns.ITopic;
  readonly targetDeadLetterQueues: sqs.Queue[] = [];
  /** Each rule target's queue, and the dead-letter queue it parks messages in. */
  readonly workQueues: Record<TargetName, { readonly queue: sqs.Queue; readonly deadLetters: sqs.Queue }>;
  /** Where EventBridge puts events it could not put on a rule target. */
  readonly busDeliveryDeadLetters: sqs.Queue;
  /** Routes without the authorizer (the OpenAPI document). */
  readonly publicRoutes: apigw.HttpRoute[] = [];

  constructor(scope: Construct, id: string, props: ModellregionenBackendProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const busName = props.busName ?? 'modellregionen';

    // --- Alarms go here -------------------------------------------------------------------
    this.alarmTopic = props.alarmTopic ?? this.encryptedAlarmTopic();

    // --- Table ------------------------------------------------------------------------------
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: DEFAULT_TABLE_NAME,
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      deletionProtection: true,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });

    // --- Bus, archive, policy ---------------------------------------------------------------
    this.bus = new events.EventBus(this, 'Bus', { eventBusName: busName });
    this.bus.archive('Archive', {
      archiveName: `${busName}-archive`,
      description: 'Every event of the regions, the ministry and the validation; a replay rebuilds the views.',
      eventPattern: ARCHIVE_PATTERN as events.EventPattern,
      retention: Duration.days(0),
    });
    for (const [principalId, principal] of Object.entries(props.regionPrincipals)) {
      this.bus.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: `put-own-source-${principalId}`,
          principals: [/^\d{12}$/.test(principal) ? new iam.AccountPrincipal(principal) : new iam.ArnPrincipal(principal)],
          actions: ['events:PutEvents'],
          resources: [this.bus.eventBusArn],
          conditions: { StringEquals: { 'events:source': principalId === MINISTRY_ID ? MINISTRY_ID : regionSource(principalId) } },
        }),
      );
    }

    // --- Functions --------------------------------------------------------------------------
    const environment = {
      TABLE_NAME: this.table.tableName,
      EVENT_BUS_NAME: this.bus.eventBusName,
      POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
      POWERTOOLS_METRICS_NAMESPACE: 'Modellregionen',
      NODE_OPTIONS: '--enable-source-maps',
    };
    const fn = (name: string, key: keyof typeof FUNCTION_ENTRIES) => {
      const logGroup = new logs.LogGroup(this, `${name}Logs`, { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY });
      return new nodejs.NodejsFunction(this, name, {
        entry: path.join(ROOT, FUNCTION_ENTRIES[key]),
        projectRoot: ROOT,
        depsLockFilePath: path.join(ROOT, 'package-lock.json'),
        runtime: lambda.Runtime.NODEJS_22_X,
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
          // file), not whatever SDK the Lambda runtime ships that month.
          externalModules: [],
        },
      });
    };

    const deliveryDlq = this.queue('BusDeliveryDeadLetters');
    this.busDeliveryDeadLetters = deliveryDlq;
    /** Queues that are dead-letter queues of EventBridge targets (cdk-nag cannot see that). */
    this.targetDeadLetterQueues.push(deliveryDlq);
    this.functions = {
      aggregate: fn('Aggregate', 'aggregate'),
      apiRead: fn('ApiRead', 'apiRead'),
      apiWrite: fn('ApiWrite', 'apiWrite'),
      webhooks: fn('Webhooks', 'webhooks'),
    };
    // Each rule target: EventBridge -> SQS (buffer, retries, DLQ) -> Lambda with partial batch
    // failures; the function redelivers failed messages with exponential backoff.
    this.workQueues = {
      aggregate: this.workQueue('Aggregate', this.functions.aggregate, WORK_QUEUES.aggregate),
      webhooks: this.workQueue('Webhook', this.functions.webhooks, WORK_QUEUES.webhooks),
    };
    for (const rule of RULES) {
      new events.Rule(this, `Rule-${rule.name}`, {
        eventBus: this.bus,
        ruleName: rule.name,
        description: rule.description,
        // The shared pattern, as it is: CDK passes unknown shapes through untouched.
        eventPattern: rule.eventPattern as events.EventPattern,
        targets: [new targets.SqsQueue(this.workQueues[rule.target].queue, { deadLetterQueue: deliveryDlq, ...TARGET_RETRY_POLICY })],
      });
    }

    // Findings to subscriber buses in other accounts or regions, with a role EventBridge assumes.
    if (props.subscriberBuses && props.subscriberBuses.length > 0) {
      const role = new iam.Role(this, 'ForwardFindingsRole', {
        assumedBy: new iam.ServicePrincipal('events.amazonaws.com'),
        description: 'Lets EventBridge put findings on the subscriber buses.',
      });
      new events.Rule(this, 'Rule-forward-findings', {
        eventBus: this.bus,
        ruleName: 'findings-to-subscriber-buses',
        description: 'Findings to subscriber buses in other accounts or AWS regions.',
        eventPattern: FINDINGS_FORWARDING_PATTERN as events.EventPattern,
        targets: props.subscriberBuses.map(
          (s) => new targets.EventBus(events.EventBus.fromEventBusArn(this, `Subscriber-${s.eventBusArn}`, s.eventBusArn), { role, deadLetterQueue: deliveryDlq }),
        ),
      });
    }

    // --- Least privilege: each function gets exactly the calls it makes ---------------------
    this.table.grant(this.functions.aggregate, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query');
    this.functions.aggregate.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['events:PutEvents'],
        resources: [this.bus.eventBusArn],
        conditions: { StringEquals: { 'events:source': VALIDATION_SOURCE } },
      }),
    );
    this.table.grant(this.functions.apiRead, 'dynamodb:GetItem', 'dynamodb:Query');
    this.table.grant(this.functions.webhooks, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query');
    this.table.grant(this.functions.apiWrite, 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:DeleteItem');
    this.functions.apiWrite.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['events:PutEvents'],
        resources: [this.bus.eventBusArn],
        conditions: { StringLike: { 'events:source': ['modellregion.*', MINISTRY_ID] } },
      }),
    );

    // --- HTTP API with Cognito --------------------------------------------------------------
    this.userPool = new cognito.UserPool(this, 'Users', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      customAttributes: {
        region: new cognito.StringAttribute({ mutable: true, minLen: 1, maxLen: 64 }),
        municipality: new cognito.StringAttribute({ mutable: true, minLen: 1, maxLen: 200 }),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const role of ROLES) new cognito.CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.userPool.userPoolId, groupName: role });
    const client = this.userPool.addClient('ApiClient', {
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      // The custom attributes the API reads are set by administrators only.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }),
    });
    for (const f of [this.functions.apiRead, this.functions.apiWrite]) {
      f.addEnvironment('USER_POOL_ID', this.userPool.userPoolId);
      f.addEnvironment('USER_POOL_CLIENT_ID', client.userPoolClientId);
    }

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.DESTROY });
    const authorizer = new HttpUserPoolAuthorizer('Cognito', this.userPool, { userPoolClients: [client] });
    this.api = new apigw.HttpApi(this, 'HttpApi', {
      apiName: 'modellregionen',
      description: 'Modellregionen Integration reporting API',
      createDefaultStage: false,
    });
    // Not 'Default': CDK leaves that id out of logical ids, which would collide with the API's own.
    const stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
    });
    const cfnStage = stage.node.defaultChild as apigw.CfnStage;
    cfnStage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        ip: '$context.identity.sourceIp',
        requestTime: '$context.requestTime',
        routeKey: '$context.routeKey',
        status: '$context.status',
        principal: '$context.authorizer.claims.sub',
      }),
    };
    const integrations = {
      read: new HttpLambdaIntegration('ReadIntegration', this.functions.apiRead),
      write: new HttpLambdaIntegration('WriteIntegration', this.functions.apiWrite),
    };
    for (const route of ROUTES) {
      const routes = this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration: integrations[route.fn],
        authorizer: route.access === 'public' ? new apigw.HttpNoneAuthorizer() : authorizer,
      });
      if (route.access === 'public') this.publicRoutes.push(...routes);
    }

    // --- Alarms on every dead-letter queue and on function errors ----------------------------
    for (const dlq of this.deadLetterQueues) {
      new cloudwatch.Alarm(this, `${dlq.node.id}Alarm`, {
        alarmDescription: `Messages in ${dlq.node.id}: events that could not be processed. Inspect, fix, then redrive: docs/operations.md, "${dlq.node.id}".`,
        metric: dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new cwActions.SnsAction(this.alarmTopic));
    }
    for (const [name, f] of Object.entries(this.functions)) {
      new cloudwatch.Alarm(this, `${name}ErrorsAlarm`, {
        alarmDescription: `The ${name} function failed invocations: docs/operations.md, "Function errors".`,
        metric: f.metricErrors({ period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new cwActions.SnsAction(this.alarmTopic));
    }
  }

  /**
   * An alarm topic encrypted with a key of its own: CloudWatch cannot publish to a topic under the
   * AWS managed key (alias/aws/sns), whose policy cannot grant it the key, so alarms would be lost.
   */
  private encryptedAlarmTopic(): sns.Topic {
    const stack = Stack.of(this);
    const key = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the Modellregionen alarm topic; CloudWatch alarms of this account may use it to publish.',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'cloudwatch-alarms-publish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        // In a key policy, "*" is this key.
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:*` },
        },
      }),
    );
    return new sns.Topic(this, 'AlarmTopic', { displayName: 'Modellregionen Integration alarms', masterKey: key, enforceSSL: true });
  }

  /** An encrypted queue feeding `consumer` in batches, parking messages after the retry schedule's deliveries. */
  private workQueue(name: string, consumer: lambda.IFunction, settings: WorkQueueSettings) {
    const deadLetters = this.queue(`${name}DeadLetters`);
    const queue = new sqs.Queue(this, `${name}Queue`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: settings.visibilityTimeout,
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: settings.retry.maxReceiveCount },
    });
    // The event source grants the consumer ReceiveMessage, DeleteMessage and ChangeMessageVisibility
    // (its backoff) on this queue only.
    consumer.addEventSource(
      new SqsEventSource(queue, { batchSize: settings.batchSize, maxBatchingWindow: settings.maxBatchingWindow, reportBatchItemFailures: true }),
    );
    return { queue, deadLetters };
  }

  private queue(id: string): sqs.Queue {
    const queue = new sqs.Queue(this, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.deadLetterQueues.push(queue);
    return queue;
  }
}
