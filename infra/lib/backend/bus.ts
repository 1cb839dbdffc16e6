import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ARCHIVE_PATTERN, DEFAULT_BUS_NAME, MINISTRY_ID, regionSource, RULES, type TargetName } from '@modellregionen/events';
import { TARGET_RETRY_POLICY, WORK_QUEUES } from '../delivery-settings';

/** A rule target's queue, and the dead-letter queue it parks messages in. */
export interface WorkQueue {
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;
}

/** The dead-letter queues, each by the name of its section in docs/operations.md. */
type DeadLetterQueueName = 'AggregateDeadLetters' | 'WebhookDeadLetters' | 'BusDeliveryDeadLetters';

interface ReportBusProps {
  /**
   * Name of the custom bus; its archive is `<name>-archive`.
   * @default DEFAULT_BUS_NAME (`modellregionen`)
   */
  readonly busName?: string;
  /**
   * The AWS principal of each region (an account id or an IAM principal ARN), keyed by region id;
   * the key `ministerium` is the ministry. Each may put events only with its own `Source`.
   */
  readonly regionPrincipals: Readonly<Record<string, string>>;
}

const WORK_QUEUE_IDS: Readonly<Record<TargetName, string>> = { aggregate: 'Aggregate', webhooks: 'Webhook' };

/**
 * The custom bus with its archive and resource policy, and its rules (events/src/rules.ts), each
 * delivering to an encrypted work queue with a dead-letter queue. EventBridge parks what it cannot
 * put on a target in a dead-letter queue of its own.
 */
export class ReportBus extends Construct {
  readonly bus: events.EventBus;
  /** Each rule target's queue. Whoever consumes it adds the event source. */
  readonly workQueues: Readonly<Record<TargetName, WorkQueue>>;
  /** Where EventBridge puts events it could not put on a rule target. */
  readonly deliveryDeadLetters: sqs.Queue;
  readonly deadLetterQueues: Readonly<Record<DeadLetterQueueName, sqs.Queue>>;

  constructor(scope: Construct, id: string, props: ReportBusProps) {
    super(scope, id);
    const busName = props.busName ?? DEFAULT_BUS_NAME;

    // 'Default' is left out of logical ids: the bus, its archive (every event, the source the views
    // are rebuilt from) and its policy keep the logical ids they had before this construct existed.
    this.bus = new events.EventBus(this, 'Default', { eventBusName: busName });
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

    this.deliveryDeadLetters = this.queue('DeliveryDeadLetters');
    // Each rule target: EventBridge -> SQS (buffer, retries, DLQ) -> Lambda with partial batch
    // failures; the function redelivers failed messages with exponential backoff.
    this.workQueues = { aggregate: this.workQueue('aggregate'), webhooks: this.workQueue('webhooks') };
    this.deadLetterQueues = {
      AggregateDeadLetters: this.workQueues.aggregate.deadLetters,
      WebhookDeadLetters: this.workQueues.webhooks.deadLetters,
      BusDeliveryDeadLetters: this.deliveryDeadLetters,
    };
    for (const rule of RULES) {
      new events.Rule(this, `Rule-${rule.name}`, {
        eventBus: this.bus,
        ruleName: rule.name,
        description: rule.description,
        // The shared pattern, as it is: CDK passes unknown shapes through untouched.
        eventPattern: rule.eventPattern as events.EventPattern,
        targets: [new targets.SqsQueue(this.workQueues[rule.target].queue, { deadLetterQueue: this.deliveryDeadLetters, ...TARGET_RETRY_POLICY })],
      });
    }
  }

  /** An encrypted queue that parks messages after the deliveries of the target's retry schedule. */
  private workQueue(target: TargetName): WorkQueue {
    const settings = WORK_QUEUES[target];
    const id = WORK_QUEUE_IDS[target];
    const deadLetters = this.queue(`${id}DeadLetters`);
    const queue = new sqs.Queue(this, `${id}Queue`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: settings.visibilityTimeout,
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: settings.retry.maxReceiveCount },
    });
    return { queue, deadLetters };
  }

  private queue(id: string): sqs.Queue {
    return new sqs.Queue(this, id, { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
  }
}
