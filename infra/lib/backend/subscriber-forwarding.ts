import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FINDINGS_FORWARDING_PATTERN } from '@modellregionen/events';

/** A subscriber's event bus in another account or AWS region that receives every finding. */
export interface SubscriberBus {
  /** ARN of the subscriber's bus; its resource policy must allow this account to put events. */
  readonly eventBusArn: string;
}

interface SubscriberForwardingProps {
  /** The bus the findings are on. */
  readonly bus: events.IEventBus;
  /** The buses that receive them; at least one. */
  readonly subscriberBuses: readonly SubscriberBus[];
  /** Where EventBridge parks a finding it could not put on a subscriber bus. */
  readonly deadLetterQueue: sqs.IQueue;
}

/** Findings to subscriber buses in other accounts or AWS regions, with a role EventBridge assumes. */
export class SubscriberForwarding extends Construct {
  constructor(scope: Construct, id: string, props: SubscriberForwardingProps) {
    super(scope, id);
    const role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('events.amazonaws.com'),
      description: 'Lets EventBridge put findings on the subscriber buses.',
    });
    new events.Rule(this, 'Rule', {
      eventBus: props.bus,
      ruleName: 'findings-to-subscriber-buses',
      description: 'Findings to subscriber buses in other accounts or AWS regions.',
      eventPattern: FINDINGS_FORWARDING_PATTERN as events.EventPattern,
      // Event-bus targets take no retry policy: EventBridge retries them for a day on its own.
      targets: props.subscriberBuses.map(
        (s) =>
          new targets.EventBus(events.EventBus.fromEventBusArn(this, `Subscriber-${s.eventBusArn}`, s.eventBusArn), {
            role,
            deadLetterQueue: props.deadLetterQueue,
          }),
      ),
    });
  }
}
