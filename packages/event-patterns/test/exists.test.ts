import { describe, expect, it } from 'vitest';
import { matches } from './helpers';

describe('exists', () => {
  // EventBridge user guide, "Exists matching": the sample event and the counter-example.
  const pending = {
    version: '0',
    id: '7bf73129-1428-4cd3-a780-95db273d1602',
    'detail-type': 'EC2 Instance State-change Notification',
    source: 'aws.ec2',
    account: '123456789012',
    time: '2015-11-11T21:29:54Z',
    region: 'us-east-1',
    resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111'],
    detail: { 'instance-id': 'i-abcd1111', state: 'pending' },
  };
  const withoutState = {
    'detail-type': ['EC2 Instance State-change Notification'],
    resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-02ebd4584a2ebd341'],
    detail: { 'c-count': { c1: 100 } },
  };

  it('exists: true matches the documented event with detail.state and not the one without', () => {
    const pattern = { detail: { state: [{ exists: true }] } };
    expect(matches(pattern, pending)).toBe(true);
    expect(matches(pattern, withoutState)).toBe(false);
  });

  it('exists: false matches only where the field is absent (event-ruler README)', () => {
    // aws/event-ruler README, "Exists matching": {"detail": {"c-count": [{"exists": false}]}}.
    const pattern = { detail: { 'c-count': [{ exists: false }] } };
    expect(matches(pattern, pending)).toBe(true);
    expect(matches(pattern, { detail: { 'c-count': 5 } })).toBe(false);
    expect(matches(pattern, {})).toBe(true);
  });

  it('only looks at leaves: a field holding an object does not exist (event-ruler README)', () => {
    // The README's second event: exists:false matches because c-count is not a leaf node; exists:true does not.
    expect(matches({ detail: { 'c-count': [{ exists: false }] } }, withoutState)).toBe(true);
    expect(matches({ detail: { 'c-count': [{ exists: true }] } }, withoutState)).toBe(false);
  });

  it('treats null as a present value', () => {
    expect(matches({ v: [{ exists: true }] }, { v: null })).toBe(true);
    expect(matches({ v: [{ exists: false }] }, { v: null })).toBe(false);
  });

  it('treats every scalar as present: empty string, zero, false', () => {
    for (const v of ['', 0, false, 'x', 1.5]) {
      expect(matches({ v: [{ exists: true }] }, { v })).toBe(true);
      expect(matches({ v: [{ exists: false }] }, { v })).toBe(false);
    }
  });

  it('treats an empty array, an empty object and arrays of empty objects as absent', () => {
    for (const v of [[], {}, [{}], [[]], [[], {}]]) {
      expect(matches({ v: [{ exists: true }] }, { v })).toBe(false);
      expect(matches({ v: [{ exists: false }] }, { v })).toBe(true);
    }
  });

  it('treats a non-empty array of leaves as present', () => {
    expect(matches({ v: [{ exists: true }] }, { v: ['a'] })).toBe(true);
    expect(matches({ v: [{ exists: true }] }, { v: [null] })).toBe(true);
    expect(matches({ v: [{ exists: false }] }, { v: [1, 2] })).toBe(false);
  });

  it('sees leaves inside arrays of objects', () => {
    expect(matches({ a: { b: [{ exists: true }] } }, { a: [{ c: 1 }, { b: 2 }] })).toBe(true);
    expect(matches({ a: { b: [{ exists: false }] } }, { a: [{ c: 1 }, { b: 2 }] })).toBe(false);
    expect(matches({ a: { b: [{ exists: false }] } }, { a: [{ c: 1 }, { c: 2 }] })).toBe(true);
  });

  it('combines with a value as alternatives: absent or equal', () => {
    const pattern = { v: [{ exists: false }, 'x'] };
    expect(matches(pattern, {})).toBe(true);
    expect(matches(pattern, { v: 'x' })).toBe(true);
    expect(matches(pattern, { v: 'y' })).toBe(false);
  });

  it('works together with other fields (localstack AWS-recorded rule-exists-false)', () => {
    const pattern = { detail: { key: [{ exists: false }], payload: ['baz'] } };
    expect(matches(pattern, { detail: { 'no-key': 'no-value', payload: 'baz' } })).toBe(true);
    expect(matches(pattern, { detail: { key: 'value', payload: 'baz' } })).toBe(false);
  });

  it('exists:false is checked against the same array element as the fields before it (event-ruler ACFinder)', () => {
    // Fields are visited in name order: "b" before "c". Element 0 has b = 1 and no c.
    const pattern = { a: { b: [1], c: [{ exists: false }] } };
    expect(matches(pattern, { a: [{ b: 1 }, { c: 2 }] })).toBe(true);
    expect(matches(pattern, { a: [{ b: 1, c: 2 }] })).toBe(false);
    // When the absent field comes first in name order, nothing is chosen yet and any c anywhere counts.
    const absentFirst = { a: { b: [{ exists: false }], c: [2] } };
    expect(matches(absentFirst, { a: [{ c: 2 }, { b: 1 }] })).toBe(false);
    expect(matches(absentFirst, { a: [{ c: 2 }] })).toBe(true);
  });
});
