// Fleet ranges: devices are assigned addresses from a CIDR in order (arithmetic in util/ipv4).

import { formatIpv4, parseIpv4, type Ipv4Range } from '../util/ipv4.js';

/** A fleet's CIDR: the addresses a device may use (network and broadcast excluded below /31). */
export interface FleetRange extends Ipv4Range {
  cidr: string;
  network: number;
  prefix: number;
}

export function ipv4ToInt(address: string): number {
  const value = parseIpv4(address);
  if (value === null) throw new RangeError(`not an IPv4 address: "${address}"`);
  return value;
}

export const intToIpv4 = formatIpv4;

export function isIpv4(text: string): boolean {
  return /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(text);
}

export function parseCidr(cidr: string): FleetRange {
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
