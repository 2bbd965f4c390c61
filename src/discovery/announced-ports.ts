// The ports a device announced about itself that the sweep did not try: the port of each mDNS SRV record,
// the SSDP LOCATION's port, the description's URLBase and presentationURL, a WS-Discovery XAddr's port, redirects to
// the same host, and the ports of a vendor whose broadcast the host sent (knowledge/ports/sweep.yaml `broadcast`: the
// ATAG One's API).
// Pure: facts in, ports to connect to out. Only ports on the host itself; a URL naming another host is ignored.

import type { HostFacts } from '../model.js';
import { ANNOUNCED_PORT_KINDS, BROADCAST_PORTS, SWEEP_PORTS, type AnnouncedPortKind, type BroadcastPort, type SweepPort } from './ports.js';

/** A port to connect to, and what announced it (for tests and evidence). */
export interface AnnouncedPort extends SweepPort {
  announcedBy: string;
}

/** The port of a URL on this host, with how to talk to it; null for another host or a URL that does not parse. */
export function sameHostPort(url: string, ip: string, base?: string): { port: number; tls: boolean } | null {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname !== ip) return null;
  const tls = parsed.protocol === 'https:';
  return { port: parsed.port ? Number(parsed.port) : tls ? 443 : 80, tls };
}

function webPort(port: number, tls: boolean, announcedBy: string): AnnouncedPort {
  return { port, name: tls ? 'https' : 'http', probe: tls ? 'https' : 'http', tls, announcedBy };
}

function mdnsPort(port: number, type: string, kinds: readonly AnnouncedPortKind[], announcedBy: string): AnnouncedPort {
  const kind = kinds.find((candidate) => candidate.type.toLowerCase() === type.toLowerCase());
  if (kind) {
    const { type: _type, source: _source, ...how } = kind;
    return { ...how, port, announcedBy };
  }
  // An unknown service type: its name, and a note that the port is open.
  const name = type.replace(/^_/, '').replace(/\._tcp$/i, '').toLowerCase().replace(/[^a-z0-9-]/g, '-') || 'open';
  return { port, name, probe: 'none', announcedBy };
}

/**
 * Every TCP port facts announce that is neither in `tried` (the sweep's list) nor already seen open. A port
 * on the sweep's list keeps the list's way of talking to it; the first announcement of a port wins.
 */
export function announcedPorts(
  facts: HostFacts,
  tried: ReadonlySet<number>,
  kinds: readonly AnnouncedPortKind[] = ANNOUNCED_PORT_KINDS,
  broadcastPorts: readonly BroadcastPort[] = BROADCAST_PORTS,
): AnnouncedPort[] {
  const found = new Map<number, AnnouncedPort>();
  const add = (candidate: AnnouncedPort | null) => {
    if (!candidate || candidate.port < 1 || candidate.port > 65535) return;
    if (tried.has(candidate.port) || found.has(candidate.port)) return;
    if (facts.ports.some((p) => p.transport === 'tcp' && p.port === candidate.port)) return;
    const listed = SWEEP_PORTS.find((p) => p.port === candidate.port);
    found.set(candidate.port, listed ? { ...listed, announcedBy: candidate.announcedBy } : candidate);
  };
  for (const service of facts.mdns) {
    if (!/\._tcp$/i.test(service.type)) continue;
    add(mdnsPort(service.port, service.type, kinds, `mDNS ${service.type} SRV port ${service.port}`));
  }
  for (const info of facts.ssdp) {
    const location = info.location ? sameHostPort(info.location, facts.ip) : null;
    if (location) add(webPort(location.port, location.tls, `SSDP LOCATION ${info.location}`));
    const description = info.description;
    const base = description?.urlBase ?? info.location;
    for (const [field, url] of [['URLBase', description?.urlBase], ['presentationURL', description?.presentationURL]] as const) {
      const at = url ? sameHostPort(url, facts.ip, field === 'presentationURL' ? base : undefined) : null;
      if (at) add(webPort(at.port, at.tls, `UPnP ${field} ${url}`));
    }
  }
  for (const info of facts.wsd ?? []) {
    for (const xaddr of info.xaddrs) {
      const at = sameHostPort(xaddr, facts.ip);
      if (at) add(webPort(at.port, at.tls, `WS-Discovery XAddr ${xaddr}`));
    }
  }
  for (const port of facts.ports) {
    const redirect = port.http?.location;
    const at = redirect ? sameHostPort(redirect, facts.ip, `${port.tls ? 'https' : 'http'}://${facts.ip}:${port.port}/`) : null;
    if (at && at.port !== port.port) add(webPort(at.port, at.tls, `redirect from tcp/${port.port} to ${redirect}`));
  }
  if (facts.atag) {
    for (const { broadcast: _broadcast, source: _source, ...how } of broadcastPorts.filter((p) => p.broadcast === 'atag')) {
      add({ ...how, announcedBy: `ATAG broadcast on udp/11000 (product ${facts.atag.product})` });
    }
  }
  return [...found.values()].sort((a, b) => a.port - b.port);
}
