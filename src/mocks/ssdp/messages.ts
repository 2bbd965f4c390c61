// SSDP on the wire: reading an M-SEARCH and writing the unicast replies a device sends back
// (UPnP Device Architecture 1.1, section 1.3). Pure: no sockets.

import type { SsdpSpec } from '../types.js';
import { igdEmbeddedTypes } from '../upnp/igd-layout.js';

export interface MSearch {
  st: string;
  man: string;
  /** Seconds the asker waits; absent on unicast searches. */
  mx?: number;
}

export function parseMSearch(datagram: Buffer): MSearch | null {
  const lines = datagram.toString('latin1', 0, Math.min(datagram.length, 4096)).split(/\r?\n/);
  if (!/^M-SEARCH\s+\*\s+HTTP\/1\.[01]$/i.test(lines[0]?.trim() ?? '')) return null;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toUpperCase(), line.slice(colon + 1).trim());
  }
  const st = headers.get('ST');
  const man = headers.get('MAN') ?? '';
  if (!st || man.replace(/"/g, '') !== 'ssdp:discover') return null;
  const mx = Number(headers.get('MX'));
  return Number.isFinite(mx) && headers.has('MX') ? { st, man, mx } : { st, man };
}

/** Every (ST, USN) pair the device announces: root, UDN, device type, services, embedded IGD parts. */
export function announcedTargets(spec: SsdpSpec): Array<{ st: string; usn: string }> {
  const types = [spec.deviceType, ...spec.serviceTypes, ...(spec.igd ? igdEmbeddedTypes() : [])];
  return [
    { st: 'upnp:rootdevice', usn: `${spec.udn}::upnp:rootdevice` },
    { st: spec.udn, usn: spec.udn },
    ...[...new Set(types)].map((type) => ({ st: type, usn: `${spec.udn}::${type}` })),
  ];
}

/** The ST values an M-SEARCH matches: everything for ssdp:all, else the one it names. */
export function matchingTargets(spec: SsdpSpec, st: string): Array<{ st: string; usn: string }> {
  const targets = announcedTargets(spec);
  if (st === 'ssdp:all') return targets;
  return targets.filter((target) => target.st.toLowerCase() === st.toLowerCase());
}

export function searchReply(spec: SsdpSpec, location: string, target: { st: string; usn: string }, now: Date = new Date()): string {
  return [
    'HTTP/1.1 200 OK',
    'CACHE-CONTROL: max-age=1800',
    `DATE: ${now.toUTCString()}`,
    'EXT:',
    `LOCATION: ${location}`,
    `SERVER: ${spec.server}`,
    `ST: ${target.st}`,
    `USN: ${target.usn}`,
    'BOOTID.UPNP.ORG: 1',
    'CONFIGID.UPNP.ORG: 1',
    // Verbatim, empty values included: what real devices add (OPT, 01-NLS, X-User-Agent, vendor headers).
    ...(spec.extraHeaders ?? []).map((header) => `${header.name}:${header.value === '' ? '' : ` ${header.value}`}`),
    '',
    '',
  ].join('\r\n');
}
