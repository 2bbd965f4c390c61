// Turns one --target argument (CIDR, single IPv4, or a range) into an address range and its normal form.

import { cidrRange, formatIpv4, parseIpv4, type Ipv4Range } from '../util/ipv4.js';
import { ScopeError } from './scope-error.js';

export interface ParsedTarget extends Ipv4Range {
  /** As shown to the user: "192.168.1.0/24", "192.168.1.7", "192.168.1.10-192.168.1.20". */
  normalised: string;
  /** Network and broadcast addresses are not hosts: skipped for CIDRs of /30 and wider. */
  skipEnds: boolean;
}

const USAGE = 'expected a CIDR (192.168.1.0/24), an address (192.168.1.7) or a range (192.168.1.10-20 or 192.168.1.10-192.168.1.20)';

export function parseTarget(raw: string): ParsedTarget {
  const text = raw.trim();
  const bad = (why: string) => new ScopeError(`target "${raw}": ${why}; ${USAGE}`);

  if (text.includes('/')) {
    const [addressText, prefixText] = text.split('/');
    const base = parseIpv4(addressText ?? '');
    if (base === null || !/^\d{1,2}$/.test(prefixText ?? '') || Number(prefixText) > 32) {
      throw bad('not a valid IPv4 CIDR');
    }
    const prefix = Number(prefixText);
    const range = cidrRange(base, prefix);
    return { ...range, normalised: `${formatIpv4(range.first)}/${prefix}`, skipEnds: prefix <= 30 };
  }

  if (text.includes('-')) {
    const [startText, endText = ''] = text.split('-');
    const first = parseIpv4(startText ?? '');
    if (first === null) throw bad('the range does not start with an IPv4 address');
    let last: number | null;
    if (/^\d{1,3}$/.test(endText)) {
      // Short form a.b.c.d-e: the end replaces the last octet.
      last = Number(endText) > 255 ? null : first - (first % 256) + Number(endText);
    } else {
      last = parseIpv4(endText);
    }
    if (last === null) throw bad('the range does not end with an IPv4 address or a last octet');
    if (last < first) throw bad('the range ends before it starts');
    const normalised = first === last ? formatIpv4(first) : `${formatIpv4(first)}-${formatIpv4(last)}`;
    return { first, last, normalised, skipEnds: false };
  }

  const single = parseIpv4(text);
  if (single === null) throw bad('not an IPv4 address');
  return { first: single, last: single, normalised: formatIpv4(single), skipEnds: false };
}
