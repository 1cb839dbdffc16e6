import { describe, expect, it } from 'vitest';
import { ec2Event, matches } from './helpers';

describe('exact values', () => {
  it('matches the "Simple matching" rule of the event-ruler README, and its variations', () => {
    // aws/event-ruler README, "Simple matching": all three fields must match; any listed value will do.
    const pattern = {
      'detail-type': ['EC2 Instance State-change Notification'],
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
      detail: { state: ['initializing', 'running'] },
    };
    expect(matches(pattern, ec2Event)).toBe(true);
    expect(matches(pattern, { ...ec2Event, detail: { ...ec2Event.detail, state: 'initializing' } })).toBe(true);
    expect(matches(pattern, { ...ec2Event, detail: { ...ec2Event.detail, state: 'stopped' } })).toBe(false);
    expect(matches(pattern, { ...ec2Event, 'detail-type': 'Something else' })).toBe(false);
  });

  it('ignores event fields the pattern does not name', () => {
    expect(matches({ source: ['aws.ec2'] }, ec2Event)).toBe(true);
  });

  it('requires every named field to be present', () => {
    expect(matches({ source: ['aws.ec2'], missing: ['x'] }, ec2Event)).toBe(false);
    expect(matches({ detail: { missing: ['x'] } }, ec2Event)).toBe(false);
  });

  it('is case-sensitive, character by character, for names and values', () => {
    expect(matches({ source: ['AWS.EC2'] }, ec2Event)).toBe(false);
    expect(matches({ Source: ['aws.ec2'] }, ec2Event)).toBe(false);
    expect(matches({ source: ['aws.ec2 '] }, ec2Event)).toBe(false);
  });

  it('matches an event array if any of its elements is one of the values (docs: "Arrays in event patterns")', () => {
    // EventBridge user guide, "Arrays in Amazon EventBridge event patterns".
    const pattern = {
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f',
      ],
    };
    const event = {
      resources: [
        'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:eb56d16b-bbf0-401d-b893-d5978ed4a025:autoScalingGroupName/ASGTerminate',
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
      ],
    };
    expect(matches(pattern, event)).toBe(true);
    expect(matches(pattern, { resources: ['arn:aws:ec2:us-east-1:999999999999:instance/i-b188560f'] })).toBe(false);
    expect(matches(pattern, { resources: [] })).toBe(false);
  });

  it('keeps strings, numbers, booleans and null apart', () => {
    expect(matches({ v: ['5'] }, { v: 5 })).toBe(false);
    expect(matches({ v: [5] }, { v: '5' })).toBe(false);
    expect(matches({ v: [true] }, { v: 'true' })).toBe(false);
    expect(matches({ v: ['true'] }, { v: true })).toBe(false);
    expect(matches({ v: [true] }, { v: true })).toBe(true);
    expect(matches({ v: [false] }, { v: false })).toBe(true);
    expect(matches({ v: [false] }, { v: true })).toBe(false);
    expect(matches({ v: [null] }, { v: 'null' })).toBe(false);
    expect(matches({ v: ['null'] }, { v: null })).toBe(false);
    expect(matches({ v: [0] }, { v: false })).toBe(false);
    expect(matches({ v: [''] }, { v: null })).toBe(false);
  });

  it('compares numbers by value: 300, 300.0 and 3.0e2 are the same number', () => {
    expect(matches({ v: [300] }, JSON.parse('{"v": 3.0e2}'))).toBe(true);
    expect(matches(JSON.parse('{"v": [3.0e2]}'), { v: 300 })).toBe(true);
    expect(matches({ v: [300] }, { v: 300.5 })).toBe(false);
    expect(matches({ v: [-1.5] }, { v: -1.5 })).toBe(true);
    expect(matches({ v: [0] }, { v: -0 })).toBe(true);
    expect(matches({ v: [123456789012] }, { v: 123456789012 })).toBe(true);
  });

  describe('null and empty string (docs: "Matching events on null values and empty strings")', () => {
    // EventBridge user guide, eb-event-patterns-null-values: the sample event and both patterns.
    const event = {
      version: '0',
      id: '3e3c153a-8339-4e30-8c35-687ebef853fe',
      'detail-type': 'EC2 Instance Launch Successful',
      source: 'aws.autoscaling',
      account: '123456789012',
      time: '2015-11-11T21:31:47Z',
      region: 'us-east-1',
      resources: [],
      detail: { eventVersion: '', responseElements: null },
    };

    it('matches an empty string with [""]', () => {
      expect(matches({ detail: { eventVersion: [''] } }, event)).toBe(true);
    });

    it('matches null with [null]', () => {
      expect(matches({ detail: { responseElements: [null] } }, event)).toBe(true);
    });

    it('does not treat null and the empty string as interchangeable', () => {
      expect(matches({ detail: { eventVersion: [null] } }, event)).toBe(false);
      expect(matches({ detail: { responseElements: [''] } }, event)).toBe(false);
    });

    it('does not match [null] against an absent field or an empty array', () => {
      expect(matches({ detail: { absent: [null] } }, event)).toBe(false);
      // localstack's AWS-recorded case arrays_empty_null_NEG: {"resources": [null]} vs "resources": [].
      expect(matches({ resources: [null] }, event)).toBe(false);
    });

    it('matches null inside an event array', () => {
      expect(matches({ v: [null] }, { v: ['a', null] })).toBe(true);
    });
  });

  it('does not match a value pattern against an object', () => {
    expect(matches({ detail: ['x'] }, { detail: { a: 'x' } })).toBe(false);
  });

  it('joins nested names with dots, so dotted keys and nested objects are interchangeable (event-ruler caveat)', () => {
    // aws/event-ruler README, "Caveat: Compiled rules and JSON keys with dots"; AWS behaves the same
    // (localstack's AWS-recorded cases dot_joining_pattern and dot_joining_event).
    expect(matches({ detail: { state: { status: ['running'] } } }, { detail: { 'state.status': 'running' } })).toBe(true);
    expect(matches({ detail: { 'state.status': ['running'] } }, { detail: { state: { status: 'running' } } })).toBe(true);
    expect(matches({ 'detail.state.status': ['running'] }, { detail: { state: { status: 'stopped' } } })).toBe(false);
  });

  it('lets a later occurrence of a field replace an earlier one (docs: "include a key more than once")', () => {
    // EventBridge user guide, content filtering: only the last "location" counts.
    const pattern = '{"detail": {"location": [{"prefix": "us-"}], "location": [{"anything-but": "us-east"}]}}';
    expect(matches(pattern, { detail: { location: 'eu-west' } })).toBe(true);
    expect(matches(pattern, { detail: { location: 'us-east' } })).toBe(false);
    // The same holds when the two spellings meet through dot-joining.
    expect(matches({ a: { b: [1] }, 'a.b': [2] }, { a: { b: 2 } })).toBe(true);
    expect(matches({ a: { b: [1] }, 'a.b': [2] }, { a: { b: 1 } })).toBe(false);
  });

  it('treats IP literals in plain values as addresses, as event-ruler does', () => {
    expect(matches({ ip: ['10.0.0.1'] }, { ip: '10.0.0.1' })).toBe(true);
    expect(matches({ ip: ['10.0.0.1'] }, { ip: '10.0.0.2' })).toBe(false);
    expect(matches({ ip: ['::1'] }, { ip: '0:0:0:0:0:0:0:1' })).toBe(true);
    expect(matches({ ip: ['2001:db8::1'] }, { ip: '2001:DB8:0:0:0:0:0:1' })).toBe(true);
  });

  it('never matches an event that is not a JSON object', () => {
    for (const event of [null, undefined, 'text', 42, true, [], [{ source: 'aws.ec2' }]]) {
      expect(matches({ source: ['aws.ec2'] }, event)).toBe(false);
    }
  });
});
