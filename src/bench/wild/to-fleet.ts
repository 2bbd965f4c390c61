// Turns wild-corpus devices into a mock fleet that says on the wire what each device said: SSDP
// replies and descriptions verbatim, mDNS services, SNMP system objects, banners and HTTP answers.
// Nothing comes from the truth: host names are neutral, so only the recorded answers can name a device.

import type { RawDevice, RawFleet } from '../../mocks/fleet-defaults.js';
import { httpServiceOf } from '../../mocks/record/http-service.js';
import { ssdpOfRoots } from '../../mocks/record/ssdp-roots.js';
import type { TcpServiceSpec } from '../../mocks/types.js';
import { descriptionXmlOf } from '../../mocks/record/description-xml.js';
import { parseAuthenticate } from '../../discovery/tcp/http-probe.js';
import type { WildDevice, WildSsdp, WildTcp } from './corpus.js';

export const WILD_FLEET_NAME = 'wild-replay';
const HOST_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

/** A description from the parsed fields a source keeps when it has no XML: only those fields, as given. */
function descriptionFromFields(fields: NonNullable<WildSsdp['fields']>): string {
  const { services, deviceTypes, ...text } = fields as Record<string, string> & { services?: string[]; deviceTypes?: string[] };
  return descriptionXmlOf({
    ...text,
    services: (services ?? []).map((serviceType) => ({ serviceType })),
    deviceTypes: deviceTypes ?? [],
  });
}

function ssdpOf(entries: WildSsdp[], takenPorts: Set<number>): RawDevice['ssdp'] {
  return ssdpOfRoots(
    entries.map((entry) => {
      const xml = entry.description ?? (entry.fields ? descriptionFromFields(entry.fields) : undefined);
      return { ...entry, ...(xml === undefined ? {} : { xml }) };
    }),
    takenPorts,
  );
}

function tcpServiceOf(tcp: WildTcp): TcpServiceSpec {
  if (tcp.name === 'rtsp') {
    const header = (wanted: string) => Object.entries(tcp.http?.headers ?? {}).find(([name]) => name.toLowerCase() === wanted)?.[1];
    const server = header('server');
    // A recorded challenge is the one the camera guards its streams with: the mock asks for it on DESCRIBE.
    const { authScheme, realm } = parseAuthenticate(header('www-authenticate'));
    const auth = authScheme === 'basic' || authScheme === 'digest' ? authScheme : 'none';
    return { type: 'rtsp', port: tcp.port, auth, ...(auth === 'none' || realm === undefined ? {} : { realm }), ...(server === undefined ? {} : { server }) };
  }
  if (tcp.http) {
    // The title as the source keeps it is the page's text between the tags, entities included.
    const title = tcp.http.title === undefined ? '' : `<html><head><title>${tcp.http.title}</title></head></html>`;
    return httpServiceOf(tcp.name === 'https' ? 'https' : 'http', tcp.port, {
      status: tcp.http.status ?? 200,
      headers: tcp.http.headers ?? {},
      body: tcp.http.body ?? title,
    });
  }
  return { type: 'open', port: tcp.port, ...(tcp.banner === undefined ? {} : { banner: tcp.banner }) };
}

function mdnsHost(host: string | undefined): string | undefined {
  const bare = host?.replace(/\.$/, '').replace(/\.local$/i, '');
  return bare && HOST_NAME.test(bare) ? bare : undefined;
}

/** One fleet device per wild device, on addresses in corpus order. */
export function wildDeviceToFleet(device: WildDevice, index: number): RawDevice {
  const { wire, truth } = device;
  const services = (wire.tcp ?? []).map(tcpServiceOf);
  const raw: RawDevice = {
    // Corpus ids run longer than fleet ids may; the fleet is read back by position.
    id: `wild-${index + 1}`,
    hostname: `host-${index + 1}`,
    kind: truth.kind,
    vendor: truth.vendor,
    model: truth.model ?? 'unknown',
    services,
  };
  if (truth.model === null) raw.wire = { model: 'the source records no model on the wire' };
  if (wire.ssdp) raw.ssdp = ssdpOf(wire.ssdp, new Set(services.map((service) => service.port)));
  if (wire.mdns) {
    raw.mdns = wire.mdns.map((service) => {
      const host = mdnsHost(service.host);
      // A source that keeps no instance name (TXT only) gets the host name, the fleet's default.
      const instance = service.instance.trim() === '' ? {} : { instance: service.instance };
      return { type: service.type, ...instance, port: service.port, txt: { ...service.txt }, ...(host ? { host } : {}) };
    });
  }
  const wsd = wire.wsd?.[0];
  if (wsd) raw.wsd = 'probeMatch' in wsd ? { probeMatch: wsd.probeMatch } : { ...wsd };
  if (wire.snmp) {
    raw.snmp = {
      ...(wire.snmp.sysDescr === undefined ? {} : { sysDescr: wire.snmp.sysDescr }),
      ...(wire.snmp.sysObjectID === undefined ? {} : { sysObjectID: wire.snmp.sysObjectID.replace(/^\./, '') }),
      ...(wire.snmp.sysName === undefined ? {} : { sysName: wire.snmp.sysName }),
    };
  }
  return raw;
}

export function wildFleet(devices: readonly WildDevice[], range: string): RawFleet {
  return { name: WILD_FLEET_NAME, range, devices: devices.map(wildDeviceToFleet) };
}
