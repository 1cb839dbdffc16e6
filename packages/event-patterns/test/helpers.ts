import { expect } from 'vitest';
import { InvalidEventPatternError, matchesPattern, parsePattern } from '@modellregionen/event-patterns';

/** Whether `event` matches `pattern` (validated first, as EventBridge does). */
export const matches = (pattern: unknown, event: unknown): boolean => matchesPattern(parsePattern(pattern), event);

/** Asserts that the pattern is refused with exactly this AWS reason. */
export const expectInvalid = (pattern: unknown, reason: string): void => {
  let thrown: unknown;
  try {
    parsePattern(pattern);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `pattern ${JSON.stringify(pattern)} should be refused`).toBeInstanceOf(InvalidEventPatternError);
  expect((thrown as InvalidEventPatternError).message).toBe(`Event pattern is not valid. Reason: ${reason}`);
};

/** The EC2 sample event of the aws/event-ruler README ("Ruler by Example"). */
export const ec2Event = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};
