// What a scan saw, written as a fleet: per device its mDNS services, SSDP replies and descriptions,
// SNMP system objects, open ports with their banners and HTTP answers, and the pages version probes
// read. `homeaudit mock FILE` then says the same on the wire. Secrets are taken out afterwards (redact.ts).

import type { Device, HostFacts, IppInfo, PortInfo, SsdpInfo } from '../../model.js';
import { IPP_PRINTER_PATH } from '../../protocols/ipp/index.js';
import type { RawDevice, RawFleet } from '../fleet-defaults.js';
import type { TcpServiceSpec } from '../types.js';
import { descriptionXmlOf } from './description-xml.js';
import { httpServiceOf } from './http-service.js';
import { ssdpOfRoots, urlParts } from './ssdp-roots.js';

/** What a version probe read, by URL: a page (GET) or a printer's IPP attributes, served again on the same port and path. */
export type RecordedPages = Map<string, { status: number; body: string } | { ippAttributes: Record<string, string> }>;

const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const SNMP_PORT = 161;

const ssdpOf = (roots: SsdpInfo[], takenPorts: Set<number>): NonNullable<RawDevice['ssdp']> =>
  ssdpOfRoots(roots.map((root) => ({ ...root, ...(root.description ? { xml: descriptionXmlOf(root.description) } : {}) })), takenPorts);

/** The body to serve: the excerpt discovery kept, with the title in front where the excerpt lost it. */
function bodyOf(port: PortInfo): string {
  const excerpt = port.http?.bodyExcerpt ?? '';
  const title = port.http?.title;
  return title !== undefined && !/<title/i.test(excerpt) ? `<html><head><title>${title}</title></head></html>${excerpt}` : excerpt;
}

function tcpServiceOf(port: PortInfo, pages: Record<string, string>, ipp?: { path: string; attributes: Record<string, string> }): TcpServiceSpec {
  const http = port.http;
  if (port.name === 'rtsp') {
    const auth = http?.authScheme === 'basic' || http?.authScheme === 'digest' ? http.authScheme : 'none';
    return { type: 'rtsp', port: port.port, auth, ...(http?.server ? { server: http.server } : {}), ...(http?.realm !== undefined && auth !== 'none' ? { realm: http.realm } : {}) };
  }
  if (http) {
    const headers = { ...http.headers };
    if (http.server && !Object.keys(headers).some((name) => name.toLowerCase() === 'server')) headers.Server = http.server;
    if ((http.authScheme === 'basic' || http.authScheme === 'digest') && !Object.keys(headers).some((name) => name.toLowerCase() === 'www-authenticate')) {
      headers['WWW-Authenticate'] = `${http.authScheme === 'basic' ? 'Basic' : 'Digest'} realm="${http.realm ?? ''}"`;
    }
    if (http.location && !Object.keys(headers).some((name) => name.toLowerCase() === 'location')) headers.Location = http.location;
    const service = httpServiceOf(port.tls ? 'https' : 'http', port.port, { status: http.status, headers, body: bodyOf(port) });
    return { ...service, ...(Object.keys(pages).length > 0 ? { pages } : {}), ...(ipp ? { ipp } : {}) } as TcpServiceSpec;
  }
  return { type: 'open', port: port.port, ...(port.banner === undefined ? {} : { banner: port.banner }) };
}

function hostnameOf(facts: HostFacts, index: number): string {
  const name = facts.hostnames.map((host) => host.replace(/\.$/, '').replace(/\.local$/i, '')).find((host) => HOST_NAME.test(host));
  return name ?? `device-${index + 1}`;
}

/** The pages probes read from this address, grouped by port. */
function pagesByPort(ip: string, recorded: RecordedPages): Map<number, Record<string, string>> {
  const byPort = new Map<number, Record<string, string>>();
  for (const [url, answer] of recorded) {
    const parsed = urlParts(url);
    if (!parsed || !('status' in answer) || answer.status !== 200 || new URL(url).hostname !== ip) continue;
    const pages = byPort.get(parsed.port) ?? {};
    pages[parsed.path] = answer.body;
    byPort.set(parsed.port, pages);
  }
  return byPort;
}

/** The IPP attributes probes read from this address, by port. */
function ippByPort(ip: string, recorded: RecordedPages): Map<number, { path: string; attributes: Record<string, string> }> {
  const byPort = new Map<number, { path: string; attributes: Record<string, string> }>();
  for (const [url, answer] of recorded) {
    const parsed = urlParts(url);
    if (parsed && 'ippAttributes' in answer && new URL(url).hostname === ip) byPort.set(parsed.port, { path: parsed.path, attributes: answer.ippAttributes });
  }
  return byPort;
}

/** Discovery's own IPP read (make and model) beside what version probes read, on the path both use. */
function withDiscoveryIpp(said: IppInfo, probed: { path: string; attributes: Record<string, string> } | undefined): { path: string; attributes: Record<string, string> } {
  const attributes: Record<string, string> = { ...probed?.attributes };
  if (said.makeAndModel !== undefined) attributes['printer-make-and-model'] = said.makeAndModel;
  if (said.deviceId !== undefined) attributes['printer-device-id'] = said.deviceId;
  return { path: probed?.path ?? IPP_PRINTER_PATH, attributes };
}

export function deviceFromScan(device: Device, index: number, recorded: RecordedPages): RawDevice {
  const { facts, identity } = device;
  const raw: RawDevice = {
    id: `device-${index + 1}`,
    hostname: hostnameOf(facts, index),
    // What the scan named is the truth a replay is compared with.
    kind: identity.kind,
    vendor: identity.vendor ?? 'unknown',
    model: identity.model ?? 'unknown',
  };
  if (identity.firmware) raw.firmware = identity.firmware;
  if (!identity.model) raw.wire = { model: 'the scan that recorded this device named no model' };
  if (facts.mac) raw.mac = facts.mac;
  if (facts.mdns.length > 0) {
    raw.mdns = facts.mdns.map((service) => {
      const host = service.host?.replace(/\.$/, '').replace(/\.local$/i, '');
      return {
        type: service.type,
        ...(/^[^.]+$/.test(service.instance) && service.instance.length <= 63 ? { instance: service.instance } : {}),
        port: service.port,
        txt: { ...service.txt },
        ...(host && HOST_NAME.test(host) ? { host } : {}),
      };
    });
  }
  // The description keeps its recorded port: there the device's UPnP server answers, not a second web service.
  const ssdp = facts.ssdp.length > 0 ? ssdpOf(facts.ssdp, new Set()) : undefined;
  if (ssdp) raw.ssdp = ssdp;
  if (facts.snmp) {
    const { community, version: _version, ...objects } = facts.snmp;
    raw.snmp = { port: facts.ports.find((p) => p.transport === 'udp' && p.name === 'snmp')?.port ?? SNMP_PORT, readCommunities: [community], ...objects };
  }
  const pages = pagesByPort(facts.ip, recorded);
  const ipp = ippByPort(facts.ip, recorded);
  for (const port of facts.ports) if (port.ipp) ipp.set(port.port, withDiscoveryIpp(port.ipp, ipp.get(port.port)));
  raw.services = facts.ports
    // The description port is the UPnP server's own; UDP ports are the SNMP agent's.
    .filter((port) => port.transport === 'tcp' && port.port !== ssdp?.port)
    .map((port) => tcpServiceOf(port, pages.get(port.port) ?? {}, ipp.get(port.port)));
  return raw;
}

export function fleetFromScan(devices: readonly Device[], recorded: RecordedPages, name = 'recorded'): RawFleet {
  return {
    name,
    description: 'Recorded by homeaudit scan --record: what each device said; MAC addresses, serial numbers, UUIDs and personal names replaced.',
    devices: devices.map((device, index) => deviceFromScan(device, index, recorded)),
  };
}
