import { describe, expect, it } from 'vitest';
import { matches } from './helpers';

const state = (value: unknown) => ({ detail: { state: value } });
const xLimit = (value: unknown) => ({ detail: { 'x-limit': value } });

describe('anything-but', () => {
  it('with a single string matches every other value (docs example)', () => {
    // EventBridge user guide, "Anything-but matching": {"detail": {"state": [{"anything-but": "initializing"}]}}.
    const pattern = { detail: { state: [{ 'anything-but': 'initializing' }] } };
    expect(matches(pattern, state('running'))).toBe(true);
    expect(matches(pattern, state('Initializing'))).toBe(true);
    expect(matches(pattern, state('initializing'))).toBe(false);
  });

  it('with a single number matches every other value (docs example)', () => {
    // EventBridge user guide: {"detail": {"x-limit": [{"anything-but": 123}]}}.
    const pattern = { detail: { 'x-limit': [{ 'anything-but': 123 }] } };
    expect(matches(pattern, xLimit(124))).toBe(true);
    expect(matches(pattern, xLimit(123))).toBe(false);
    expect(matches(pattern, xLimit(123.0))).toBe(false);
    expect(matches(pattern, JSON.parse('{"detail": {"x-limit": 1.23e2}}'))).toBe(false);
  });

  it('with a list of strings excludes all of them (docs example)', () => {
    // EventBridge user guide: {"detail": {"state": [{"anything-but": ["stopped", "overloaded"]}]}}.
    const pattern = { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } };
    expect(matches(pattern, state('running'))).toBe(true);
    expect(matches(pattern, state('stopped'))).toBe(false);
    expect(matches(pattern, state('overloaded'))).toBe(false);
  });

  it('with a list of numbers excludes all of them (docs example)', () => {
    // EventBridge user guide: {"detail": {"x-limit": [{"anything-but": [100, 200, 300]}]}}.
    const pattern = { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } };
    expect(matches(pattern, xLimit(301.8))).toBe(true);
    expect(matches(pattern, xLimit(150))).toBe(true);
    expect(matches(pattern, xLimit(200))).toBe(false);
    expect(matches(pattern, JSON.parse('{"detail": {"x-limit": 3.0e2}}'))).toBe(false);
  });

  it('does not match an absent field', () => {
    // localstack's AWS-recorded cases content_anything_but_*_missing_NEG.
    expect(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, { detail: {} })).toBe(false);
    expect(matches({ detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, { detail: {} })).toBe(false);
    expect(matches({ detail: { state: [{ 'anything-but': [1, 2] }] } }, {})).toBe(false);
  });

  it('does not match an empty array or an object', () => {
    expect(matches({ v: [{ 'anything-but': 'x' }] }, { v: [] })).toBe(false);
    expect(matches({ v: [{ 'anything-but': 'x' }] }, { v: { a: 'y' } })).toBe(false);
  });

  it('matches values of another type: null, booleans, numbers for a string list, strings for a number list', () => {
    // localstack's AWS-recorded case content_anything_but_string_null: null matches anything-but "initializing".
    expect(matches({ detail: { state: [{ 'anything-but': 'initializing' }] } }, state(null))).toBe(true);
    expect(matches({ v: [{ 'anything-but': 'x' }] }, { v: true })).toBe(true);
    expect(matches({ v: [{ 'anything-but': '5' }] }, { v: 5 })).toBe(true);
    expect(matches({ v: [{ 'anything-but': 5 }] }, { v: '5' })).toBe(true);
    expect(matches({ v: [{ 'anything-but': [5] }] }, { v: null })).toBe(true);
  });

  it('matches an event array if any element is not excluded (SNS docs: "[100, 50]" matches anything-but [100, 500])', () => {
    const pattern = { price: [{ 'anything-but': [100, 500] }] };
    expect(matches(pattern, { price: [100, 50] })).toBe(true);
    expect(matches(pattern, { price: [100, 500] })).toBe(false);
    expect(matches(pattern, { price: [100] })).toBe(false);
    expect(matches({ v: [{ 'anything-but': 'a' }] }, { v: ['a', 'a'] })).toBe(false);
    expect(matches({ v: [{ 'anything-but': 'a' }] }, { v: ['a', 'b'] })).toBe(true);
  });

  it('with 0 excludes 0 but not other falsy values', () => {
    expect(matches({ v: [{ 'anything-but': 0 }] }, { v: 0 })).toBe(false);
    expect(matches({ v: [{ 'anything-but': 0 }] }, { v: false })).toBe(true);
    expect(matches({ v: [{ 'anything-but': 0 }] }, { v: '' })).toBe(true);
  });

  describe('prefix', () => {
    it('excludes values with the prefix (docs example)', () => {
      // EventBridge user guide: {"detail": {"state": [{"anything-but": {"prefix": "init"}}]}}.
      const pattern = { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } };
      expect(matches(pattern, state('running'))).toBe(true);
      expect(matches(pattern, state('initializing'))).toBe(false);
      expect(matches(pattern, state('init'))).toBe(false);
      expect(matches(pattern, state('Init'))).toBe(true);
    });

    it("matches non-strings (localstack's AWS-recorded case content_anything_prefix_int_value)", () => {
      expect(matches({ detail: { state: [{ 'anything-but': { prefix: 'init' } }] } }, state(12))).toBe(true);
      expect(matches({ detail: { state: [{ 'anything-but': { prefix: 'nu' } }] } }, state(null))).toBe(true);
    });

    it('accepts a list of prefixes', () => {
      const pattern = { Region: [{ 'anything-but': { prefix: ['us-', 'eu-'] } }] };
      expect(matches(pattern, { Region: 'ap-south-1' })).toBe(true);
      expect(matches(pattern, { Region: 'us-east-1' })).toBe(false);
      expect(matches(pattern, { Region: 'eu-west-1' })).toBe(false);
    });
  });

  describe('suffix', () => {
    it('excludes values with the suffix (docs example)', () => {
      // EventBridge user guide: "FileName": [{"anything-but": {"suffix": ".png"}}].
      const pattern = { FileName: [{ 'anything-but': { suffix: '.png' } }] };
      expect(matches(pattern, { FileName: 'a.jpg' })).toBe(true);
      expect(matches(pattern, { FileName: 'a.png' })).toBe(false);
      expect(matches(pattern, { FileName: 'a.PNG' })).toBe(true);
      expect(matches(pattern, { FileName: 42 })).toBe(true);
    });

    it('accepts a list of suffixes', () => {
      const pattern = { FileName: [{ 'anything-but': { suffix: ['.png', '.txt'] } }] };
      expect(matches(pattern, { FileName: 'a.jpg' })).toBe(true);
      expect(matches(pattern, { FileName: 'a.txt' })).toBe(false);
    });
  });

  describe('equals-ignore-case', () => {
    it('excludes every casing of the value (docs example)', () => {
      // EventBridge user guide: "state": [{"anything-but": {"equals-ignore-case": "initializing"}}].
      const pattern = { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] };
      expect(matches(pattern, { state: 'running' })).toBe(true);
      expect(matches(pattern, { state: 'INITIALIZING' })).toBe(false);
      expect(matches(pattern, { state: 'Initializing' })).toBe(false);
      expect(matches(pattern, { state: null })).toBe(true);
    });

    it('accepts a list', () => {
      const pattern = { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OVERLOADED'] } }] };
      expect(matches(pattern, { state: 'running' })).toBe(true);
      expect(matches(pattern, { state: 'stopped' })).toBe(false);
      expect(matches(pattern, { state: 'Overloaded' })).toBe(false);
    });
  });

  describe('wildcard', () => {
    it('excludes values the wildcard matches (docs example)', () => {
      // EventBridge user guide: "FilePath": [{"anything-but": {"wildcard": "*/lib/*"}}].
      const pattern = { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] };
      expect(matches(pattern, { FilePath: '/usr/bin/node' })).toBe(true);
      expect(matches(pattern, { FilePath: '/usr/lib/node' })).toBe(false);
      expect(matches(pattern, { FilePath: 123 })).toBe(true);
    });

    it('accepts a list', () => {
      const pattern = { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*.tmp'] } }] };
      expect(matches(pattern, { FilePath: '/home/a.txt' })).toBe(true);
      expect(matches(pattern, { FilePath: '/home/a.tmp' })).toBe(false);
      expect(matches(pattern, { FilePath: '/lib/' })).toBe(false);
    });
  });

  it('combines with other alternatives as OR', () => {
    const pattern = { v: [{ 'anything-but': ['a', 'b'] }, 'a'] };
    expect(matches(pattern, { v: 'a' })).toBe(true);
    expect(matches(pattern, { v: 'b' })).toBe(false);
    expect(matches(pattern, { v: 'c' })).toBe(true);
  });
});
