// Every port a device will bind, by protocol: for clash checks before anything is started.

import { MDNS_PORT } from '../protocols/mdns/constants.js';
import { SSDP_PORT } from '../protocols/ssdp/constants.js';
import { WSD_PORT } from '../protocols/wsd/constants.js';
import type { DeviceSpec } from './types.js';

export { MDNS_PORT, SSDP_PORT };

export interface PlannedPort {
  protocol: string;
  transport: 'tcp' | 'udp';
  port: number;
  /** Where in the device the port comes from, for error messages ("services › 2 › port"). */
  field: string;
}

export function plannedPorts(device: DeviceSpec): PlannedPort[] {
  const ports: PlannedPort[] = [];
  if (device.mdns.length > 0) ports.push({ protocol: 'mdns', transport: 'udp', port: MDNS_PORT, field: 'mdns' });
  if (device.ssdp) {
    ports.push({ protocol: 'ssdp', transport: 'udp', port: SSDP_PORT, field: 'ssdp' });
    ports.push({ protocol: 'upnp-http', transport: 'tcp', port: device.ssdp.port, field: 'ssdp › port' });
  }
  if (device.snmp) ports.push({ protocol: 'snmp', transport: 'udp', port: device.snmp.port, field: 'snmp › port' });
  // The ATAG persona sends from an ephemeral port and binds nothing the scanner could clash with.
  if (device.wsd) ports.push({ protocol: 'wsd', transport: 'udp', port: WSD_PORT, field: 'wsd' });
  device.services.forEach((service, index) => {
    ports.push({ protocol: service.type, transport: 'tcp', port: service.port, field: `services › ${index} › port` });
  });
  return ports;
}
