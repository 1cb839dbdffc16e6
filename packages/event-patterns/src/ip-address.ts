/**
 * IP address literals and CIDR blocks as aws/event-ruler reads them (`CIDR.java`): a value counts as an
 * address only if it looks like one (`[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+` or `[0-9a-fA-F:]*:[0-9a-fA-F:]*`)
 * and Java's `InetAddress` accepts it. Addresses are compared as fixed-width upper-case hex strings
 * (8 digits for IPv4, 32 for IPv6), so ranges are plain string comparisons.
 */
import { invalid } from './errors';

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

const looksLikeIp = (text: string): boolean => IPV4_SHAPE.test(text) || IPV6_SHAPE.test(text);

/**
 * Java's literal parser (`IPAddressUtil.textToNumericFormatV4`) reads every part as a decimal number,
 * leading zeros included (`010` is 10, not octal 8), but takes no literal longer than 15 characters.
 * What it does not take is no address for event-ruler: current JDKs refuse it as ambiguous if BSD's
 * `inet_aton` could read it (e.g. `0000000010.0.0.1`), and otherwise the resolver finds no such host.
 */
const MAX_IPV4_LITERAL_LENGTH = 15;

const parseIpv4 = (text: string): number[] | undefined => {
  if (text.length > MAX_IPV4_LITERAL_LENGTH) return undefined;
  const bytes = text.split('.').map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
};

const parseGroups = (text: string): number[] | undefined => {
  if (text === '') return [];
  const groups: number[] = [];
  for (const group of text.split(':')) {
    if (group === '' || !/^[0-9a-fA-F]+$/.test(group)) return undefined;
    // Java accepts any number of hex digits as long as the group's value fits in 16 bits.
    const value = Number.parseInt(group, 16);
    if (value > 0xffff) return undefined;
    groups.push(value);
  }
  return groups;
};

const parseIpv6 = (text: string): number[] | undefined => {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const head = parseGroups(halves[0] ?? '');
    const tail = parseGroups(halves[1] ?? '');
    if (head === undefined || tail === undefined) return undefined;
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  } else {
    const all = parseGroups(text);
    if (all === undefined || all.length !== 8) return undefined;
    groups = all;
  }
  const bytes = groups.flatMap((g) => [g >> 8, g & 0xff]);
  // Like Java's InetAddress, an IPv4-mapped address (::ffff:a.b.c.d) is the IPv4 address itself.
  if (bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return bytes.slice(12);
  }
  return bytes;
};

/** The address bytes (4 or 16) of an IP literal, or undefined if the text is no address. */
const ipBytes = (text: string): number[] | undefined => {
  if (IPV4_SHAPE.test(text)) return parseIpv4(text);
  if (IPV6_SHAPE.test(text)) return parseIpv6(text);
  return undefined;
};

const toHex = (bytes: readonly number[]): string => bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');

/** The canonical hex form of an IP literal (8 or 32 upper-case hex digits), or undefined. */
export const ipKey = (text: string): string | undefined => {
  const bytes = ipBytes(text);
  return bytes === undefined ? undefined : toHex(bytes);
};

/** An inclusive range of addresses of one family, as hex keys of equal length. */
export type IpRange = { readonly low: string; readonly high: string };

export const ipInRange = (key: string, range: IpRange): boolean => key.length === range.low.length && key >= range.low && key <= range.high;

/** The single-address range of an IP literal written as a plain pattern value, or undefined. */
export const singleAddressRange = (text: string): IpRange | undefined => {
  const key = ipKey(text);
  return key === undefined ? undefined : { low: key, high: key };
};

/**
 * Compiles a `cidr` operand, throwing AWS's messages for malformed ones. The host bits are masked off
 * (event-ruler since PR #89), so `10.0.0.5/24` covers 10.0.0.0 to 10.0.0.255. As in event-ruler, the mask
 * must be below the address width: `/32` (IPv4) and `/128` (IPv6) are refused.
 */
export const cidrRange = (cidr: string): IpRange => {
  // Java's String.split drops trailing empty strings: "10.0.0.0/" has one part, "10.0.0.0/8/" two.
  const parts = cidr.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length !== 2) return invalid("Malformed CIDR, one '/' required");
  const [address = '', maskText = ''] = parts;
  if (!/^[+-]?[0-9]+$/.test(maskText) || !Number.isSafeInteger(Number(maskText)) || Math.abs(Number(maskText)) > 2_147_483_647) {
    return invalid('Malformed CIDR, mask bits must be an integer');
  }
  const maskBits = Number(maskText);
  if (maskBits < 0) return invalid('Malformed CIDR, mask bits must not be negative');
  const bytes = looksLikeIp(address) ? ipBytes(address) : undefined;
  if (bytes === undefined) {
    return invalid(looksLikeIp(address) ? `Invalid IP address: ${address}` : `Nonstandard IP address: ${address}`);
  }
  if (bytes.length === 4 && maskBits > 31) return invalid('IPv4 mask bits must be < 32');
  if (bytes.length === 16 && maskBits > 127) return invalid('IPv6 mask bits must be < 128');
  const low: number[] = [];
  const high: number[] = [];
  bytes.forEach((byte, i) => {
    const fixedBits = Math.min(8, Math.max(0, maskBits - i * 8));
    const hostMask = 0xff >> fixedBits;
    low.push(byte & ~hostMask & 0xff);
    high.push(byte | hostMask);
  });
  return { low: toHex(low), high: toHex(high) };
};
