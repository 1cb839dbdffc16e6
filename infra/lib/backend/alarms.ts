import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

interface BackendAlarmsProps {
  /**
   * Where alarms go.
   * @default a new topic, encrypted with a key of its own that CloudWatch may use
   */
  readonly topic?: sns.ITopic;
  /** Each dead-letter queue, by the name of its section in docs/operations.md. */
  readonly deadLetterQueues: Readonly<Record<string, sqs.IQueue>>;
  /** Each function, by its name. */
  readonly functions: Readonly<Record<string, lambda.IFunction>>;
}

/**
 * An alarm on every dead-letter queue (a message in it) and on every function (a failed
 * invocation), each naming the section of the runbook (docs/operations.md) that says what to do.
 */
export class BackendAlarms extends Construct {
  readonly topic: sns.ITopic;

  constructor(scope: Construct, id: string, props: BackendAlarmsProps) {
    super(scope, id);
    this.topic = props.topic ?? this.encryptedTopic();
    const action = new cwActions.SnsAction(this.topic);
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      new cloudwatch.Alarm(this, `${name}Alarm`, {
        alarmDescription: `Messages in ${name}: events that could not be processed. Inspect, fix, then redrive: docs/operations.md, "${name}".`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(action);
    }
    for (const [name, f] of Object.entries(props.functions)) {
      new cloudwatch.Alarm(this, `${name}ErrorsAlarm`, {
        alarmDescription: `The ${name} function failed invocations: docs/operations.md, "Function errors".`,
        metric: f.metricErrors({ period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(action);
    }
  }

  /**
   * A topic encrypted with a key of its own: CloudWatch cannot publish to a topic under the AWS
   * managed key (alias/aws/sns), whose policy cannot grant it the key, so alarms would be lost.
   */
  private encryptedTopic(): sns.Topic {
    const stack = Stack.of(this);
    const key = new kms.Key(this, 'TopicKey', {
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
    return new sns.Topic(this, 'Topic', { displayName: 'Modellregionen Integration alarms', masterKey: key, enforceSSL: true });
  }
}
