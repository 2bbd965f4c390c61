// Folds the observations of every source into one HostFacts per host. Pure: same input, same output.

import { DISCOVERY_SOURCES, type HostFacts, type Observation, type PortInfo, type SsdpInfo } from '../model.js';
import { compareIpv4 } from '../util/ipv4.js';
import { addHeaderBlock } from './ssdp/reply-caps.js';
import { joinWsd } from './wsd/collector.js';

export type OuiLookup = (mac: string) => string | null;

function emptyHost(ip: string): HostFacts {
  return { ip, mac: null, macVendor: null, hostnames: [], mdns: [], ssdp: [], snmp: null, ports: [], discoveredBy: [] };
}

/** More detail wins when two observations describe the same port. */
function portWeight(port: PortInfo): number {
  return (port.ipp ? 8 : 0) + (port.http ? 4 : 0) + (port.banner ? 2 : 0) + (port.tls !== undefined ? 1 : 0);
}

function mergeSsdp(existing: SsdpInfo, next: SsdpInfo): SsdpInfo {
  const merged: SsdpInfo = {
    ...existing,
    ...Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)),
    description: existing.description ?? next.description,
    descriptionError: existing.description ? undefined : (next.descriptionError ?? existing.descriptionError),
    types: [...new Set([...existing.types, ...next.types])].sort(),
  };
  const blocks = [...(existing.headerBlocks ?? []), ...(next.headerBlocks ?? [])];
  delete merged.headerBlocks;
  for (const block of blocks) addHeaderBlock(merged, block);
  return merged;
}

function ssdpKey(info: SsdpInfo): string {
  return info.location ?? info.usn ?? info.st ?? '';
}

export function normaliseMac(mac: string): string | null {
  const hex = mac.toLowerCase().replace(/[^0-9a-f]/g, '');
  if (hex.length !== 12 || /^0+$/.test(hex) || /^f+$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

export function mergeObservations(observations: readonly Observation[], lookupOui?: OuiLookup): HostFacts[] {
  const hosts = new Map<string, HostFacts>();
  const seenBy = new Map<string, Set<string>>();
  for (const obs of observations) {
    let host = hosts.get(obs.ip);
    if (!host) {
      host = emptyHost(obs.ip);
      hosts.set(obs.ip, host);
      seenBy.set(obs.ip, new Set());
    }
    seenBy.get(obs.ip)!.add(obs.source);
    switch (obs.source) {
      case 'mdns': {
        const same = host.mdns.findIndex((s) => s.type === obs.service.type && s.instance === obs.service.instance);
        if (same === -1) host.mdns.push(obs.service);
        else host.mdns[same] = { ...host.mdns[same]!, ...obs.service, txt: { ...host.mdns[same]!.txt, ...obs.service.txt } };
        for (const name of [obs.hostname, obs.service.host]) {
          if (name && !host.hostnames.includes(name)) host.hostnames.push(name);
        }
        break;
      }
      case 'ssdp': {
        const same = host.ssdp.findIndex((s) => ssdpKey(s) === ssdpKey(obs.ssdp));
        if (same === -1) host.ssdp.push({ ...obs.ssdp, types: [...new Set(obs.ssdp.types)].sort() });
        else host.ssdp[same] = mergeSsdp(host.ssdp[same]!, obs.ssdp);
        break;
      }
      case 'snmp':
        // v2c answers carry 64-bit counters and are what a device mostly speaks: prefer them.
        if (!host.snmp || (host.snmp.version === '1' && obs.snmp.version === '2c')) host.snmp = obs.snmp;
        // An agent that answered is a UDP service of the device, listed like the TCP ones.
        if (!host.ports.some((p) => p.transport === 'udp' && p.port === (obs.port ?? 161))) host.ports.push({ transport: 'udp', port: obs.port ?? 161, name: 'snmp' });
        break;
      case 'tcp': {
        const same = host.ports.findIndex((p) => p.transport === obs.port.transport && p.port === obs.port.port);
        if (same === -1) host.ports.push(obs.port);
        else if (portWeight(obs.port) > portWeight(host.ports[same]!)) host.ports[same] = obs.port;
        break;
      }
      case 'atag':
        host.atag = obs.announcement;
        break;
      case 'neighbours': {
        const mac = normaliseMac(obs.mac);
        if (mac) host.mac = mac;
        break;
      }
      case 'wsd': {
        const endpoints = (host.wsd ??= []);
        const same = endpoints.findIndex((w) => w.endpoint === obs.wsd.endpoint);
        if (same === -1) endpoints.push(obs.wsd);
        else endpoints[same] = joinWsd(endpoints[same]!, obs.wsd);
        break;
      }
    }
  }
  for (const host of hosts.values()) {
    const sources = seenBy.get(host.ip)!;
    host.discoveredBy = DISCOVERY_SOURCES.filter((s) => sources.has(s));
    host.ports.sort((a, b) => a.port - b.port || a.transport.localeCompare(b.transport));
    host.mdns.sort((a, b) => a.type.localeCompare(b.type) || a.instance.localeCompare(b.instance));
    host.ssdp.sort((a, b) => ssdpKey(a).localeCompare(ssdpKey(b)));
    host.hostnames.sort();
    host.wsd?.sort((a, b) => a.endpoint.localeCompare(b.endpoint));
    host.macVendor = host.mac && lookupOui ? lookupOui(host.mac) : null;
  }
  return [...hosts.values()].sort((a, b) => compareIpv4(a.ip, b.ip));
}
