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

  it('reads an IPv4-mapped IPv6 address as the IPv4 address, like Java\'s InetAddress', () => {
    expect(ip('10.0.0.0/8', '::ffff:a00:1')).toBe(true);
  });

  it('reads IPv4 parts with leading zeros as decimal, as Java\'s InetAddress does (010 is 10, not octal 8)', () => {
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

  it('hides IP strings from string operators on the same field, as event-ruler\'s value conversion does', () => {
    // event-ruler converts IP strings to addresses for a field with an IP pattern, before any other test.
    const pattern = { ip: [{ cidr: '10.0.0.0/8' }, { prefix: '192.168.' }] };
    expect(matches(pattern, { ip: '10.1.1.1' })).toBe(true);
    expect(matches(pattern, { ip: '192.168.1.1' })).toBe(false);
    expect(matches(pattern, { ip: '192.168.not-an-ip' })).toBe(true);
    // Without the cidr alternative the prefix sees the string as usual.
    expect(matches({ ip: [{ prefix: '192.168.' }] }, { ip: '192.168.1.1' })).toBe(true);
  });

  it('does not convert IP strings on a field that also has a numeric pattern, as in event-ruler', () => {
    // event-ruler's ByteMachine converts numbers if the field has a numeric pattern, and only
    // otherwise IP addresses; so an IP pattern next to a number never sees an address.
    expect(matches({ ip: [{ cidr: '10.0.0.0/8' }, 5] }, { ip: '10.1.1.1' })).toBe(false);
    expect(matches({ ip: [{ cidr: '10.0.0.0/8' }, 5] }, { ip: 5 })).toBe(true);
    expect(matches({ ip: ['10.0.0.1', { numeric: ['>', 0] }] }, { ip: '10.0.0.1' })).toBe(false);
  });
});
