// Turns a corpus device's recorded answers into the observations discovery would have made of it,
// through discovery's own parsers (description XML, HTTP answers) and merge, so identification sees
// exactly the facts a scan of that device would give it.

import { mergeObservations } from '../../discovery/merge.js';
import { parseDescription } from '../../protocols/upnp/parse-description.js';
import { httpInfoOf } from '../../discovery/tcp/http-probe.js';
import { parseProbeMatches } from '../../protocols/wsd/probe-match.js';
import type { HostFacts, Observation, PortInfo, SsdpInfo, UpnpDescription, WsdInfo } from '../../model.js';
import type { WildDevice, WildSsdp, WildTcp, WildWsd } from './corpus.js';

/** The address every replayed device gets: a documentation address, never contacted. */
const REPLAY_IP = '192.0.2.10';
const MAX_DESCRIPTION_BYTES = 256 * 1024;

function descriptionOf(ssdp: WildSsdp): UpnpDescription | undefined {
  if (ssdp.description) return parseDescription(ssdp.description, MAX_DESCRIPTION_BYTES);
  if (!ssdp.fields) return undefined;
  const { services, deviceTypes, ...fields } = ssdp.fields as Record<string, string> & { services?: string[]; deviceTypes?: string[] };
  return {
    ...fields,
    services: (services ?? []).map((serviceType) => ({ serviceType })),
    deviceTypes: deviceTypes ?? (fields.deviceType ? [fields.deviceType] : []),
  };
}

function ssdpInfoOf(ssdp: WildSsdp): SsdpInfo {
  const info: SsdpInfo = { types: ssdp.st ? [ssdp.st] : [] };
  if (ssdp.st) info.st = ssdp.st;
  if (ssdp.usn) info.usn = ssdp.usn;
  if (ssdp.server) info.server = ssdp.server;
  if (ssdp.location) info.location = ssdp.location;
  const description = descriptionOf(ssdp);
  if (description) info.description = description;
  return info;
}

/** A recorded ProbeMatches goes through discovery's own parser; listed fields are taken as they are. */
function wsdInfosOf(wsd: WildWsd, index: number): WsdInfo[] {
  if ('probeMatch' in wsd) return parseProbeMatches(Buffer.from(wsd.probeMatch, 'utf8')).matches;
  return [{ endpoint: wsd.endpoint ?? `urn:wild:${index + 1}`, types: wsd.types ?? [], scopes: wsd.scopes ?? [], xaddrs: wsd.xaddrs ?? [] }];
}

function portOf(tcp: WildTcp): PortInfo {
  const port: PortInfo = { transport: 'tcp', port: tcp.port, name: tcp.name };
  if (tcp.banner) port.banner = tcp.banner;
  if (tcp.http) {
    const http = httpInfoOf(tcp.http.status ?? 200, tcp.http.headers ?? {}, Buffer.from(tcp.http.body ?? ''));
    if (tcp.http.title && !http.title) http.title = tcp.http.title;
    port.http = http;
  }
  return port;
}

export function observationsOf(device: WildDevice): Observation[] {
  const { wire } = device;
  const ip = REPLAY_IP;
  const observations: Observation[] = [];
  for (const ssdp of wire.ssdp ?? []) observations.push({ source: 'ssdp', ip, ssdp: ssdpInfoOf(ssdp) });
  for (const service of wire.mdns ?? []) {
    observations.push({ source: 'mdns', ip, service: { ...service, txt: { ...service.txt } } });
  }
  if (wire.snmp) observations.push({ source: 'snmp', ip, snmp: { community: 'public', version: '2c', ...wire.snmp } });
  for (const tcp of wire.tcp ?? []) observations.push({ source: 'tcp', ip, port: portOf(tcp) });
  if (wire.mac) observations.push({ source: 'neighbours', ip, mac: wire.mac });
  (wire.wsd ?? []).forEach((answer, index) => {
    for (const wsd of wsdInfosOf(answer, index)) observations.push({ source: 'wsd', ip, wsd });
  });
  return observations;
}

export function factsOf(device: WildDevice): HostFacts {
  const [facts] = mergeObservations(observationsOf(device));
  if (!facts) throw new Error(`wild corpus device "${device.id}" (${device.file}) has no answers to replay`);
  return facts;
}
