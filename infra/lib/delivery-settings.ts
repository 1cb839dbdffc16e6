// How long the functions may run and how their queues retry, in one place, each value derived
// from the ones it depends on. docs/operations.md explains them to the operator; the infra tests
// check the relations on the synthesized template.
import { Duration } from 'aws-cdk-lib';
import { RETRY_SCHEDULES, type RetrySchedule } from '@modellregionen/lambda-kit';
import { TARGET_QUEUES, type TargetName } from '@modellregionen/events';
import type { FUNCTION_ENTRIES } from './functions';

/** The store (DynamoDB) outage or throttling that deliveries ride out before they are dead-lettered. */
export const OUTAGE_TO_RIDE_OUT = Duration.minutes(5);

/**
 * How long each function may run. The API's functions need no more than API Gateway waits for
 * them (30 s, the HTTP API's limit). A queue consumer's batch of ten is a few store calls per
 * message, or webhook deliveries of at most 10 s each, made in parallel. The store client's
 * timeouts (SDK retries, request timeouts) must end well within these.
 */
export const FUNCTION_TIMEOUTS: Readonly<Record<keyof typeof FUNCTION_ENTRIES, Duration>> = {
  aggregate: Duration.seconds(30),
  apiRead: Duration.seconds(30),
  apiWrite: Duration.seconds(30),
  webhooks: Duration.seconds(30),
};

/**
 * Messages per invocation of a queue consumer (10 is the most Lambda hands over from a FIFO queue,
 * and from a standard queue without a batching window), and how long Lambda gathers them from a
 * standard queue. Lambda has no batching window on a FIFO queue.
 */
const BATCH_SIZE = 10;
const MAX_BATCHING_WINDOW = Duration.seconds(1);

/**
 * AWS's rule for a queue that feeds a function: at least six times the function timeout, plus
 * the batching window. Lambda can then retry a throttled invocation before the message shows
 * again, and a message is never handed to a second invocation while the first may still run. On
 * a FIFO queue that also keeps a message group locked until an invocation that timed out has
 * ended, so the group's next delivery never overlaps it.
 */
export const visibilityTimeoutFor = (functionTimeout: Duration, maxBatchingWindow = Duration.seconds(0)): Duration =>
  Duration.seconds(6 * functionTimeout.toSeconds() + maxBatchingWindow.toSeconds());

/** A rule target's queue and the function that consumes it. */
export interface WorkQueueSettings {
  /** A FIFO queue (with a FIFO dead-letter queue), delivering by message group (TARGET_QUEUES). */
  readonly fifo: boolean;
  /** The consumer's timeout (from FUNCTION_TIMEOUTS). */
  readonly functionTimeout: Duration;
  readonly batchSize: number;
  /** How long Lambda gathers a batch: none on a FIFO queue. */
  readonly maxBatchingWindow?: Duration;
  /** How long a received message stays hidden: `visibilityTimeoutFor(functionTimeout, maxBatchingWindow)`. */
  readonly visibilityTimeout: Duration;
  /**
   * The function's backoff after a failure, and the queue's `maxReceiveCount`. The same schedule
   * is bundled into the function (RETRY_SCHEDULES), so queue and function cannot disagree.
   */
  readonly retry: RetrySchedule;
}

const workQueue = (target: TargetName): WorkQueueSettings => {
  const functionTimeout = FUNCTION_TIMEOUTS[target];
  const fifo = TARGET_QUEUES[target] === 'fifo';
  const maxBatchingWindow = fifo ? undefined : MAX_BATCHING_WINDOW;
  return {
    fifo,
    functionTimeout,
    batchSize: BATCH_SIZE,
    ...(maxBatchingWindow ? { maxBatchingWindow } : {}),
    visibilityTimeout: visibilityTimeoutFor(functionTimeout, maxBatchingWindow),
    retry: RETRY_SCHEDULES[target],
  };
};

/** Each rule target's queue. */
export const WORK_QUEUES: Readonly<Record<TargetName, WorkQueueSettings>> = {
  aggregate: workQueue('aggregate'),
  webhooks: workQueue('webhooks'),
};

/**
 * EventBridge's own retries of putting an event on a target queue (SQS throttling it, or
 * unreachable), with exponential backoff and jitter, before the event goes to the targets'
 * dead-letter queue: AWS's maxima, a day and 185 attempts. Event-bus targets (the subscriber
 * buses) take no retry policy; EventBridge gives them the same day.
 */
export const TARGET_RETRY_POLICY = { retryAttempts: 185, maxEventAge: Duration.hours(24) } as const;
