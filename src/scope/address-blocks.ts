// The address blocks scope cares about (arithmetic in util/ipv4).

import { cidrRange, parseIpv4, type Ipv4Range } from '../util/ipv4.js';

export type AddressBlock = 'private' | 'loopback' | 'link-local' | 'cgnat' | 'public';

const BLOCKS: Array<{ kind: Exclude<AddressBlock, 'public'>; range: Ipv4Range }> = [
  { kind: 'private', range: cidrRange(parseIpv4('10.0.0.0')!, 8) },
  { kind: 'private', range: cidrRange(parseIpv4('172.16.0.0')!, 12) },
  { kind: 'private', range: cidrRange(parseIpv4('192.168.0.0')!, 16) },
  { kind: 'loopback', range: cidrRange(parseIpv4('127.0.0.0')!, 8) },
  { kind: 'link-local', range: cidrRange(parseIpv4('169.254.0.0')!, 16) },
  { kind: 'cgnat', range: cidrRange(parseIpv4('100.64.0.0')!, 10) },
];

/** The block a whole range lies in; 'public' when it lies in none (or straddles two). */
export function blockOf(range: Ipv4Range): AddressBlock {
  for (const block of BLOCKS) {
    if (range.first >= block.range.first && range.last <= block.range.last) return block.kind;
  }
  return 'public';
}
