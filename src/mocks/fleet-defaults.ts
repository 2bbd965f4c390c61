// Turns a validated fleet file into a Fleet: fills in every default so personas never guess.

import { createHash } from 'node:crypto';
import type { DeviceKind } from '../model.js';
import type {
  Account, DeviceSpec, Fleet, Knobs, MdnsSpec, PortMapping, SnmpSpec, SsdpSpec, TcpServiceSpec, WireNotes,
} from './types.js';
import { intToIpv4, ipv4ToInt, parseCidr } from './ipv4.js';

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
const IGD_DEVICE_TYPE = 'urn:schemas-upnp-org:device:InternetGatewayDevice:1';
const BASIC_DEVICE_TYPE = 'urn:schemas-upnp-org:device:Basic:1';
/** net-snmp's generic Linux agent OID: what an unconfigured embedded agent reports. */
const GENERIC_SYS_OBJECT_ID = '1.3.6.1.4.1.8072.3.2.10';

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
  mdns?: Array<Omit<MdnsSpec, 'instance' | 'txt'> & { instance?: string; txt?: Record<string, string | number | boolean> }>;
  ssdp?: Partial<Omit<SsdpSpec, 'igd'>> & {
    igd?: { externalIp: string; portMappings?: Array<Partial<PortMapping> & Pick<PortMapping, 'externalPort' | 'internalClient' | 'internalPort'>> };
  };
  snmp?: Partial<SnmpSpec>;
  services?: TcpServiceSpec[];
}

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
      instance: m.instance ?? raw.model,
      port: m.port,
      host: m.host ?? hostname,
      txt: Object.fromEntries(Object.entries(m.txt ?? {}).map(([k, v]) => [k, String(v)])),
    })),
    services: raw.services ?? [],
  };
  if (raw.firmware !== undefined) device.firmware = raw.firmware;
  if (raw.wire !== undefined) device.wire = { ...raw.wire };
  if (raw.mac !== undefined) device.mac = raw.mac;
  if (raw.ssdp) device.ssdp = resolveSsdp(fleetName, raw, raw.ssdp);
  if (raw.snmp) device.snmp = resolveSnmp(raw, hostname, raw.snmp);
  return device;
}

function resolveSsdp(fleetName: string, device: RawDevice, raw: NonNullable<RawDevice['ssdp']>): SsdpSpec {
  const firmware = raw.firmware ?? device.firmware;
  const spec: SsdpSpec = {
    port: raw.port ?? DEFAULT_SSDP_PORT,
    server: raw.server ?? `Linux/3.10 UPnP/1.0 ${device.vendor.replace(/\s+/g, '-')}/${firmware ?? '1.0'}`,
    deviceType: raw.deviceType ?? (raw.igd ? IGD_DEVICE_TYPE : BASIC_DEVICE_TYPE),
    friendlyName: raw.friendlyName ?? `${device.vendor} ${device.model}`,
    manufacturer: raw.manufacturer ?? device.vendor,
    modelName: raw.modelName ?? device.model,
    udn: raw.udn ?? stableUdn(fleetName, device.id),
    serviceTypes: raw.serviceTypes ?? [],
  };
  for (const key of ['manufacturerURL', 'modelNumber', 'modelDescription', 'serialNumber', 'descriptionXml'] as const) {
    if (raw[key] !== undefined) spec[key] = raw[key];
  }
  if (raw.extraHeaders !== undefined) spec.extraHeaders = raw.extraHeaders.map((header) => ({ ...header }));
  if (firmware !== undefined) spec.firmware = firmware;
  if (raw.igd) {
    spec.igd = {
      externalIp: raw.igd.externalIp,
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

function resolveSnmp(device: RawDevice, hostname: string, raw: Partial<SnmpSpec>): SnmpSpec {
  return {
    port: raw.port ?? DEFAULT_SNMP_PORT,
    sysDescr: raw.sysDescr ?? `${device.vendor} ${device.model}${device.firmware ? ` ${device.firmware}` : ''}`,
    sysObjectID: raw.sysObjectID ?? GENERIC_SYS_OBJECT_ID,
    sysName: raw.sysName ?? hostname,
    sysContact: raw.sysContact ?? '',
    sysLocation: raw.sysLocation ?? '',
    readCommunities: raw.readCommunities ?? ['public'],
    writeCommunities: raw.writeCommunities ?? [],
  };
}
