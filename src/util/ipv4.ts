// IPv4 addresses as unsigned 32-bit numbers, for scope and the mock fleet alike: parsing, formatting, ranges.

export interface Ipv4Range {
  /** First and last address, inclusive, as unsigned numbers. */
  first: number;
  last: number;
}

export function parseIpv4(text: string): number | null {
  const parts = text.trim().split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    value = value * 256 + octet;
  }
  return value;
}

/** Address order (10.0.0.9 before 10.0.0.10); what is not an IPv4 address sorts last. */
export function compareIpv4(a: string, b: string): number {
  const order = (ip: string) => parseIpv4(ip) ?? Number.MAX_SAFE_INTEGER;
  return order(a) - order(b);
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export function cidrRange(base: number, prefix: number): Ipv4Range {
  const size = 2 ** (32 - prefix);
  const first = Math.floor(base / size) * size;
  return { first, last: first + size - 1 };
}

export function prefixFromNetmask(netmask: string): number | null {
  const value = parseIpv4(netmask);
  if (value === null) return null;
  const bits = value.toString(2).padStart(32, '0');
  if (!/^1*0*$/.test(bits)) return null;
  return bits.replace(/0+$/, '').length;
}
