import { describe, expect, it } from 'vitest';
import { compilePattern, InvalidEventPatternError, parsePattern } from '@modellregionen/event-patterns';
import { expectInvalid } from './helpers';

describe('parsePattern', () => {
  it('accepts the documented patterns and returns an equal, frozen copy', () => {
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
      },
    };
    const parsed = parsePattern(pattern);
    expect(parsed).toEqual(pattern);
    expect(parsed).not.toBe(pattern);
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(Object.isFrozen(parsed.detail)).toBe(true);
  });

  it('accepts JSON text', () => {
    expect(parsePattern('{"source": ["aws.ec2"]}')).toEqual({ source: ['aws.ec2'] });
  });

  it('throws InvalidEventPatternError, an Error with the AWS prefix and the bare reason', () => {
    let error: unknown;
    try {
      parsePattern({ source: 'aws.ec2' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(InvalidEventPatternError);
    expect((error as InvalidEventPatternError).name).toBe('InvalidEventPatternError');
    expect((error as InvalidEventPatternError).reason).toBe('"source" must be an object or an array');
  });

  it('compilePattern validates too', () => {
    expect(() => compilePattern({ source: [] })).toThrow(InvalidEventPatternError);
  });
});

describe('invalid patterns (AWS messages, from event-ruler and AWS-recorded responses)', () => {
  it('refuses anything but a non-empty JSON object', () => {
    expectInvalid('["not", "a", "dict", "but valid json"]', 'Filter is not an object');
    expectInvalid([], 'Filter is not an object');
    expectInvalid(null, 'Filter is not an object');
    expectInvalid(42, 'Filter is not an object');
    expectInvalid({}, 'Empty objects are not allowed');
    expectInvalid({ detail: {} }, 'Empty objects are not allowed');
  });

  it('refuses text that is not JSON', () => {
    expect(() => parsePattern("{'bad': 'quotation'}")).toThrow(/^Event pattern is not valid\. Reason: /);
    expect(() => parsePattern('this is not json')).toThrow(InvalidEventPatternError);
  });

  it('refuses leaves that are not arrays (AWS-recorded int_nolist_EXC, string_nolist_EXC)', () => {
    expectInvalid({ int: 42 }, '"int" must be an object or an array');
    expectInvalid({ string: 'my-value' }, '"string" must be an object or an array');
    expectInvalid({ detail: { flag: true } }, '"flag" must be an object or an array');
    expectInvalid({ detail: { none: null } }, '"none" must be an object or an array');
  });

  it('refuses empty arrays and nested arrays (AWS-recorded arrays_empty_EXC)', () => {
    expectInvalid({ resources: [] }, 'Empty arrays are not allowed');
    expectInvalid({ v: [['a']] }, 'Match value must be String, number, true, false, or null');
  });

  it('refuses unknown and wrongly cased operators (AWS-recorded operator_case_sensitive_EXC)', () => {
    expectInvalid({ my_key: [{ EXISTS: true }] }, 'Unrecognized match type EXISTS');
    expectInvalid({ detail: { equal: [{ NUMERIC: ['=', 5] }] } }, 'Unrecognized match type NUMERIC');
    expectInvalid({ v: [{ contains: 'x' }] }, 'Unrecognized match type contains');
    expectInvalid({ v: [{}] }, 'Match expression name not found');
  });

  it('refuses more than one operator in one object', () => {
    expectInvalid({ v: [{ prefix: 'a', suffix: 'b' }] }, 'Only one key allowed in match expression');
    expectInvalid({ v: [{ exists: true, prefix: 'a' }] }, 'Only one key allowed in match expression');
    expectInvalid({ v: [{ numeric: ['>', 1], prefix: 'a' }] }, 'Too many elements in numeric expression');
    expectInvalid({ v: [{ 'anything-but': 'x', prefix: 'a' }] }, 'Too many elements in numeric expression');
  });

  it('checks prefix and suffix operands (AWS-recorded content_prefix_*_EXC, content_suffix_*_EXC)', () => {
    expectInvalid({ time: [{ prefix: ['2022-07-13'] }] }, 'prefix match pattern must be a string');
    expectInvalid({ time: [{ prefix: 123 }] }, 'prefix match pattern must be a string');
    expectInvalid({ FileName: [{ suffix: 123 }] }, 'suffix match pattern must be a string');
    expectInvalid({ FileName: [{ suffix: ['.png'] }] }, 'suffix match pattern must be a string');
    expectInvalid({ v: [{ prefix: {} }] }, 'Prefix expression name not found');
    expectInvalid({ v: [{ prefix: { wildcard: 'a' } }] }, 'Unsupported prefix pattern: wildcard');
    expectInvalid({ v: [{ suffix: { 'equals-ignore-case': 5 } }] }, 'equals-ignore-case match pattern must be a string');
    expectInvalid({ v: [{ suffix: { 'equals-ignore-case': 'a', x: 1 } }] }, 'Only one key allowed in match expression');
  });

  it('checks equals-ignore-case operands (AWS-recorded content_ignorecase_EXC, content_ignorecase_list_EXC)', () => {
    expectInvalid(
      { 'detail-type': [{ 'equals-ignore-case': ['ec2 instance state-change notification'] }] },
      'equals-ignore-case match pattern must be a string',
    );
    expectInvalid({ 'detail-type': [{ 'equals-ignore-case': { prefix: 'ec2' } }] }, 'equals-ignore-case match pattern must be a string');
  });

  it('checks wildcard operands (AWS-recorded content_wildcard_*_EXC)', () => {
    expectInvalid({ EventBusArn: [{ wildcard: 123 }] }, 'wildcard match pattern must be a string');
    expectInvalid({ EventBusArn: [{ wildcard: ['arn:aws:events:us-east-1:**:event-bus/*'] }] }, 'wildcard match pattern must be a string');
    // The position is the UTF-8 byte offset within the quoted value, as AWS reports it.
    expectInvalid({ EventBusArn: [{ wildcard: 'arn:aws:events:us-east-1:**:event-bus/*' }] }, 'Consecutive wildcard characters at pos 26');
    expectInvalid({ v: [{ wildcard: '**' }] }, 'Consecutive wildcard characters at pos 1');
    expectInvalid({ v: [{ wildcard: 'ä**' }] }, 'Consecutive wildcard characters at pos 3');
    expectInvalid({ v: [{ wildcard: 'a\\b' }] }, 'Invalid escape character at pos 2');
    expectInvalid({ v: [{ wildcard: 'ab\\' }] }, 'Invalid escape character at pos 3');
  });

  it('checks numeric expressions (AWS-recorded content_numeric_EXC, content_numeric_syntax_EXC)', () => {
    expectInvalid({ detail: { 'c-count': [{ numeric: ['>', 0, '>', 0] }] } }, 'Bad numeric range operator: >');
    expectInvalid({ detail: { 'c-count': [{ numeric: ['>', 0, '<'] }] } }, 'Value of < must be numeric');
    expectInvalid({ v: [{ numeric: 5 }] }, 'Value of numeric must be an array.');
    expectInvalid({ v: [{ numeric: [] }] }, 'Invalid member in numeric match: ]');
    expectInvalid({ v: [{ numeric: [5, '<'] }] }, 'Invalid member in numeric match: 5');
    expectInvalid({ v: [{ numeric: ['!=', 5] }] }, 'Unrecognized numeric range operator: !=');
    expectInvalid({ v: [{ numeric: ['=', '5'] }] }, 'Value of equals must be numeric');
    expectInvalid({ v: [{ numeric: ['='] }] }, 'Value of equals must be numeric');
    expectInvalid({ v: [{ numeric: ['>=', null] }] }, 'Value of >= must be numeric');
    expectInvalid({ v: [{ numeric: ['=', 5, '<', 6] }] }, 'Too many elements in numeric expression');
    expectInvalid({ v: [{ numeric: ['<', 5, '>', 1] }] }, 'Too many elements in numeric expression');
    expectInvalid({ v: [{ numeric: ['>', 1, 5] }] }, 'Bad value in numeric range: 5');
    expectInvalid({ v: [{ numeric: ['>', 1, '<', 5, '<', 6] }] }, 'Too many terms in numeric range expression');
    expectInvalid({ v: [{ numeric: ['>', 5, '<', 5] }] }, 'Bottom must be less than top');
    expectInvalid({ v: [{ numeric: ['>=', 10, '<=', 1] }] }, 'Bottom must be less than top');
  });

  it('checks anything-but operands (AWS-recorded content_anything_*_EXC)', () => {
    expectInvalid(
      { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 123 } }] } },
      'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
    );
    expectInvalid(
      { detail: { state: [{ 'anything-but': { 'equals-ignore-case': [123, 456] } }] } },
      'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
    );
    expectInvalid({ detail: { state: [{ 'anything-but': { wildcard: [123, '*/dir/*'] } }] } }, 'wildcard match pattern must be a string');
    expectInvalid({ detail: { FilePath: [{ 'anything-but': { wildcard: 123 } }] } }, 'wildcard match pattern must be a string');
    expectInvalid({ detail: { FileName: [{ 'anything-but': { suffix: [123, '.txt'] } }] } }, 'prefix/suffix match pattern must be a string');
    expectInvalid({ detail: { FileName: [{ 'anything-but': { suffix: 123 } }] } }, 'prefix/suffix match pattern must be a string');
    expectInvalid({ detail: { state: [{ 'anything-but': { prefix: 123 } }] } }, 'prefix/suffix match pattern must be a string');
    expectInvalid(
      { detail: { FileName: [{ 'anything-but': { prefix: { 'equals-ignore-case': 'file' } } }] } },
      'Value of anything-but must be an array or single string/number value.',
    );
    expectInvalid(
      { detail: { FileName: [{ 'anything-but': { suffix: { 'equals-ignore-case': '.png' } } }] } },
      'Value of anything-but must be an array or single string/number value.',
    );
    expectInvalid({ v: [{ 'anything-but': { prefix: '' } }] }, 'Null prefix/suffix not allowed');
    expectInvalid({ v: [{ 'anything-but': { suffix: ['a', ''] } }] }, 'Null prefix/suffix not allowed');
    expectInvalid({ v: [{ 'anything-but': { wildcard: 'a**' } }] }, 'Consecutive wildcard characters at pos 2');
    expectInvalid({ v: [{ 'anything-but': { numeric: ['>', 1] } }] }, 'Unsupported anything-but pattern: numeric');
    expectInvalid({ v: [{ 'anything-but': {} }] }, 'Anything-But expression name not found');
    expectInvalid({ v: [{ 'anything-but': null }] }, 'Value of anything-but must be an array or single string/number value.');
    expectInvalid({ v: [{ 'anything-but': true }] }, 'Value of anything-but must be an array or single string/number value.');
    expectInvalid({ v: [{ 'anything-but': [null] }] }, 'Inside anything but list, start|null|boolean is not supported.');
    expectInvalid({ v: [{ 'anything-but': ['a', 1] }] }, 'Inside anything but list, either all values are number or string, mixed type is not supported');
    expectInvalid({ v: [{ 'anything-but': [] }] }, 'Inside anything but list, either all values are number or string, mixed type is not supported');
    expectInvalid({ v: [{ 'anything-but': { prefix: 'a', suffix: 'b' } }] }, 'Too many elements in numeric expression');
  });

  it('checks exists operands', () => {
    expectInvalid({ v: [{ exists: 'true' }] }, 'exists match pattern must be either true or false.');
    expectInvalid({ v: [{ exists: null }] }, 'exists match pattern must be either true or false.');
  });

  it('checks cidr operands (AWS-recorded content_ip_address_*_EXC)', () => {
    expectInvalid({ detail: { sourceIPAddress: [{ cidr: ['bad-type'] }] } }, 'prefix match pattern must be a string');
    expectInvalid({ ip: [{ cidr: '10.0.0.0' }] }, "Malformed CIDR, one '/' required");
    expectInvalid({ ip: [{ cidr: '10.0.0.0/8/8' }] }, "Malformed CIDR, one '/' required");
    expectInvalid({ ip: [{ cidr: '10.0.0.0/x' }] }, 'Malformed CIDR, mask bits must be an integer');
    expectInvalid({ ip: [{ cidr: '10.0.0.0/-1' }] }, 'Malformed CIDR, mask bits must not be negative');
    expectInvalid({ ip: [{ cidr: 'xx.11.xx/24' }] }, 'Nonstandard IP address: xx.11.xx');
    expectInvalid({ ip: [{ cidr: 'xxxx:db8:1234:1a00::/64' }] }, 'Nonstandard IP address: xxxx:db8:1234:1a00::');
    expectInvalid({ ip: [{ cidr: '10.0.0.256/24' }] }, 'Invalid IP address: 10.0.0.256');
    expectInvalid({ ip: [{ cidr: '0000000010.0.0.0/8' }] }, 'Invalid IP address: 0000000010.0.0.0');
    expectInvalid({ ip: [{ cidr: '10.0.0.0/32' }] }, 'IPv4 mask bits must be < 32');
    expectInvalid({ ip: [{ cidr: '::1/128' }] }, 'IPv6 mask bits must be < 128');
  });

  it('checks exactly operands', () => {
    expectInvalid({ v: [{ exactly: 5 }] }, 'exact match pattern must be a string');
  });

  it('checks $or (event-ruler JsonRuleCompiler)', () => {
    expectInvalid({ $or: [{ a: ['x'] }] }, 'There must have at least 2 Objects in $or relationship.');
    expectInvalid({ $or: [] }, 'There must have at least 2 Objects in $or relationship.');
    expectInvalid({ $or: { a: ['x'] } }, 'It must be an Array followed with $or.');
    expectInvalid({ $or: [{ a: ['x'] }, 'b'] }, 'Only JSON object is allowed in array of $or relationship.');
    expectInvalid({ $or: [{ a: ['x'] }, {}] }, 'Empty objects are not allowed');
    expectInvalid({ $or: [{ a: ['x'] }, { numeric: ['>', 1] }] }, 'numeric is Ruler reserved fieldName which cannot be used inside $or.');
    expectInvalid({ $or: [{ a: ['x'] }, { b: { prefix: ['y'] } }] }, 'prefix is Ruler reserved fieldName which cannot be used inside $or.');
  });

  it('allows reserved words as field names outside $or', () => {
    expect(() => parsePattern({ prefix: ['x'], numeric: [1] })).not.toThrow();
  });
});
