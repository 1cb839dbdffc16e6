// The retry settings as deployed, read back from the synthesized template: each queue that feeds
// a function hides a message long enough that no two invocations hold it at once, and every
// failed delivery outlasts a five-minute store outage before it is dead-lettered.
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_VISIBILITY_SECONDS, RETRY_SCHEDULES, backoffSeconds, retrySpanSeconds } from '@modellregionen/lambda-kit';
import { TARGETS, type TargetName } from '@modellregionen/events';
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
    expect(queueTargets).toHaveLength(2);
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
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (const rule of all) {
      for (const t of rule.targets) expect(t.DeadLetterConfig, rule.id).toEqual({ Arn: { 'Fn::GetAtt': [dlq, 'Arn'] } });
    }
    const policy = ofType('AWS::SQS::QueuePolicy').find(([, p]) => JSON.stringify(p.Properties!.Queues) === JSON.stringify([{ Ref: dlq }]))!;
    const statements = (policy[1].Properties!.PolicyDocument as { Statement: { Effect: string; Principal: unknown; Action: unknown; Condition?: unknown }[] })
      .Statement;
    const fromRules = statements.filter((s) => s.Effect === 'Allow' && JSON.stringify(s.Principal) === JSON.stringify({ Service: 'events.amazonaws.com' }));
    expect(fromRules.map((s) => (s.Condition as { ArnEquals: { 'aws:SourceArn': GetAtt } }).ArnEquals['aws:SourceArn']['Fn::GetAtt'][0]).sort()).toEqual(
      all.map((r) => r.id).sort(),
    );
    for (const s of fromRules) expect(s.Action).toBe('sqs:SendMessage');
  });
});
