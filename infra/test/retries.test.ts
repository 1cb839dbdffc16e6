// The retry settings as deployed, read back from the synthesized template: each queue that feeds
// a function hides a message long enough that no two invocations hold it at once, and every
// failed delivery outlasts a five-minute store outage before it is dead-lettered.
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_VISIBILITY_SECONDS, RETRY_SCHEDULES, backoffSeconds, retrySpanSeconds } from '@modellregionen/lambda-kit';
import { RULES, TARGET_QUEUES, TARGETS, type TargetName } from '@modellregionen/events';
import { OUTAGE_TO_RIDE_OUT, TARGET_RETRY_POLICY, visibilityTimeoutFor, WORK_QUEUES } from '../lib/delivery-settings';
import type { ModellregionenBackend } from '../lib/backend';
import { logicalIdOf, type Resources, synthesizeStack } from './support';

let resources: Resources;
let backend: ModellregionenBackend;
beforeAll(() => {
  const { stack, template } = synthesizeStack();
  resources = template.toJSON().Resources as Resources;
  backend = stack.backend;
}, 120_000);

const OUTAGE_SECONDS = OUTAGE_TO_RIDE_OUT.toSeconds();

interface PolicyStatement {
  Effect: string;
  Principal: unknown;
  Action: unknown;
  Resource: unknown;
  Condition?: unknown;
}
/** The statements of a queue's resource policy. */
const policyStatements = (queueId: string): PolicyStatement[] =>
  ofType('AWS::SQS::QueuePolicy')
    .filter(([, p]) => JSON.stringify(p.Properties!.Queues) === JSON.stringify([{ Ref: queueId }]))
    .flatMap(([, p]) => (p.Properties!.PolicyDocument as { Statement: PolicyStatement[] }).Statement);
/** Those that let EventBridge send. */
const eventBridgeStatements = (queueId: string) =>
  policyStatements(queueId).filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Principal) === JSON.stringify({ Service: 'events.amazonaws.com' }));
type Ref = { Ref: string };
type GetAtt = { 'Fn::GetAtt': [string, string] };
const props = (id: string) => resources[id]!.Properties!;
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

/** Each queue -> function pairing in the template, with the values AWS will apply. */
const consumers = () =>
  ofType('AWS::Lambda::EventSourceMapping').map(([id, mapping]) => {
    const p = mapping.Properties!;
    const functionId = (p.FunctionName as Ref).Ref;
    const queueId = (p.EventSourceArn as GetAtt)['Fn::GetAtt'][0];
    const queue = props(queueId);
    const redrive = queue.RedrivePolicy as { deadLetterTargetArn: GetAtt; maxReceiveCount: number };
    const target: TargetName | undefined = TARGETS.find((t) => logicalIdOf(backend.functions[t]) === functionId);
    return {
      id,
      target,
      functionTimeout: props(functionId).Timeout as number,
      batchingWindow: (p.MaximumBatchingWindowInSeconds as number | undefined) ?? 0,
      queueId,
      visibilityTimeout: queue.VisibilityTimeout as number,
      maxReceiveCount: redrive.maxReceiveCount,
      deadLetterQueueId: redrive.deadLetterTargetArn['Fn::GetAtt'][0],
    };
  });

describe('queues that feed functions', () => {
  it('are the aggregation and webhook queues, each with a dead-letter queue', () => {
    expect(
      consumers()
        .map((c) => c.target)
        .sort(),
    ).toEqual(['aggregate', 'webhooks']);
    for (const c of consumers()) expect(resources[c.deadLetterQueueId]?.Type, c.id).toBe('AWS::SQS::Queue');
  });

  it('hide a received message for at least six function timeouts plus the batching window (AWS guidance)', () => {
    for (const c of consumers()) {
      expect(c.visibilityTimeout, c.id).toBeGreaterThanOrEqual(6 * c.functionTimeout + c.batchingWindow);
    }
  });

  it('keep a message group of the FIFO queue locked longer than an invocation can run, and gather no batching window there (Lambda has none for FIFO)', () => {
    const fifo = consumers().filter((c) => props(c.queueId).FifoQueue === true);
    expect(fifo.map((c) => c.target)).toEqual(TARGETS.filter((t) => TARGET_QUEUES[t] === 'fifo'));
    for (const c of fifo) {
      // An invocation that timed out has ended before its messages show again, so the group's
      // next delivery never overlaps it. The backoff (ChangeMessageVisibility) is only set once the
      // invocation is done with the batch.
      expect(c.visibilityTimeout, c.id).toBeGreaterThan(c.functionTimeout);
      expect(props(c.id).MaximumBatchingWindowInSeconds, c.id).toBeUndefined();
      expect(props(c.deadLetterQueueId).FifoQueue, c.id).toBe(true);
    }
  });

  it('take the timeout and the redelivery count from the settings, derived from the function timeout', () => {
    for (const c of consumers()) {
      const settings = WORK_QUEUES[c.target!];
      expect(c.functionTimeout).toBe(settings.functionTimeout.toSeconds());
      expect(c.visibilityTimeout).toBe(visibilityTimeoutFor(settings.functionTimeout, settings.maxBatchingWindow).toSeconds());
      // The queue parks a message after exactly the deliveries the function's backoff plans for.
      expect(c.maxReceiveCount).toBe(RETRY_SCHEDULES[c.target!].maxReceiveCount);
    }
  });
});

describe('a failed message outlasts a five-minute store outage before it is dead-lettered', () => {
  it('when the function reports it failed: the backoff delays add up to at least the outage', () => {
    for (const c of consumers()) {
      const schedule = RETRY_SCHEDULES[c.target!];
      expect(retrySpanSeconds({ ...schedule, maxReceiveCount: c.maxReceiveCount }), c.id).toBeGreaterThanOrEqual(OUTAGE_SECONDS);
    }
  });

  it('when the invocation fails as a whole (timeout, crash): the visibility timeouts add up to at least the outage', () => {
    for (const c of consumers()) expect((c.maxReceiveCount - 1) * c.visibilityTimeout, c.id).toBeGreaterThanOrEqual(OUTAGE_SECONDS);
  });

  it("leaves room for Lambda's own retries of a throttled batch, which also count as receives (maxReceiveCount of at least 5)", () => {
    for (const c of consumers()) expect(c.maxReceiveCount, c.id).toBeGreaterThanOrEqual(5);
  });

  it('asks SQS for no delay beyond its 12-hour limit', () => {
    for (const schedule of Object.values(RETRY_SCHEDULES)) {
      for (let n = 1; n <= schedule.maxReceiveCount; n += 1) expect(backoffSeconds(schedule, n)).toBeLessThanOrEqual(MAX_VISIBILITY_SECONDS);
    }
  });
});

describe("EventBridge's own delivery to the targets", () => {
  const rules = () => ofType('AWS::Events::Rule').map(([id, r]) => ({ id, targets: r.Properties!.Targets as Record<string, unknown>[] }));
  const busDeliveryDlq = () => logicalIdOf(backend.busDeliveryDeadLetters);

  it('retries putting an event on a target queue for a day, far beyond the outage, with the settings of delivery-settings.ts', () => {
    const queueTargets = rules().flatMap((r) => r.targets.filter((t) => JSON.stringify(t.Arn).includes('Queue')));
    expect(queueTargets).toHaveLength(RULES.length);
    for (const t of queueTargets) {
      expect(t.RetryPolicy).toEqual({
        MaximumRetryAttempts: TARGET_RETRY_POLICY.retryAttempts,
        MaximumEventAgeInSeconds: TARGET_RETRY_POLICY.maxEventAge.toSeconds(),
      });
      expect((t.RetryPolicy as { MaximumEventAgeInSeconds: number }).MaximumEventAgeInSeconds).toBeGreaterThanOrEqual(OUTAGE_SECONDS);
    }
  });

  it("parks what it cannot deliver, on every rule's every target, in the targets' dead-letter queue, which EventBridge may write to", () => {
    const dlq = busDeliveryDlq();
    const all = rules();
    expect(all.length).toBe(RULES.length + 1); // and the forwarding to the subscriber buses
    for (const rule of all) {
      for (const t of rule.targets) expect(t.DeadLetterConfig, rule.id).toEqual({ Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } });
      // On the bus, so that the policy's statement for the bus's rules covers it.
      expect(props(rule.id).EventBusName, rule.id).toEqual({ Ref: logicalIdOf(backend.bus) });
    }
    const fromRules = eventBridgeStatements(dlq);
    // The forwarding rule's own statement (CDK's EventBus target adds it) and one for every rule of the bus.
    expect(fromRules.filter((s) => JSON.stringify(s.Condition).includes('rule/modellregionen/*'))).toHaveLength(1);
    for (const s of fromRules) expect(s.Action).toBe('sqs:SendMessage');
  });

  it('lets every rule of the bus send to the work queues and the dead-letter queue with one policy statement each, whatever the number of rules (SQS allows 20)', () => {
    for (const queueId of [...TARGETS.map((t) => logicalIdOf(backend.workQueues[t].queue)), busDeliveryDlq()]) {
      const fromRules = eventBridgeStatements(queueId);
      const busWide = fromRules.filter((s) => JSON.stringify(s.Condition).includes('rule/modellregionen/*'));
      expect(busWide, queueId).toEqual([
        expect.objectContaining({
          Action: 'sqs:SendMessage',
          Resource: { 'Fn::GetAtt': [queueId, 'Arn'] },
          Condition: {
            ArnLike: {
              'aws:SourceArn': {
                'Fn::Join': [
                  '',
                  ['arn:', { Ref: 'AWS::Partition' }, ':events:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':rule/modellregionen/*'],
                ],
              },
            },
          },
        }),
      ]);
      expect(policyStatements(queueId).length, queueId).toBeLessThanOrEqual(3);
    }
  });
});
