// Flattens a host's facts into the records rule conditions read: one record per mDNS service, SSDP
// responder, HTTP port and banner port, each answering "which values does field X have here?".

import type { HostFacts, PortInfo } from '../model.js';
import { deviceIdMakerAndModel } from '../protocols/ipp/device-id.js';
import { onvifScope } from '../protocols/wsd/probe-match.js';
import { normaliseMdnsType, normaliseOid } from './compile-rule.js';
import type { BannerProtocol } from './types.js';

/** Long bodies and banners are cut before matching so that no pattern runs over megabytes. */
const MAX_MATCHED_TEXT = 8192;

/** One record a condition group can hold on: its values per field path, and a short label for evidence. */
export interface FactRecord {
  label: string;
  /** Values of a field path ("ssdp.modelName", "mdns.txt.md"), lower-case path. */
  values(path: string): string[];
  mdnsType?: string;
  port?: number;
  status?: number;
  oid?: string;
}

export interface FactsView {
  groups: Map<string, FactRecord[]>;
  openPorts: Set<number>;
}

function present(...values: Array<string | undefined | null>): string[] {
  return values.filter((value): value is string => typeof value === 'string').map((value) => value.slice(0, MAX_MATCHED_TEXT));
}

function lookupCaseless(record: Record<string, string> | undefined, key: string): string | undefined {
  if (!record) return undefined;
  for (const [name, value] of Object.entries(record)) if (name.toLowerCase() === key) return value;
  return undefined;
}

function fieldReader(prefix: string, fields: Record<string, string | undefined>): (path: string) => string[] {
  const byPath = new Map<string, string>();
  for (const [field, value] of Object.entries(fields)) {
    if (value !== undefined) byPath.set(`${prefix}.${field}`.toLowerCase(), value);
  }
  return (path) => present(byPath.get(path));
}

/** RTSP replies carry a Server header and realm; discovery may keep them parsed or only in the banner. */
function headerFromBanner(banner: string | undefined, header: RegExp): string | undefined {
  return banner ? header.exec(banner)?.[1]?.trim() : undefined;
}

function bannerProtocol(port: PortInfo): BannerProtocol | null {
  const banner = port.banner ?? '';
  if (port.name === 'ssh' || banner.startsWith('SSH-')) return 'ssh';
  if (port.name === 'vnc' || /^RFB \d/.test(banner)) return 'vnc';
  if (port.name === 'rtsp' || banner.startsWith('RTSP/')) return 'rtsp';
  if (port.name === 'telnet' || port.name === 'ftp' || port.name === 'mqtt') return port.name;
  return null;
}

function bannerRecord(protocol: BannerProtocol, port: PortInfo): FactRecord {
  const banner = port.banner;
  const server = port.http?.server ?? headerFromBanner(banner, /(?:^|\n)\s*server:\s*([^\r\n]+)/i);
  const realm = port.http?.realm ?? headerFromBanner(banner, /realm="([^"]*)"/i);
  const read = fieldReader(protocol, { banner, server, realm });
  return { label: `${protocol} :${port.port}`, port: port.port, values: read };
}

/** ouiVendor: the maker as the aliases name it; ouiOrganisation: the registry's spelling. Conditions on `oui` see both. */
export function factsView(facts: HostFacts, ouiVendor: string | null, ouiOrganisation: string | null = null): FactsView {
  const groups = new Map<string, FactRecord[]>();
  const add = (name: string, record: FactRecord): void => {
    const list = groups.get(name) ?? [];
    list.push(record);
    groups.set(name, list);
  };

  for (const service of facts.mdns) {
    const type = normaliseMdnsType(service.type);
    const read = fieldReader('mdns', { instance: service.instance, host: service.host, type });
    add('mdns', {
      label: `mDNS ${type}`,
      mdnsType: type,
      values: (path) =>
        path.startsWith('mdns.txt.') ? present(lookupCaseless(service.txt, path.slice('mdns.txt.'.length))) : read(path),
    });
  }

  for (const ssdp of facts.ssdp) {
    const description = ssdp.description;
    const read = fieldReader('ssdp', {
      server: ssdp.server,
      usn: ssdp.usn,
      manufacturer: description?.manufacturer,
      manufacturerURL: description?.manufacturerURL,
      modelName: description?.modelName,
      modelNumber: description?.modelNumber,
      modelDescription: description?.modelDescription,
      friendlyName: description?.friendlyName,
      firmware: description?.firmware,
      serialNumber: description?.serialNumber,
      presentationURL: description?.presentationURL,
    });
    add('ssdp', {
      label: 'SSDP',
      values: (path) => {
        if (path === 'ssdp.st') return present(ssdp.st, ...ssdp.types);
        if (path === 'ssdp.devicetype') return present(description?.deviceType, ...(description?.deviceTypes ?? []));
        if (path === 'ssdp.servicetype') return present(...(description?.services ?? []).map((service) => service.serviceType));
        return read(path);
      },
    });
  }

  for (const wsd of facts.wsd ?? []) {
    const onvif: Record<string, string[]> = {};
    for (const scope of wsd.scopes) {
      const read = onvifScope(scope);
      if (read) (onvif[`wsd.${read.category}`] ??= []).push(read.value);
    }
    add('wsd', {
      label: 'WS-Discovery',
      values: (path) => {
        if (path === 'wsd.type') return present(...wsd.types);
        if (path === 'wsd.scope') return present(...wsd.scopes);
        if (path === 'wsd.xaddr') return present(...wsd.xaddrs);
        if (path === 'wsd.endpoint') return present(wsd.endpoint);
        return present(...(onvif[path] ?? []));
      },
    });
  }

  if (facts.snmp) {
    const snmp = facts.snmp;
    const record: FactRecord = {
      label: 'SNMP',
      values: fieldReader('snmp', {
        sysDescr: snmp.sysDescr,
        sysName: snmp.sysName,
        sysContact: snmp.sysContact,
        sysLocation: snmp.sysLocation,
      }),
    };
    if (snmp.sysObjectID) record.oid = normaliseOid(snmp.sysObjectID);
    add('snmp', record);
  }

  for (const port of facts.ports) {
    if (port.http) {
      const http = port.http;
      const read = fieldReader('http', {
        server: http.server,
        title: http.title,
        realm: http.realm,
        authScheme: http.authScheme,
        location: http.location,
        body: http.bodyExcerpt,
      });
      add('http', {
        label: `HTTP :${port.port}`,
        port: port.port,
        status: http.status,
        values: (path) =>
          path.startsWith('http.headers.') ? present(lookupCaseless(http.headers, path.slice('http.headers.'.length))) : read(path),
      });
    }
    if (port.ipp) {
      const { makeAndModel, deviceId } = port.ipp;
      const read = fieldReader('ipp', { makeAndModel, deviceId, ...(deviceId ? deviceIdMakerAndModel(deviceId) : {}) });
      add('ipp', { label: `IPP :${port.port}`, port: port.port, values: read });
    }
    const protocol = bannerProtocol(port);
    if (protocol) add(protocol, bannerRecord(protocol, port));
  }

  if (facts.atag) {
    const { product, suffix } = facts.atag;
    add('atag', { label: 'ATAG broadcast udp/11000', values: fieldReader('atag', { product, suffix }) });
  }

  if (ouiVendor) {
    const names = present(ouiVendor, ouiOrganisation === ouiVendor ? undefined : ouiOrganisation);
    add('oui', { label: 'OUI', values: (path) => (path === 'oui' ? names : []) });
  }
  const hostnames = [...facts.hostnames, ...facts.mdns.map((service) => service.host ?? '')].filter(Boolean);
  if (hostnames.length > 0) {
    add('hostname', { label: 'host name', values: (path) => (path === 'hostname' ? present(...hostnames) : []) });
  }

  const openPorts = new Set(facts.ports.filter((port) => port.transport === 'tcp').map((port) => port.port));
  return { groups, openPorts };
}
