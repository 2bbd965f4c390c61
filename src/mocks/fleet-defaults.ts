// Turns a validated fleet file into a Fleet: fills in every default so personas never guess.

import { createHash } from 'node:crypto';
import type { DeviceKind } from '../model.js';
import type {
  Account, AtagSpec, DeviceSpec, EmbeddedDeviceSpec, Fleet, Knobs, MdnsSpec, PortMapping, SnmpSpec, SsdpSpec, TcpServiceSpec, WireNotes, WsdSpec,
} from './types.js';
import { DESCRIPTION_PATH } from './upnp/description.js';
import { WAN_IP_CONNECTION_CONTROL } from './upnp/igd-layout.js';
import { intToIpv4, ipv4ToInt, parseCidr } from './ipv4.js';
import { ATAG_ANNOUNCE_PORT } from '../protocols/atag/announce.js';

export const DEFAULT_RANGE = '127.77.0.0/24';

export const DEFAULT_KNOBS: Knobs = {
  delayMs: 0,
  slowMs: 0,
  silent: false,
  lockoutAfter: 0,
  lockoutMs: 60_000,
  failedLoginDelayMs: 0,
  acceptAnyPassword: false,
  acceptAnyPasswordFor: [],
  acceptPasswordsShorterThan: 0,
  answersAnyCommunity: false,
};

export const DEFAULT_SSDP_PORT = 49152;
export const DEFAULT_SNMP_PORT = 161;
/** How often the persona broadcasts: our choice (no record says how often an ATAG One does), short enough for a scan. */
export const DEFAULT_ATAG_INTERVAL_MS = 500;
const IGD_DEVICE_TYPE = 'urn:schemas-upnp-org:device:InternetGatewayDevice:1';

/** The fleet file as written: every default still open. */
export interface RawFleet {
  name: string;
  description?: string;
  range?: string;
  devices: RawDevice[];
}

export interface RawDevice {
  id: string;
  address?: string;
  hostname?: string;
  kind: DeviceKind;
  vendor: string;
  model: string;
  firmware?: string;
  wire?: WireNotes;
  mac?: string;
  plants?: string[];
  knobs?: Partial<Knobs>;
  accounts?: Account[];
  mdns?: Array<Omit<MdnsSpec, 'instance' | 'txt'> & { instance?: string; txt?: Record<string, string | number | boolean | null | { base64: string }> }>;
  ssdp?: Partial<Omit<SsdpSpec, 'igd' | 'devices'>> & {
    devices?: RawEmbeddedDevice[];
    igd?: { externalIp?: string; controlPath?: string; portMappings?: Array<Partial<PortMapping> & Pick<PortMapping, 'externalPort' | 'internalClient' | 'internalPort'>> };
  };
  snmp?: Partial<SnmpSpec>;
  atag?: Partial<AtagSpec> & Pick<AtagSpec, 'deviceId'>;
  wsd?: Partial<WsdSpec>;
  services?: TcpServiceSpec[];
}

export type RawEmbeddedDevice = Omit<EmbeddedDeviceSpec, 'udn' | 'serviceTypes' | 'devices'> & {
  udn?: string;
  serviceTypes?: string[];
  devices?: RawEmbeddedDevice[];
};

/** A stable UPnP UDN per fleet and device, so repeated runs announce the same device. */
export function stableUdn(fleetName: string, deviceId: string): string {
  const hex = createHash('sha1').update(`${fleetName}/${deviceId}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Addresses for devices without one: the range's hosts in order, skipping those already taken. */
export function assignAddresses(devices: Array<{ address?: string }>, cidr: string): string[] {
  const range = parseCidr(cidr);
  const taken = new Set(devices.flatMap((d) => (d.address ? [ipv4ToInt(d.address)] : [])));
  let next = range.first;
  return devices.map((device) => {
    if (device.address) return device.address;
    while (taken.has(next)) next += 1;
    // Past the end of the range: assigned anyway, the range check reports it with the device's id.
    taken.add(next);
    return intToIpv4(next++);
  });
}

export function resolveFleet(raw: RawFleet, rangeOverride?: string): Fleet {
  const range = parseCidr(rangeOverride ?? raw.range ?? DEFAULT_RANGE).cidr;
  const addresses = assignAddresses(raw.devices, range);
  return {
    name: raw.name,
    range,
    devices: raw.devices.map((device, index) => resolveDevice(raw.name, device, addresses[index]!)),
  };
}

function resolveDevice(fleetName: string, raw: RawDevice, address: string): DeviceSpec {
  const hostname = raw.hostname ?? raw.id;
  const device: DeviceSpec = {
    id: raw.id,
    address,
    hostname,
    kind: raw.kind,
    vendor: raw.vendor,
    model: raw.model,
    plants: raw.plants ?? [],
    knobs: { ...DEFAULT_KNOBS, ...raw.knobs },
    accounts: raw.accounts ?? [],
    mdns: (raw.mdns ?? []).map((m) => ({
      type: m.type,
      // The host name, never the model: a fleet that names no instance must not hand identification the truth.
      instance: m.instance ?? hostname,
      port: m.port,
      host: m.host ?? hostname,
      txt: Object.fromEntries(Object.entries(m.txt ?? {}).map(([k, v]) => [k, v === null ? null : typeof v === 'object' ? { base64: v.base64 } : String(v)])),
    })),
    services: raw.services ?? [],
  };
  if (raw.firmware !== undefined) device.firmware = raw.firmware;
  if (raw.wire !== undefined) device.wire = { ...raw.wire };
  if (raw.mac !== undefined) device.mac = raw.mac;
  if (raw.ssdp) device.ssdp = resolveSsdp(fleetName, raw, raw.ssdp);
  if (raw.snmp) device.snmp = resolveSnmp(hostname, raw.snmp);
  if (raw.atag) {
    device.atag = { product: raw.atag.product ?? 'ONE', deviceId: raw.atag.deviceId, port: raw.atag.port ?? ATAG_ANNOUNCE_PORT, intervalMs: raw.atag.intervalMs ?? DEFAULT_ATAG_INTERVAL_MS };
    if (raw.atag.suffix !== undefined) device.atag.suffix = raw.atag.suffix;
  }
  if (raw.wsd) device.wsd = resolveWsd(fleetName, raw.id, raw.wsd);
  return device;
}

// Every field a device sends is given by the fleet: nothing is made up from the vendor or model, so a
// recorded device replays as it was recorded. Only the IGD's own device type follows from `igd`.
function resolveSsdp(fleetName: string, device: RawDevice, raw: NonNullable<RawDevice['ssdp']>): SsdpSpec {
  const udn = raw.udn ?? stableUdn(fleetName, device.id);
  const spec: SsdpSpec = {
    port: raw.port ?? DEFAULT_SSDP_PORT,
    descriptionPath: raw.descriptionPath ?? DESCRIPTION_PATH,
    udn,
    serviceTypes: raw.serviceTypes ?? [],
    devices: (raw.devices ?? []).map((embedded, index) => resolveEmbedded(embedded, `${udn}-${index + 1}`)),
  };
  const deviceType = raw.deviceType ?? (raw.igd ? IGD_DEVICE_TYPE : undefined);
  if (deviceType !== undefined) spec.deviceType = deviceType;
  for (const key of [
    'server', 'friendlyName', 'manufacturer', 'manufacturerURL', 'modelName', 'modelNumber', 'modelDescription', 'serialNumber', 'firmware', 'descriptionXml',
  ] as const) {
    if (raw[key] !== undefined) spec[key] = raw[key];
  }
  if (raw.replies !== undefined) spec.replies = raw.replies.map((reply) => ({ ...reply }));
  if (raw.documents !== undefined) spec.documents = { ...raw.documents };
  if (raw.extraHeaders !== undefined) spec.extraHeaders = raw.extraHeaders.map((header) => ({ ...header }));
  if (raw.igd) {
    spec.igd = {
      ...(raw.igd.externalIp === undefined ? {} : { externalIp: raw.igd.externalIp }),
      controlPath: raw.igd.controlPath ?? WAN_IP_CONNECTION_CONTROL,
      portMappings: (raw.igd.portMappings ?? []).map((m) => ({
        externalPort: m.externalPort,
        protocol: m.protocol ?? 'TCP',
        internalClient: m.internalClient,
        internalPort: m.internalPort,
        description: m.description ?? '',
        enabled: m.enabled ?? true,
      })),
    };
  }
  return spec;
}

function resolveEmbedded(raw: RawEmbeddedDevice, fallbackUdn: string): EmbeddedDeviceSpec {
  const udn = raw.udn ?? fallbackUdn;
  return {
    ...raw,
    udn,
    serviceTypes: raw.serviceTypes ?? [],
    devices: (raw.devices ?? []).map((embedded, index) => resolveEmbedded(embedded, `${udn}-${index + 1}`)),
  };
}

/** Nothing is made up but the endpoint's id, which every ProbeMatch must carry (WS-Discovery 5.3). */
function resolveWsd(fleetName: string, deviceId: string, raw: Partial<WsdSpec>): WsdSpec {
  const spec: WsdSpec = {
    endpoint: raw.endpoint ?? `urn:${stableUdn(fleetName, `${deviceId}/wsd`)}`,
    types: raw.types ?? [],
    scopes: raw.scopes ?? [],
    xaddrs: raw.xaddrs ?? [],
    metadataVersion: raw.metadataVersion ?? 1,
    answers: raw.answers ?? 'both', // as ONVIF cameras do: multicast Probes (required) and directed ones
  };
  if (raw.probeMatch !== undefined) spec.probeMatch = raw.probeMatch;
  return spec;
}

function resolveSnmp(hostname: string, raw: Partial<SnmpSpec>): SnmpSpec {
  const spec: SnmpSpec = {
    port: raw.port ?? DEFAULT_SNMP_PORT,
    sysName: raw.sysName ?? hostname,
    sysContact: raw.sysContact ?? '',
    sysLocation: raw.sysLocation ?? '',
    objects: { ...raw.objects },
    readCommunities: raw.readCommunities ?? ['public'],
    writeCommunities: raw.writeCommunities ?? [],
  };
  if (raw.sysDescr !== undefined) spec.sysDescr = raw.sysDescr;
  if (raw.sysObjectID !== undefined) spec.sysObjectID = raw.sysObjectID;
  return spec;
}
