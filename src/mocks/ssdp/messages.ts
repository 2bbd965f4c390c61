// SSDP on the wire: the unicast replies a device sends back to an M-SEARCH
// (UPnP Device Architecture 1.1, section 1.3). Pure: no sockets.

import type { EmbeddedDeviceSpec, SsdpSpec } from '../types.js';
import { igdEmbeddedTypes } from '../upnp/igd-layout.js';
import { withAddress } from '../upnp/address-placeholder.js';

export interface SsdpTarget {
  st?: string;
  usn?: string;
  /** LOCATION path when not the description's own. */
  path?: string;
  server?: string;
  headers?: Array<{ name: string; value: string }>;
}

function embeddedTargets(devices: EmbeddedDeviceSpec[]): Array<{ udn: string; type: string }> {
  return devices.flatMap((device) => [
    { udn: device.udn, type: device.deviceType },
    ...device.serviceTypes.map((type) => ({ udn: device.udn, type })),
    ...embeddedTargets(device.devices),
  ]);
}

/** Every reply the device sends: the recorded ones as they are, else root, UDNs, device and service types. */
export function announcedTargets(spec: SsdpSpec): SsdpTarget[] {
  if (spec.replies) return spec.replies;
  const types = [...(spec.deviceType ? [spec.deviceType] : []), ...spec.serviceTypes, ...(spec.igd ? igdEmbeddedTypes() : [])];
  const embedded = embeddedTargets(spec.devices);
  return [
    { st: 'upnp:rootdevice', usn: `${spec.udn}::upnp:rootdevice` },
    { st: spec.udn, usn: spec.udn },
    ...[...new Set(types)].map((type) => ({ st: type, usn: `${spec.udn}::${type}` })),
    ...[...new Set(embedded.map((target) => target.udn))].map((udn) => ({ st: udn, usn: udn })),
    ...embedded.map((target) => ({ st: target.type, usn: `${target.udn}::${target.type}` })),
  ];
}

/** The replies an M-SEARCH gets: everything for ssdp:all, else those of the ST it names. */
export function matchingTargets(spec: SsdpSpec, st: string): SsdpTarget[] {
  const targets = announcedTargets(spec);
  if (st === 'ssdp:all') return targets;
  return targets.filter((target) => stOf(target)?.toLowerCase() === st.toLowerCase());
}

/** The ST a reply answers: its own field, else the ST in its recorded header block. */
const stOf = (target: SsdpTarget): string | undefined => target.st ?? target.headers?.find((h) => h.name.toLowerCase() === 'st')?.value;

// An empty value goes out empty ("EXT:"), as devices send it.
const line = (name: string, value: string): string => `${name}:${value === '' ? '' : ` ${value}`}`;
const header = (name: string, value: string | undefined): string[] => (value === undefined ? [] : [line(name, value)]);

/** `address`: the device's own, put where a recorded header says {{address}} (a URL on the device besides LOCATION). */
export function searchReply(spec: SsdpSpec, location: string, target: SsdpTarget, now: Date = new Date(), address?: string): string {
  if (target.headers) {
    const valueOf = (value: string) => (address === undefined ? value : withAddress(value, address));
    const headers = target.headers.map((h) => line(h.name, h.name.toLowerCase() === 'location' ? location : valueOf(h.value)));
    return ['HTTP/1.1 200 OK', ...headers, '', ''].join('\r\n');
  }
  return [
    'HTTP/1.1 200 OK',
    'CACHE-CONTROL: max-age=1800',
    `DATE: ${now.toUTCString()}`,
    'EXT:',
    `LOCATION: ${location}`,
    ...header('SERVER', target.server ?? spec.server),
    ...header('ST', target.st),
    ...header('USN', target.usn),
    'BOOTID.UPNP.ORG: 1',
    'CONFIGID.UPNP.ORG: 1',
    // Verbatim, empty values included: what real devices add (OPT, 01-NLS, X-User-Agent, vendor headers).
    ...(spec.extraHeaders ?? []).map((extra) => line(extra.name, extra.value)),
    '',
    '',
  ].join('\r\n');
}
