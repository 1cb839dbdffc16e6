import { describe, expect, it } from 'vitest';
import { ec2Event, matches } from './helpers';

describe('prefix', () => {
  it('matches the documented "time" example and nothing else', () => {
    // EventBridge user guide, "Prefix matching": {"time": [{"prefix": "2017-10-02"}]}.
    const pattern = { time: [{ prefix: '2017-10-02' }] };
    expect(matches(pattern, { time: '2017-10-02T18:43:48Z' })).toBe(true);
    expect(matches(pattern, { time: '2017-10-03T18:43:48Z' })).toBe(false);
    expect(matches(pattern, { time: '2017-10-0' })).toBe(false);
    expect(matches(pattern, ec2Event)).toBe(true);
  });

  it('only works on strings', () => {
    expect(matches({ v: [{ prefix: '12' }] }, { v: 123 })).toBe(false);
    expect(matches({ v: [{ prefix: 'tr' }] }, { v: true })).toBe(false);
    expect(matches({ v: [{ prefix: 'nu' }] }, { v: null })).toBe(false);
  });

  it('with an empty prefix matches every string but nothing else', () => {
    expect(matches({ v: [{ prefix: '' }] }, { v: '' })).toBe(true);
    expect(matches({ v: [{ prefix: '' }] }, { v: 'anything' })).toBe(true);
    expect(matches({ v: [{ prefix: '' }] }, { v: 0 })).toBe(false);
  });

  it('is case-sensitive unless combined with equals-ignore-case', () => {
    // EventBridge user guide, "Prefix matching while ignoring case".
    const pattern = { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } };
    for (const service of ['EventBridge', 'EVENTBRIDGE', 'eventbus', 'eVeNtB']) {
      expect(matches(pattern, { detail: { service } })).toBe(true);
    }
    expect(matches(pattern, { detail: { service: 'Event' } })).toBe(false);
    expect(matches(pattern, { detail: { service: 'xEventBridge' } })).toBe(false);
    expect(matches({ detail: { service: [{ prefix: 'EventB' }] } }, { detail: { service: 'eventbridge' } })).toBe(false);
  });

  it('matches array elements and nested fields', () => {
    expect(matches({ a: { b: [{ prefix: 'x' }] } }, { a: { b: ['ya', 'xb'] } })).toBe(true);
    expect(matches({ a: { b: [{ prefix: 'x' }] } }, { a: { b: ['ya', 'yb'] } })).toBe(false);
  });
});

describe('suffix', () => {
  it('matches the documented "FileName" example', () => {
    // EventBridge user guide, "Suffix matching": {"FileName": [{"suffix": ".png"}]}.
    const pattern = { FileName: [{ suffix: '.png' }] };
    expect(matches(pattern, { FileName: 'image.png' })).toBe(true);
    expect(matches(pattern, { FileName: '.png' })).toBe(true);
    expect(matches(pattern, { FileName: 'image.PNG' })).toBe(false);
    expect(matches(pattern, { FileName: 'image.png.txt' })).toBe(false);
  });

  it('matches the event-ruler README example {"source": [{"suffix": "ec2"}]}', () => {
    expect(matches({ source: [{ suffix: 'ec2' }] }, ec2Event)).toBe(true);
    expect(matches({ source: [{ suffix: 'ec3' }] }, ec2Event)).toBe(false);
  });

  it('with equals-ignore-case ignores the case of the ending', () => {
    // EventBridge user guide, "Suffix matching while ignoring case".
    const pattern = { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } };
    expect(matches(pattern, { detail: { FileName: 'a.PNG' } })).toBe(true);
    expect(matches(pattern, { detail: { FileName: 'a.pNg' } })).toBe(true);
    expect(matches(pattern, { detail: { FileName: 'a.jpg' } })).toBe(false);
    expect(matches(pattern, { detail: { FileName: 'png' } })).toBe(false);
  });

  it('only works on strings', () => {
    expect(matches({ v: [{ suffix: '3' }] }, { v: 123 })).toBe(false);
    expect(matches({ v: [{ suffix: 'll' }] }, { v: null })).toBe(false);
  });
});

describe('equals-ignore-case', () => {
  it('matches the event-ruler README example and the docs example', () => {
    // aws/event-ruler README: {"source": [{"equals-ignore-case": "EC2"}]} does not match "aws.ec2" ...
    expect(matches({ source: [{ 'equals-ignore-case': 'EC2' }] }, ec2Event)).toBe(false);
    expect(matches({ source: [{ 'equals-ignore-case': 'AWS.EC2' }] }, ec2Event)).toBe(true);
    // EventBridge user guide, comparison operators: "Name": [{"equals-ignore-case": "alice"}].
    expect(matches({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alice' })).toBe(true);
    expect(matches({ Name: [{ 'equals-ignore-case': 'alice' }] }, { Name: 'Alicia' })).toBe(false);
  });

  it('handles characters outside ASCII, including ones whose case forms differ in length', () => {
    expect(matches({ v: [{ 'equals-ignore-case': 'straße' }] }, { v: 'STRASSE' })).toBe(true);
    expect(matches({ v: [{ 'equals-ignore-case': 'straße' }] }, { v: 'STRAßE' })).toBe(true);
    expect(matches({ v: [{ 'equals-ignore-case': 'ÄÖÜ' }] }, { v: 'äöü' })).toBe(true);
    expect(matches({ v: [{ 'equals-ignore-case': 'ÄÖÜ' }] }, { v: 'aou' })).toBe(false);
  });

  it('only works on strings, and the empty pattern matches only the empty string', () => {
    expect(matches({ v: [{ 'equals-ignore-case': '5' }] }, { v: 5 })).toBe(false);
    expect(matches({ v: [{ 'equals-ignore-case': '' }] }, { v: '' })).toBe(true);
    expect(matches({ v: [{ 'equals-ignore-case': '' }] }, { v: 'a' })).toBe(false);
  });
});

describe('wildcard', () => {
  it('matches the event-ruler README example {"source": [{"wildcard": "Simple*Service"}]}', () => {
    const pattern = { source: [{ wildcard: 'Simple*Service' }] };
    expect(matches(pattern, { source: 'SimpleService' })).toBe(true);
    expect(matches(pattern, { source: 'SimpleNotificationService' })).toBe(true);
    expect(matches(pattern, { source: 'Simple Service ' })).toBe(false);
    expect(matches(pattern, { source: 'simpleService' })).toBe(false);
  });

  it('matches the documented file path example "dir/*.png"', () => {
    // EventBridge user guide, comparison operators, "Wildcard": "FileName": [{"wildcard": "dir/*.png"}].
    const pattern = { FileName: [{ wildcard: 'dir/*.png' }] };
    expect(matches(pattern, { FileName: 'dir/a.png' })).toBe(true);
    expect(matches(pattern, { FileName: 'dir/sub/a.png' })).toBe(true);
    expect(matches(pattern, { FileName: 'dir/.png' })).toBe(true);
    expect(matches(pattern, { FileName: 'other/a.png' })).toBe(false);
    expect(matches(pattern, { FileName: 'dir/a.png.bak' })).toBe(false);
  });

  it('lets * match zero or more characters anywhere', () => {
    expect(matches({ v: [{ wildcard: '*' }] }, { v: '' })).toBe(true);
    expect(matches({ v: [{ wildcard: '*' }] }, { v: 'anything' })).toBe(true);
    expect(matches({ v: [{ wildcard: '*a*b*' }] }, { v: 'xxaxxbxx' })).toBe(true);
    expect(matches({ v: [{ wildcard: '*a*b*' }] }, { v: 'ab' })).toBe(true);
    expect(matches({ v: [{ wildcard: '*a*b*' }] }, { v: 'ba' })).toBe(false);
    expect(matches({ v: [{ wildcard: 'a*a' }] }, { v: 'a' })).toBe(false);
    expect(matches({ v: [{ wildcard: 'a*a' }] }, { v: 'aa' })).toBe(true);
    expect(matches({ v: [{ wildcard: '*.png' }] }, { v: '.png' })).toBe(true);
    expect(matches({ v: [{ wildcard: 'ab*ab' }] }, { v: 'abab' })).toBe(true);
    expect(matches({ v: [{ wildcard: 'ab*ab' }] }, { v: 'aba' })).toBe(false);
  });

  it('without * is an exact match', () => {
    expect(matches({ v: [{ wildcard: 'abc' }] }, { v: 'abc' })).toBe(true);
    expect(matches({ v: [{ wildcard: 'abc' }] }, { v: 'abcd' })).toBe(false);
  });

  it('treats \\* as a literal asterisk and \\\\ as a literal backslash', () => {
    expect(matches({ v: [{ wildcard: 'a\\*b' }] }, { v: 'a*b' })).toBe(true);
    expect(matches({ v: [{ wildcard: 'a\\*b' }] }, { v: 'axb' })).toBe(false);
    expect(matches({ v: [{ wildcard: 'a\\\\b' }] }, { v: 'a\\b' })).toBe(true);
    expect(matches({ v: [{ wildcard: 'a\\\\*' }] }, { v: 'a\\anything' })).toBe(true);
    expect(matches({ v: [{ wildcard: '\\**' }] }, { v: '*tail' })).toBe(true);
    expect(matches({ v: [{ wildcard: '\\**' }] }, { v: 'tail' })).toBe(false);
  });

  it('treats regular expression characters literally', () => {
    expect(matches({ v: [{ wildcard: 'a.c' }] }, { v: 'abc' })).toBe(false);
    expect(matches({ v: [{ wildcard: '(a)+?[b]' }] }, { v: '(a)+?[b]' })).toBe(true);
  });

  it('only works on strings', () => {
    expect(matches({ v: [{ wildcard: '*' }] }, { v: 1 })).toBe(false);
    expect(matches({ v: [{ wildcard: '*' }] }, { v: null })).toBe(false);
    expect(matches({ v: [{ wildcard: '*' }] }, { v: {} })).toBe(false);
  });
});

describe("exactly (event-ruler's explicit exact match)", () => {
  it('matches the string exactly, even one that looks like an IP address', () => {
    expect(matches({ v: [{ exactly: 'a' }] }, { v: 'a' })).toBe(true);
    expect(matches({ v: [{ exactly: 'a' }] }, { v: 'A' })).toBe(false);
    expect(matches({ v: [{ exactly: '::1' }] }, { v: '::1' })).toBe(true);
  });
});

describe('several operators in one array', () => {
  it('are alternatives (OR)', () => {
    const pattern = { v: ['exact', { prefix: 'pre' }, { suffix: 'fix' }, { 'equals-ignore-case': 'CASE' }, 7] };
    for (const v of ['exact', 'prefab', 'postfix', 'case', 7]) expect(matches(pattern, { v })).toBe(true);
    for (const v of ['Exact', 'xpre', 'fixed', 'cases', 8, '7']) expect(matches(pattern, { v })).toBe(false);
  });
});
