import { z } from 'zod';
import { AwsError } from './aws-json';

// The JSON types of the members each operation reads, as in the EventBridge API model. AWS's
// deserializer refuses a member of the wrong type with a SerializationException for the whole call
// (null counts as absent); unknown members are ignored. Whether a member is required, and the
// limits of its value, are the operation's business and are answered as AWS answers them there.
const text = z.string().nullish();
const timestamp = z.union([z.number(), z.string()]).nullish();
const texts = z.array(z.string()).nullish();

const putEventsEntry = z.object({
  Source: text,
  DetailType: text,
  Detail: text,
  EventBusName: text,
  TraceHeader: text,
  Resources: texts,
  // The SDK and the CLI send epoch seconds; a date string is taken as well.
  Time: timestamp,
});

/** Request shapes by `X-Amz-Target`; an operation without members has none. */
const REQUEST_SHAPES: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  ['AWSEvents.PutEvents', z.object({ Entries: z.array(putEventsEntry).nullish(), EndpointId: text })],
  ['AWSEvents.TestEventPattern', z.object({ EventPattern: text, Event: text })],
  ['AWSEvents.DescribeEventBus', z.object({ Name: text })],
  ['AWSEvents.ListRules', z.object({ EventBusName: text, NamePrefix: text, NextToken: text, Limit: z.number().nullish() })],
  [
    'AWSEvents.StartReplay',
    z.object({
      ReplayName: text,
      Description: text,
      EventSourceArn: text,
      EventStartTime: timestamp,
      EventEndTime: timestamp,
      Destination: z.object({ Arn: text, FilterArns: texts }).nullish(),
    }),
  ],
  ['AWSEvents.DescribeReplay', z.object({ ReplayName: text })],
  ['ModellregionenLocal.RedriveDeadLetters', z.object({ MessageIds: texts })],
]);

const pathOf = (path: readonly PropertyKey[]): string =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');

/** Throws a SerializationException naming the first member whose JSON type is wrong. */
export const checkRequestShape = (target: string, body: Record<string, unknown>): void => {
  const result = REQUEST_SHAPES.get(target)?.safeParse(body);
  if (result === undefined || result.success) return;
  const issue = result.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'The request body' : pathOf(issue.path);
  throw new AwsError('SerializationException', `${where}: ${issue?.message ?? 'Invalid input'}.`);
};
