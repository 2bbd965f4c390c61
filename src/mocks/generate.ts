// Large fleets for benchmarks: n devices made by cycling through the built-in home fleet's devices
// as templates, each copy with its own id, address, names and UDN.

import type { DeviceSpec, Fleet } from './types.js';
import { assignAddresses, stableUdn } from './fleet-defaults.js';
import { checkFleet } from './fleet-checks.js';
import { loadHomeFleet } from './fleet-file.js';

export interface GenerateOptions {
  /** CIDR to place the devices in, default 127.77.1.0/24. */
  range?: string;
  /** Devices to copy; default: the built-in home fleet's. */
  templates?: DeviceSpec[];
}

export const DEFAULT_GENERATED_RANGE = '127.77.1.0/24';

function copyOf(template: DeviceSpec, round: number, fleetName: string): DeviceSpec {
  const suffix = `-${round}`;
  const id = `${template.id}${suffix}`;
  const hostname = `${template.hostname}${suffix}`.slice(0, 63);
  const device: DeviceSpec = structuredClone(template);
  device.id = id;
  device.hostname = hostname;
  device.mdns = device.mdns.map((m) => ({ ...m, instance: `${m.instance} ${round}`.slice(0, 63), host: hostname }));
  if (device.snmp) device.snmp.sysName = hostname;
  if (device.ssdp) {
    device.ssdp.udn = stableUdn(fleetName, id);
    if (device.ssdp.igd) {
      device.ssdp.igd.portMappings = device.ssdp.igd.portMappings.map((m) => ({ ...m, internalClient: `${m.internalClient}${suffix}` }));
    }
  }
  return device;
}

export function generateFleet(count: number, options: GenerateOptions = {}): Fleet {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`cannot generate ${count} devices: give a whole number of at least 1`);
  const range = options.range ?? DEFAULT_GENERATED_RANGE;
  const templates = options.templates ?? loadHomeFleet().devices;
  const name = `generated-${count}`;
  const devices = Array.from({ length: count }, (_, index) =>
    copyOf(templates[index % templates.length]!, Math.floor(index / templates.length) + 1, name),
  );
  const ids = new Set(devices.map((d) => d.id));
  // A mapping to a copy that did not fit in `count` would point nowhere: drop it.
  for (const device of devices) {
    if (device.ssdp?.igd) device.ssdp.igd.portMappings = device.ssdp.igd.portMappings.filter((m) => ids.has(m.internalClient));
  }
  const addresses = assignAddresses(devices.map(() => ({})), range);
  devices.forEach((device, index) => (device.address = addresses[index]!));
  const fleet: Fleet = { name, range, devices };
  checkFleet(`generated fleet of ${count} devices in ${range}`, fleet);
  return fleet;
}
