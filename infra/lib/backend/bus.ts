import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ARCHIVE_PATTERN, DEFAULT_BUS_NAME, MINISTRY_ID, regionSource, RULES, type TargetName } from '@modellregionen/events';
import { TARGET_RETRY_POLICY, WORK_QUEUES } from '../delivery-settings';
import { allowRulesOfBus, QueueTarget } from './queue-target';

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
 * delivering to an encrypted work queue with a dead-letter queue: the aggregation's a FIFO queue
 * whose message groups are the regions (each rule names its group), the webhooks' a standard
 * queue. EventBridge parks what it cannot put on a target in a dead-letter queue of its own
 * (EventBridge takes only a standard queue for that).
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

    this.deliveryDeadLetters = this.queue('DeliveryDeadLetters', false);
    allowRulesOfBus(this.deliveryDeadLetters, busName);
    // Each rule target: EventBridge -> SQS (buffer, retries, DLQ) -> Lambda with partial batch
    // failures; the function redelivers failed messages with exponential backoff.
    this.workQueues = { aggregate: this.workQueue('aggregate'), webhooks: this.workQueue('webhooks') };
    this.deadLetterQueues = {
      AggregateDeadLetters: this.workQueues.aggregate.deadLetters,
      WebhookDeadLetters: this.workQueues.webhooks.deadLetters,
      BusDeliveryDeadLetters: this.deliveryDeadLetters,
    };
    for (const { queue } of Object.values(this.workQueues)) allowRulesOfBus(queue, busName);
    for (const rule of RULES) {
      new events.Rule(this, `Rule-${rule.name}`, {
        eventBus: this.bus,
        ruleName: rule.name,
        description: rule.description,
        // The shared pattern, as it is: CDK passes unknown shapes through untouched.
        eventPattern: rule.eventPattern as events.EventPattern,
        targets: [
          new QueueTarget(this.workQueues[rule.target].queue, {
            deadLetterQueue: this.deliveryDeadLetters,
            ...TARGET_RETRY_POLICY,
            ...(rule.messageGroupId === undefined ? {} : { messageGroupId: rule.messageGroupId }),
          }),
        ],
      });
    }
  }

  /**
   * An encrypted queue that parks messages after the deliveries of the target's retry schedule. A
   * FIFO queue deduplicates by content, as EventBridge requires of a FIFO target (it sends no
   * deduplication id): the same event sent twice within five minutes (EventBridge retrying a send
   * whose answer was lost) is queued once, while a replayed event carries `replay-name` and is a
   * new message. Its dead-letter queue is FIFO too, as SQS requires.
   */
  private workQueue(target: TargetName): WorkQueue {
    const settings = WORK_QUEUES[target];
    const id = WORK_QUEUE_IDS[target];
    const deadLetters = this.queue(`${id}DeadLetters`, settings.fifo);
    const queue = new sqs.Queue(this, `${id}Queue`, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: settings.visibilityTimeout,
      retentionPeriod: Duration.days(14),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: settings.retry.maxReceiveCount },
      ...(settings.fifo ? { fifo: true, contentBasedDeduplication: true } : {}),
    });
    return { queue, deadLetters };
  }

  private queue(id: string, fifo: boolean): sqs.Queue {
    return new sqs.Queue(this, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      ...(fifo ? { fifo: true } : {}),
    });
  }
}
