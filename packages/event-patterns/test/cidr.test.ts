import { describe, expect, it } from 'vitest';
import { ec2Event, matches } from './helpers';

const ip = (cidr: string, value: unknown) => matches({ ip: [{ cidr }] }, { ip: value });

describe('cidr', () => {
  it('matches the documented IPv4 example 10.0.0.0/24', () => {
    // EventBridge user guide, "IP address matching": {"detail": {"sourceIPAddress": [{"cidr": "10.0.0.0/24"}]}}.
    const pattern = { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } };
    expect(matches(pattern, { detail: { sourceIPAddress: '10.0.0.0' } })).toBe(true);
    expect(matches(pattern, { detail: { sourceIPAddress: '10.0.0.255' } })).toBe(true);
    expect(matches(pattern, { detail: { sourceIPAddress: '10.0.1.0' } })).toBe(false);
    expect(matches(pattern, { detail: { sourceIPAddress: '9.255.255.255' } })).toBe(false);
    // aws/event-ruler README: {"detail": {"source-ip": [{"cidr": "10.0.0.0/24"}]}} on its sample event.
    expect(matches({ detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } }, ec2Event)).toBe(true);
  });

  it('respects mask widths that do not fall on byte boundaries', () => {
    expect(ip('192.168.0.0/22', '192.168.3.255')).toBe(true);
    expect(ip('192.168.0.0/22', '192.168.4.0')).toBe(false);
    expect(ip('172.16.0.0/12', '172.31.255.255')).toBe(true);
    expect(ip('172.16.0.0/12', '172.32.0.0')).toBe(false);
    expect(ip('10.0.0.8/31', '10.0.0.9')).toBe(true);
    expect(ip('10.0.0.8/31', '10.0.0.10')).toBe(false);
  });

  it('covers everything with /0', () => {
    expect(ip('0.0.0.0/0', '255.255.255.255')).toBe(true);
    expect(ip('0.0.0.0/0', '0.0.0.0')).toBe(true);
    expect(ip('::/0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(true);
  });

  it('masks off host bits of the base address (event-ruler since PR #89)', () => {
    expect(ip('10.0.0.5/24', '10.0.0.1')).toBe(true);
    expect(ip('10.0.0.5/24', '10.0.0.200')).toBe(true);
  });

  it('matches IPv6 addresses in any notation', () => {
    expect(ip('2001:db8::/32', '2001:db8::1')).toBe(true);
    expect(ip('2001:db8::/32', '2001:0DB8:ffff:0:0:0:0:1')).toBe(true);
    expect(ip('2001:db8::/32', '2001:db9::1')).toBe(false);
    expect(ip('2001:db8:1234:1a00::/64', '2001:db8:1234:1a00:ffff:ffff:ffff:ffff')).toBe(true);
    expect(ip('2001:db8:1234:1a00::/64', '2001:db8:1234:1a01::')).toBe(false);
    expect(ip('::1/127', '::1')).toBe(true);
  });

  it('keeps the two families apart', () => {
    expect(ip('0.0.0.0/0', '::1')).toBe(false);
    expect(ip('::/0', '10.0.0.1')).toBe(false);
  });

  it("reads an IPv4-mapped IPv6 address as the IPv4 address, like Java's InetAddress", () => {
    expect(ip('10.0.0.0/8', '::ffff:a00:1')).toBe(true);
  });

  it("reads IPv4 parts with leading zeros as decimal, as Java's InetAddress does (010 is 10, not octal 8)", () => {
    // IPAddressUtil.textToNumericFormatV4: decimal parts, none above 255, the literal at most 15 characters.
    expect(ip('10.0.0.0/24', '010.0.0.1')).toBe(true);
    expect(ip('8.0.0.0/24', '010.0.0.1')).toBe(false);
    expect(ip('10.0.0.0/24', '010.000.000.001')).toBe(true);
    expect(ip('10.0.0.0/24', '0010.0.0.0255')).toBe(true);
    expect(ip('192.168.1.0/24', '192.168.001.010')).toBe(true);
    // Sixteen characters and more are no literal for Java; current JDKs refuse them as ambiguous.
    expect(ip('10.0.0.0/24', '0000000010.0.0.1')).toBe(false);
    expect(ip('10.0.0.0/24', '10.0.0.0256')).toBe(false);
  });

  it('reads leading zeros the same way in a cidr base and in a plain IP value of the pattern', () => {
    expect(ip('010.0.0.0/24', '10.0.0.7')).toBe(true);
    expect(ip('010.0.0.0/24', '10.0.1.7')).toBe(false);
    expect(matches({ ip: ['010.0.0.1'] }, { ip: '10.0.0.1' })).toBe(true);
    expect(matches({ ip: ['10.0.0.1'] }, { ip: '10.0.000.01' })).toBe(true);
    expect(matches({ ip: ['10.0.0.1'] }, { ip: '10.0.0.2' })).toBe(false);
  });

  it('reads IPv6 groups of any length whose value fits in 16 bits, but no dotted IPv4 tail', () => {
    // IPAddressUtil.textToNumericFormatV6 accepts "0000001"; event-ruler's IPv6 shape has no dots.
    expect(ip('::/127', '::0000001')).toBe(true);
    expect(ip('::/127', '::10000')).toBe(false);
    expect(ip('10.0.0.0/8', '::ffff:10.0.0.1')).toBe(false);
    expect(ip('10.0.0.0/8', '::ffff:a00:1')).toBe(true);
  });

  it('matches only strings that are IP addresses', () => {
    expect(ip('10.0.0.0/8', 'not an ip')).toBe(false);
    expect(ip('10.0.0.0/8', '10.0.0')).toBe(false);
    expect(ip('10.0.0.0/8', '10.0.0.256')).toBe(false);
    expect(ip('10.0.0.0/8', '10.0.0.1 ')).toBe(false);
    expect(ip('10.0.0.0/8', '10.0.0.1/32')).toBe(false);
    expect(ip('10.0.0.0/8', 167772161)).toBe(false);
    expect(ip('10.0.0.0/8', null)).toBe(false);
    expect(ip('2001:db8::/32', '2001:db8::1::2')).toBe(false);
    expect(ip('2001:db8::/32', '2001:db8:0:0:0:0:0:0:1')).toBe(false);
  });

  it('matches an event array if any element is in the block', () => {
    expect(ip('10.0.0.0/8', ['192.168.0.1', '10.1.2.3'])).toBe(true);
    expect(ip('10.0.0.0/8', ['192.168.0.1'])).toBe(false);
  });

  it('does not match an absent field', () => {
    expect(matches({ ip: [{ cidr: '10.0.0.0/8' }] }, {})).toBe(false);
  });

  describe('next to other matchers on the same field (event-ruler since 1.7.0, PR #131)', () => {
    // The EventBridge user guide's example field, with a cidr and a plain string side by side.
    const pattern = { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }, '192.168.1.1'] } };
    const event = (sourceIPAddress: unknown) => ({ detail: { sourceIPAddress } });

    it('matches a value by the cidr or by the other alternatives', () => {
      expect(matches(pattern, event('10.0.0.7'))).toBe(true);
      expect(matches(pattern, event('192.168.1.1'))).toBe(true);
      expect(matches(pattern, event('192.168.1.2'))).toBe(false);
      expect(matches(pattern, event('10.0.1.7'))).toBe(false);
    });

    it('lets string operators see strings that are IP addresses', () => {
      const mixed = { ip: [{ cidr: '10.0.0.0/8' }, { prefix: '192.168.' }] };
      expect(matches(mixed, { ip: '10.1.1.1' })).toBe(true);
      expect(matches(mixed, { ip: '192.168.1.1' })).toBe(true);
      expect(matches(mixed, { ip: '192.168.not-an-ip' })).toBe(true);
      expect(matches(mixed, { ip: '172.16.0.1' })).toBe(false);
      expect(matches({ ip: [{ cidr: '10.0.0.0/8' }, { suffix: '.1' }] }, { ip: '172.16.0.1' })).toBe(true);
      expect(matches({ ip: [{ cidr: '10.0.0.0/8' }, { wildcard: '172.*.1' }] }, { ip: '172.16.0.1' })).toBe(true);
      expect(matches({ ip: [{ cidr: '10.0.0.0/8' }, { 'equals-ignore-case': '::ABC' }] }, { ip: '::abc' })).toBe(true);
      expect(matches({ ip: ['10.0.0.1', { prefix: '10.' }] }, { ip: '10.0.0.2' })).toBe(true);
    });

    it('lets an anything-but next to an IP pattern exclude IP strings', () => {
      // PR #131's first bug: the IP string was converted, so anything-but never saw it and always held.
      const pattern = { ip: [{ 'anything-but': { prefix: '10.0.' } }, { cidr: '192.168.0.0/16' }] };
      expect(matches(pattern, { ip: '10.0.1.200' })).toBe(false);
      expect(matches(pattern, { ip: '10.1.1.200' })).toBe(true);
      expect(matches(pattern, { ip: '192.168.0.1' })).toBe(true);
      expect(matches({ ip: [{ 'anything-but': '10.0.1.200' }, '192.168.0.1'] }, { ip: '10.0.1.200' })).toBe(false);
    });

    it('matches IP strings on a field that also has a numeric pattern', () => {
      // PR #131's second bug: with a numeric pattern on the field, IP matching was skipped.
      expect(matches({ ip: [{ cidr: '10.0.0.0/8' }, 5] }, { ip: '10.1.1.1' })).toBe(true);
      expect(matches({ ip: [{ cidr: '10.0.0.0/8' }, 5] }, { ip: 5 })).toBe(true);
      expect(matches({ ip: ['10.0.1.200', { numeric: ['>', 0, '<=', 5] }] }, { ip: '10.0.1.200' })).toBe(true);
      expect(matches({ ip: ['10.0.1.200', { numeric: ['>', 0, '<=', 5] }] }, { ip: 3 })).toBe(true);
      expect(matches({ ip: [{ cidr: '10.0.0.0/8' }, { numeric: ['>', 0] }] }, { ip: '11.0.0.1' })).toBe(false);
    });

    it('keeps the alternatives independent: a leaf matches a value exactly when one alternative alone does', () => {
      const alternatives = [{ cidr: '10.0.0.0/8' }, '::1', { prefix: '1' }, { numeric: ['<', 0] }];
      for (const value of ['10.0.0.1', '10.0.0.2', '::1', '0:0::1', '11.0.0.1', '2.0.0.1', -1, 1]) {
        const one = alternatives.some((alternative) => matches({ ip: [alternative] }, { ip: value }));
        expect(matches({ ip: alternatives }, { ip: value }), String(value)).toBe(one);
      }
    });
  });
});
