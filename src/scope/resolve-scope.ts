// Builds the scope: which IPv4 addresses this run may touch, and which interfaces multicast may use.

import os from 'node:os';
import type { MulticastInterface, Scope } from '../model.js';
import { blockOf } from './address-blocks.js';
import { cidrRange, formatIpv4, parseIpv4, prefixFromNetmask, type Ipv4Range } from '../util/ipv4.js';
import { parseTarget, type ParsedTarget } from './parse-target.js';
import { ScopeError } from './scope-error.js';

export interface ScopeRequest {
  /** CIDRs, single addresses and ranges; empty = this host's private subnets. */
  targets: string[];
  /** Only this interface: for the default subnets and for multicast. */
  interface?: string;
  /** Scopes over MAX_HOSTS_WITHOUT_FLAG addresses need it (--allow-large). */
  allowLarge?: boolean;
}

/** Where interfaces come from: node:os, or a stub in tests. */
export type InterfaceSource = Pick<typeof os, 'networkInterfaces'>;

/** A /22: about what a home network can be without anyone noticing a slow scan. */
export const MAX_HOSTS_WITHOUT_FLAG = 1024;
/** A /16: the most one run holds in memory, even with --allow-large. */
export const MAX_HOSTS = 65_536;

interface LocalSubnet extends MulticastInterface {
  subnet: Ipv4Range;
  prefix: number;
}

function localSubnets(system: InterfaceSource): { subnets: LocalSubnet[]; names: string[] } {
  const all = system.networkInterfaces();
  const subnets: LocalSubnet[] = [];
  for (const [name, addresses] of Object.entries(all)) {
    for (const info of addresses ?? []) {
      if (info.family !== 'IPv4' || info.internal) continue;
      const address = parseIpv4(info.address);
      const prefix = prefixFromNetmask(info.netmask);
      if (address === null || prefix === null) continue;
      subnets.push({ name, address: info.address, prefix, subnet: cidrRange(address, prefix) });
    }
  }
  return { subnets, names: Object.keys(all) };
}

function defaultTargets(subnets: LocalSubnet[], interfaceName?: string): string[] {
  const privateOnes = subnets.filter((s) => blockOf(s.subnet) === 'private');
  if (privateOnes.length === 0) {
    const where = interfaceName ? `interface "${interfaceName}" has` : "this host's interfaces have";
    throw new ScopeError(`${where} no private IPv4 subnet (10/8, 172.16/12, 192.168/16) to scan: give --target`);
  }
  return privateOnes.map((s) => `${formatIpv4(s.subnet.first)}/${s.prefix}`);
}

function refuseOutsidePrivate(target: ParsedTarget, raw: string): void {
  const block = blockOf(target);
  if (block === 'private' || block === 'loopback' || block === 'link-local') return;
  const what = block === 'cgnat' ? "is in the carrier-grade NAT range (100.64.0.0/10), the provider's network" : 'includes public addresses';
  throw new ScopeError(
    `target "${raw}" ${what}: homeaudit only scans private networks (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16), link-local and loopback addresses`,
  );
}

function hostsOf(targets: ParsedTarget[]): Set<number> {
  const hosts = new Set<number>();
  for (const t of targets) {
    const first = t.skipEnds ? t.first + 1 : t.first;
    const last = t.skipEnds ? t.last - 1 : t.last;
    for (let a = first; a <= last; a++) hosts.add(a);
  }
  return hosts;
}

function subnetInside(subnet: Ipv4Range, hosts: Set<number>): boolean {
  const size = subnet.last - subnet.first + 1;
  if (size > MAX_HOSTS) return false;
  const first = size > 2 ? subnet.first + 1 : subnet.first;
  const last = size > 2 ? subnet.last - 1 : subnet.last;
  for (let a = first; a <= last; a++) if (!hosts.has(a)) return false;
  return true;
}

export function resolveScope(request: ScopeRequest, system: InterfaceSource = os): Scope {
  const { subnets: allSubnets, names } = localSubnets(system);
  if (request.interface !== undefined && !names.includes(request.interface)) {
    throw new ScopeError(`interface "${request.interface}" not found; this host has: ${names.join(', ') || 'none'}`);
  }
  const subnets = request.interface === undefined ? allSubnets : allSubnets.filter((s) => s.name === request.interface);

  const rawTargets = request.targets.length > 0 ? request.targets : defaultTargets(subnets, request.interface);
  const parsed = rawTargets.map((raw) => {
    const target = parseTarget(raw);
    refuseOutsidePrivate(target, raw);
    return target;
  });

  const spanned = parsed.reduce((sum, t) => sum + (t.last - t.first + 1), 0);
  if (spanned > MAX_HOSTS) {
    throw new ScopeError(`scope spans more than ${MAX_HOSTS} addresses (a /16): narrow --target`);
  }
  const hostSet = hostsOf(parsed);
  if (hostSet.size > MAX_HOSTS_WITHOUT_FLAG && !request.allowLarge) {
    throw new ScopeError(
      `scope holds ${hostSet.size} addresses, more than ${MAX_HOSTS_WITHOUT_FLAG} (a /22): pass --allow-large to scan it anyway, or narrow --target`,
    );
  }

  const targets = [...new Map(parsed.map((t) => [t.normalised, t])).values()]
    .sort((a, b) => a.first - b.first || a.last - b.last)
    .map((t) => t.normalised);
  const hosts = [...hostSet].sort((a, b) => a - b).map(formatIpv4);
  const multicastInterfaces = subnets
    .filter((s) => subnetInside(s.subnet, hostSet))
    .map(({ name, address }) => ({ name, address }));

  return { targets, hosts, multicastInterfaces };
}
