import { describe, expect, it } from 'vitest';
import { matches } from './helpers';

describe('$or', () => {
  it('"Normal Or" of the event-ruler README: source && (metricName || namespace)', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
    };
    expect(matches(pattern, { source: 'aws.cloudwatch', metricName: 'CPUUtilization' })).toBe(true);
    expect(matches(pattern, { source: 'aws.cloudwatch', namespace: 'AWS/ES' })).toBe(true);
    expect(matches(pattern, { source: 'aws.cloudwatch', metricName: 'Other', namespace: 'Other' })).toBe(false);
    expect(matches(pattern, { source: 'aws.other', metricName: 'CPUUtilization' })).toBe(false);
    expect(matches(pattern, { source: 'aws.cloudwatch' })).toBe(false);
  });

  it('"Parallel Or" of the event-ruler README, with $or nested in an object', () => {
    const pattern = {
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { namespace: ['AWS/EC2', 'AWS/ES'] }],
      detail: {
        $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }],
      },
    };
    expect(matches(pattern, { metricName: 'ReadLatency', detail: { source: 'aws.cloudwatch' } })).toBe(true);
    expect(matches(pattern, { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } })).toBe(true);
    expect(matches(pattern, { namespace: 'AWS/EC2', detail: { source: 'aws.other' } })).toBe(false);
    expect(matches(pattern, { detail: { source: 'aws.cloudwatch' } })).toBe(false);
    // The nested $or looks inside detail, not at the top level.
    expect(matches(pattern, { metricName: 'ReadLatency', source: 'aws.cloudwatch', detail: {} })).toBe(false);
  });

  it('"Or has an And inside" of the event-ruler README', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization', 'ReadLatency'] }, { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'] }, { scope: ['Service'] }],
    };
    expect(matches(pattern, { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/EC2' })).toBe(true);
    expect(matches(pattern, { source: 'aws.cloudwatch', metricType: 'MetricType' })).toBe(false);
    expect(matches(pattern, { source: 'aws.cloudwatch', scope: 'Service' })).toBe(true);
  });

  it('"Nested Or and And" of the event-ruler README', () => {
    const pattern = {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2', 'AWS/ES'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
        { scope: ['Service'] },
      ],
    };
    const base = { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/ES' };
    expect(matches(pattern, { ...base, metricId: 1234 })).toBe(true);
    expect(matches(pattern, { ...base, spaceId: 1000 })).toBe(true);
    expect(matches(pattern, { ...base, spaceId: 1001 })).toBe(false);
    expect(matches(pattern, { source: 'aws.cloudwatch', metricId: 1234 })).toBe(false);
  });

  it('the docs example: Location is "New York" or Day is "Monday"', () => {
    // EventBridge user guide, comparison operators, "Or" with $or.
    const pattern = { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] };
    expect(matches(pattern, { Location: 'New York', Day: 'Tuesday' })).toBe(true);
    expect(matches(pattern, { Location: 'Boston', Day: 'Monday' })).toBe(true);
    expect(matches(pattern, { Location: 'Boston', Day: 'Tuesday' })).toBe(false);
  });

  it('works with operators inside the alternatives (localstack AWS-recorded or-exists, or-anything-but)', () => {
    const pattern = { detail: { $or: [{ a: [{ exists: true }] }, { b: [{ 'anything-but': 'x' }] }] } };
    expect(matches(pattern, { detail: { a: 1 } })).toBe(true);
    expect(matches(pattern, { detail: { b: 'y' } })).toBe(true);
    expect(matches(pattern, { detail: { b: 'x' } })).toBe(false);
    expect(matches(pattern, { detail: {} })).toBe(false);
  });

  it('with numeric and anything-but alternatives on the same field', () => {
    const pattern = { $or: [{ v: [{ numeric: ['>', 10] }] }, { v: [{ 'anything-but': [1, 2, 3, 20] }] }] };
    expect(matches(pattern, { v: 20 })).toBe(true);
    expect(matches(pattern, { v: 2 })).toBe(false);
    expect(matches(pattern, { v: 5 })).toBe(true);
  });

  it('keeps array consistency within each alternative', () => {
    const pattern = {
      a: {
        $or: [
          { b: [1], c: [2] },
          { b: [3], c: [4] },
        ],
      },
    };
    expect(
      matches(pattern, {
        a: [
          { b: 1, c: 4 },
          { b: 3, c: 2 },
        ],
      }),
    ).toBe(false);
    expect(
      matches(pattern, {
        a: [
          { b: 1, c: 4 },
          { b: 3, c: 4 },
        ],
      }),
    ).toBe(true);
  });
});
