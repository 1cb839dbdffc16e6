import { describe, expect, it } from 'vitest';
import { compilePattern, InvalidEventPatternError, parsePattern } from '@modellregionen/event-patterns';
import { matches } from './helpers';

describe('hostile input', () => {
  it('treats __proto__, constructor and prototype as ordinary field names in events', () => {
    const event = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "c", "prototype": ["p"]}') as unknown;
    expect(matches(JSON.parse('{"__proto__": {"polluted": ["yes"]}}'), event)).toBe(true);
    expect(matches({ constructor: ['c'] }, event)).toBe(true);
    expect(matches({ prototype: ['p'] }, event)).toBe(true);
    expect(matches({ constructor: ['c'] }, {})).toBe(false);
    expect(matches({ toString: [{ exists: true }] }, {})).toBe(false);
    expect(matches({ hasOwnProperty: [{ exists: false }] }, {})).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats __proto__ as an ordinary field name in patterns, and keeps it in the parsed copy', () => {
    const pattern = parsePattern('{"__proto__": ["x"]}');
    expect(Object.keys(pattern)).toEqual(['__proto__']);
    expect(compilePattern(pattern)(JSON.parse('{"__proto__": "x"}'))).toBe(true);
    expect(compilePattern(pattern)({ other: 'x' })).toBe(false);
    expect(({} as Record<string, unknown>)['0']).toBeUndefined();
  });

  it('does not look up inherited properties of the event', () => {
    const inherited = Object.create({ source: 'aws.ec2' }) as object;
    expect(matches({ source: ['aws.ec2'] }, inherited)).toBe(false);
  });

  it('copes with deeply nested arrays and objects in the event', () => {
    let deepArray: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deepArray = [deepArray];
    expect(matches({ v: [{ exists: true }] }, { v: deepArray })).toBe(false);
    let shallow: unknown = 'x';
    for (let i = 0; i < 500; i++) shallow = [shallow];
    expect(matches({ v: ['x'] }, { v: shallow })).toBe(true);
    let deepObject: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 100_000; i++) deepObject = { a: deepObject };
    expect(matches({ a: { a: { a: [{ exists: false }] } } }, deepObject)).toBe(true);
  });

  it('does not loop on cyclic objects', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    const list: unknown[] = ['y'];
    list.push(list);
    expect(matches({ self: { self: { name: ['x'] } } }, cyclic)).toBe(true);
    expect(matches({ list: ['y'] }, { list })).toBe(true);
    expect(matches({ list: ['z'] }, { list })).toBe(false);
  });

  it('handles huge arrays', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => `value-${i}`);
    expect(matches({ v: ['value-199999'] }, { v: values })).toBe(true);
    expect(matches({ v: [{ 'anything-but': { prefix: 'value-' } }] }, { v: values })).toBe(false);
  });

  it('ignores values JSON cannot hold', () => {
    expect(matches({ v: [{ exists: true }] }, { v: undefined })).toBe(false);
    expect(matches({ v: [{ exists: true }] }, { v: () => 1 })).toBe(false);
    expect(matches({ v: [{ numeric: ['>', 0] }] }, { v: Number.POSITIVE_INFINITY })).toBe(false);
    expect(matches({ v: [{ numeric: ['>', 0] }] }, { v: Number.NaN })).toBe(false);
  });

  it('refuses patterns nested too deeply, and cyclic patterns, instead of overflowing the stack', () => {
    let deep: Record<string, unknown> = { leaf: ['x'] };
    for (let i = 0; i < 5_000; i++) deep = { a: deep };
    expect(() => parsePattern(deep)).toThrow(InvalidEventPatternError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => parsePattern(cyclic)).toThrow(InvalidEventPatternError);
  });

  it('refuses $or combinations that would expand into too many sub-rules', () => {
    const pattern: Record<string, unknown> = {};
    for (let i = 0; i < 20; i++) pattern[`k${i}`] = { $or: [{ a: ['x'] }, { b: ['y'] }] };
    expect(() => parsePattern(pattern)).toThrow(/too complex/);
  });

  it('handles many $or alternatives within the limit quickly', () => {
    const pattern: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) pattern[`k${i}`] = { $or: [{ a: ['x'] }, { b: ['y'] }] };
    const event = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, { b: 'y' }]));
    expect(matches(pattern, event)).toBe(true);
    expect(matches(pattern, { ...event, k9: { a: 'z' } })).toBe(false);
  });

  it('does not mutate the pattern or the event', () => {
    const pattern = { a: { b: [1] }, $or: [{ c: ['x'] }, { d: ['y'] }] };
    const event = { a: [{ b: 1 }], c: 'x' };
    const before = JSON.stringify({ pattern, event });
    expect(matches(pattern, event)).toBe(true);
    expect(JSON.stringify({ pattern, event })).toBe(before);
  });
});
