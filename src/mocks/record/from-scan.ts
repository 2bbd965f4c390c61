// What a scan saw, written as a fleet: per device its mDNS services, SSDP replies and descriptions (as
// sent), a router's port mappings, SNMP system objects, open ports with their banners, HTTP answers and
// login prompts, and the pages version probes read. `homeaudit mock FILE` then says the same on the
// wire. Secrets are taken out afterwards (redact.ts); no password is ever recorded.

import type { Device, Finding, HostFacts, IppInfo, PortInfo, SsdpInfo, TxtString, WsdInfo } from '../../model.js';
import { heldPrinterAttributes, IPP_PRINTER_PATH } from '../../protocols/ipp/index.js';
import type { RawDevice, RawFleet } from '../fleet-defaults.js';
import { isIpv4 } from '../ipv4.js';
import type { TcpServiceSpec } from '../types.js';
import { withAddressPlaceholder } from '../upnp/address-placeholder.js';
import { descriptionXmlOf } from './description-xml.js';
import { httpServiceOf } from './http-service.js';
import { loginServiceOf } from './login-service.js';
import { ssdpOfRoots, urlParts } from './ssdp-roots.js';
import type { RecordedIgd, WireReads } from './wire-reads.js';

/**
 * What a version probe read, by URL: a page (GET) or a printer's IPP attributes, served again on the same
 * port and path, or SNMP objects (key from snmpRecordKey), served by the device's agent.
 */
export type RecordedPages = Map<string, { status: number; body: string } | { ippAttributes: Record<string, string> } | { snmpObjects: Record<string, string> }>;

export const snmpRecordKey = (ip: string, port: number, oids: readonly string[]): string => `snmp://${ip}:${port}/${oids.join(',')}`;
/** The fleet serves the system group from its own fields and refuses OIDs inside it as objects. */
const SYSTEM_GROUP = '1.3.6.1.2.1.1.';

const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;
const SNMP_PORT = 161;

/** What the recording read besides the scan: the version probes' pages, and the descriptions and IGD mappings read again. */
export interface Recorded {
  pages: RecordedPages;
  wire: WireReads;
  /** The scan's findings: an anonymous login it confirmed is replayed as open (no password involved). */
  findings: readonly Finding[];
}

/** Each root's description as the device sent it where it was read again, else written back from the parsed fields. */
function ssdpOf(ip: string, roots: SsdpInfo[], wire: WireReads): NonNullable<RawDevice['ssdp']> {
  const xmlOf = (root: SsdpInfo): string | undefined => {
    const verbatim = root.location === undefined ? undefined : wire.descriptions.get(root.location);
    if (verbatim !== undefined) return withAddressPlaceholder(verbatim, ip);
    return root.description ? descriptionXmlOf(root.description) : undefined;
  };
  return ssdpOfRoots(roots.map((root) => {
    const xml = xmlOf(root);
    // The device's own address in a header (LOCATION, a vendor's URL) becomes {{address}}: the replay's.
    const headerBlocks = root.headerBlocks?.map((block) => block.map((h) => ({ name: h.name, value: withAddressPlaceholder(h.value, ip) })));
    return { ...root, ...(headerBlocks ? { headerBlocks } : {}), ...(xml === undefined ? {} : { xml }) };
  }));
}

/** The router's mappings as the fleet's `igd`: an inside device named by its fleet id, so the replay points at its new address. */
function igdOf(igd: RecordedIgd, idByIp: ReadonlyMap<string, string>): NonNullable<NonNullable<RawDevice['ssdp']>['igd']> {
  return {
    ...(igd.externalIp && isIpv4(igd.externalIp) ? { externalIp: igd.externalIp } : {}),
    controlPath: igd.controlPath,
    portMappings: igd.mappings
      .filter((m) => (m.protocol === 'TCP' || m.protocol === 'UDP') && isPort(m.externalPort) && isPort(m.internalPort) && isIpv4(m.internalClient))
      .map((m) => ({
        externalPort: m.externalPort,
        protocol: m.protocol as 'TCP' | 'UDP',
        internalClient: idByIp.get(m.internalClient) ?? m.internalClient,
        internalPort: m.internalPort,
        // The SOAP client keeps entities as sent; the mock escapes again when it answers.
        description: unescapeXml(m.description),
        enabled: m.enabled,
      })),
  };
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const unescapeXml = (text: string): string => text.replace(/&(lt|gt|amp|apos|quot);/g, (_, name: string) => XML_ENTITIES[name]!);

const isPort = (port: number): boolean => Number.isInteger(port) && port >= 1 && port <= 65535;

/** The body to serve: the excerpt discovery kept, with the title in front where the excerpt lost it. */
function bodyOf(port: PortInfo): string {
  const excerpt = port.http?.bodyExcerpt ?? '';
  const title = port.http?.title;
  return title !== undefined && !/<title/i.test(excerpt) ? `<html><head><title>${title}</title></head></html>${excerpt}` : excerpt;
}

function tcpServiceOf(port: PortInfo, pages: Record<string, string>, ipp: { path: string; attributes: Record<string, string> } | undefined, findings: readonly Finding[]): TcpServiceSpec {
  const login = loginServiceOf(port, findings);
  if (login) return login;
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

/** The SNMP objects probes read from this address beyond the system group, as text (the type the probe saw is not kept). */
function snmpObjectsOf(ip: string, recorded: RecordedPages): Record<string, { type: 'OctetString'; value: string }> {
  const objects: Record<string, { type: 'OctetString'; value: string }> = {};
  for (const [key, answer] of recorded) {
    if (!('snmpObjects' in answer) || new URL(key).hostname !== ip) continue;
    for (const [oid, value] of Object.entries(answer.snmpObjects)) {
      const bare = oid.replace(/^\./, '');
      if (!bare.startsWith(SYSTEM_GROUP) && /^\d+(\.\d+)+$/.test(bare)) objects[bare] = { type: 'OctetString', value };
    }
  }
  return objects;
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

/** Discovery's own IPP read (make, model, firmware) beside what version probes read, on the path both use. */
function withDiscoveryIpp(said: IppInfo, probed: { path: string; attributes: Record<string, string> } | undefined): { path: string; attributes: Record<string, string> } {
  const attributes: Record<string, string> = { ...probed?.attributes, ...Object.fromEntries(heldPrinterAttributes(said)) };
  return { path: probed?.path ?? said.path ?? IPP_PRINTER_PATH, attributes };
}

/**
 * The TXT strings as the device sent them: keys in their case and order, a key alone as null, a binary value
 * as base64. A key sent twice keeps its first value, as RFC 6763 §6.4 tells a reader to.
 */
function txtAsSent(sent: readonly TxtString[]): Record<string, string | null | { base64: string }> {
  const txt: Record<string, string | null | { base64: string }> = {};
  for (const entry of sent) {
    if (Object.hasOwn(txt, entry.key)) continue;
    txt[entry.key] = entry.base64 !== undefined ? { base64: entry.base64 } : (entry.value ?? null);
  }
  return txt;
}

/** The first endpoint's ProbeMatch: its reply as sent where kept, the device's address in it as {{address}}. */
function wsdOf(ip: string, wsd: WsdInfo): NonNullable<RawDevice['wsd']> {
  const recorded: NonNullable<RawDevice['wsd']> = {
    endpoint: wsd.endpoint,
    types: [...wsd.types],
    scopes: [...wsd.scopes],
    xaddrs: wsd.xaddrs.map((xaddr) => withAddressPlaceholder(xaddr, ip)),
  };
  if (wsd.metadataVersion !== undefined) recorded.metadataVersion = wsd.metadataVersion;
  if (wsd.answered !== undefined && wsd.answered !== 'both') recorded.answers = wsd.answered; // both is the default
  if (wsd.sent !== undefined) recorded.probeMatch = withAddressPlaceholder(wsd.sent, ip);
  return recorded;
}

export function deviceFromScan(device: Device, index: number, recorded: Recorded, idByIp: ReadonlyMap<string, string> = new Map()): RawDevice {
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
        txt: service.txtSent ? txtAsSent(service.txtSent) : { ...service.txt },
        ...(host && HOST_NAME.test(host) ? { host } : {}),
      };
    });
  }
  // The description keeps its recorded port: there the device's UPnP server answers, not a second web service.
  const ssdp = facts.ssdp.length > 0 ? ssdpOf(facts.ip, facts.ssdp, recorded.wire) : undefined;
  const igd = recorded.wire.igd.get(facts.ip);
  if (ssdp && igd) ssdp.igd = igdOf(igd, idByIp);
  if (ssdp) raw.ssdp = ssdp;
  if (facts.snmp) {
    const { community, version: _version, ...objects } = facts.snmp;
    const beyond = snmpObjectsOf(facts.ip, recorded.pages);
    raw.snmp = {
      port: facts.ports.find((p) => p.transport === 'udp' && p.name === 'snmp')?.port ?? SNMP_PORT,
      readCommunities: [community],
      ...objects,
      ...(Object.keys(beyond).length > 0 ? { objects: beyond } : {}),
    };
  }
  // The broadcast as heard (its device id is replaced like a serial number when the fleet is redacted).
  if (facts.atag) raw.atag = { ...facts.atag };
  const wsd = facts.wsd?.[0];
  if (wsd) raw.wsd = wsdOf(facts.ip, wsd);
  const pages = pagesByPort(facts.ip, recorded.pages);
  const ipp = ippByPort(facts.ip, recorded.pages);
  for (const port of facts.ports) if (port.ipp) ipp.set(port.port, withDiscoveryIpp(port.ipp, ipp.get(port.port)));
  const findings = recorded.findings.filter((finding) => finding.deviceId === device.id);
  raw.services = facts.ports
    // The description port is the UPnP server's own; UDP ports are the SNMP agent's.
    .filter((port) => port.transport === 'tcp' && port.port !== ssdp?.port)
    .map((port) => tcpServiceOf(port, pages.get(port.port) ?? {}, ipp.get(port.port), findings));
  return raw;
}

export function fleetFromScan(devices: readonly Device[], recorded: Recorded, name = 'recorded'): RawFleet {
  const idByIp = new Map(devices.map((device, index) => [device.ip, `device-${index + 1}`]));
  return {
    name,
    description: 'Recorded by homeaudit scan --record: what each device said; MAC addresses, serial numbers, UUIDs and personal names replaced.',
    devices: devices.map((device, index) => deviceFromScan(device, index, recorded, idByIp)),
  };
}
