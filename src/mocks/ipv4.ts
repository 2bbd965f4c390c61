// IPv4 arithmetic for fleet ranges: devices are assigned addresses from a CIDR in order.

export interface Ipv4Range {
  cidr: string;
  network: number;
  prefix: number;
  /** First and last address a device may use (network and broadcast excluded for prefixes below /31). */
  first: number;
  last: number;
}

export function ipv4ToInt(address: string): number {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    throw new RangeError(`not an IPv4 address: "${address}"`);
  }
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

export function intToIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export function isIpv4(text: string): boolean {
  return /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(text);
}

export function parseCidr(cidr: string): Ipv4Range {
  const [address, bits] = cidr.split('/');
  const prefix = Number(bits);
  if (!address || !Number.isInteger(prefix) || prefix < 0 || prefix > 32) {
    throw new RangeError(`not an IPv4 CIDR: "${cidr}"`);
  }
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const network = (ipv4ToInt(address) & mask) >>> 0;
  const broadcast = (network | (~mask >>> 0)) >>> 0;
  const small = prefix >= 31;
  return {
    cidr: `${intToIpv4(network)}/${prefix}`,
    network,
    prefix,
    first: small ? network : network + 1,
    last: small ? broadcast : broadcast - 1,
  };
}

export function rangeContains(range: Ipv4Range, address: string): boolean {
  const value = ipv4ToInt(address);
  return value >= range.first && value <= range.last;
}

export function rangeSize(range: Ipv4Range): number {
  return range.last - range.first + 1;
}
