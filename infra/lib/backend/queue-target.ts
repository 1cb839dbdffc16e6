import { type Duration, Stack } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';

interface QueueTargetProps {
  /** Where EventBridge parks an event it could not put on the queue. */
  readonly deadLetterQueue: sqs.IQueue;
  /** EventBridge's own retries of putting an event on the queue. */
  readonly retryAttempts: number;
  readonly maxEventAge: Duration;
  /** The message group of every message the rule sends (a FIFO queue only). */
  readonly messageGroupId?: string;
}

/**
 * A queue as a rule's target. Unlike `aws-events-targets`' SqsQueue it grants nothing itself:
 * `allowRulesOfBus` lets every rule of the bus send with one statement per queue policy, where
 * SqsQueue adds one per rule, to the queue and to the dead-letter queue. SQS allows 20 statements
 * in a queue policy, and the aggregation has a rule per region of the registry.
 */
export class QueueTarget implements events.IRuleTarget {
  constructor(
    private readonly queue: sqs.IQueue,
    private readonly props: QueueTargetProps,
  ) {}

  bind(): events.RuleTargetConfig {
    const { deadLetterQueue, retryAttempts, maxEventAge, messageGroupId } = this.props;
    return {
      arn: this.queue.queueArn,
      targetResource: this.queue,
      deadLetterConfig: { arn: deadLetterQueue.queueArn },
      retryPolicy: { maximumRetryAttempts: retryAttempts, maximumEventAgeInSeconds: maxEventAge.toSeconds() },
      ...(messageGroupId === undefined ? {} : { sqsParameters: { messageGroupId } }),
    };
  }
}

/** Lets EventBridge send to the queue for any rule of the bus, and for no other rule. */
export const allowRulesOfBus = (queue: sqs.IQueue, busName: string): void => {
  queue.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'allow-rules-of-the-bus',
      principals: [new iam.ServicePrincipal('events.amazonaws.com')],
      actions: ['sqs:SendMessage'],
      resources: [queue.queueArn],
      conditions: {
        ArnLike: { 'aws:SourceArn': Stack.of(queue).formatArn({ service: 'events', resource: 'rule', resourceName: `${busName}/*` }) },
      },
    }),
  );
};
