// Checks a schema cannot express: ids and addresses unique, addresses inside the range, port-mapping
// targets that exist, no two services of one device on the same port.

import { DataFileError } from '../knowledge/load-data.js';
import { isIpv4, parseCidr, rangeContains } from './ipv4.js';
import { plannedPorts } from './device-ports.js';
import type { Fleet } from './types.js';

export function checkFleet(file: string, fleet: Fleet): void {
  const range = parseCidr(fleet.range);
  const ids = new Set<string>();
  const addresses = new Map<string, string>();
  fleet.devices.forEach((device, index) => {
    const at = `devices › ${index} (id "${device.id}")`;
    if (ids.has(device.id)) throw new DataFileError(file, `${at} › id: duplicate id "${device.id}"`);
    ids.add(device.id);
    const owner = addresses.get(device.address);
    if (owner) {
      throw new DataFileError(file, `${at} › address: ${device.address} is already used by device "${owner}"`);
    }
    addresses.set(device.address, device.id);
    if (!rangeContains(range, device.address)) {
      throw new DataFileError(
        file,
        `${at} › address: ${device.address} lies outside the fleet range ${fleet.range} (too many devices, or a typo)`,
      );
    }
    const seen = new Map<string, string>();
    for (const planned of plannedPorts(device)) {
      const key = `${planned.transport}/${planned.port}`;
      const first = seen.get(key);
      if (first) {
        throw new DataFileError(
          file,
          `${at} › ${planned.field}: ${planned.transport} port ${planned.port} is already taken by ${first}`,
        );
      }
      seen.set(key, `${planned.protocol} (${planned.field})`);
    }
  });
  fleet.devices.forEach((device, index) => {
    device.ssdp?.igd?.portMappings.forEach((mapping, m) => {
      if (!ids.has(mapping.internalClient) && !isIpv4(mapping.internalClient)) {
        throw new DataFileError(
          file,
          `devices › ${index} (id "${device.id}") › ssdp › igd › portMappings › ${m} › internalClient: ` +
            `"${mapping.internalClient}" is neither a device id of this fleet nor an IPv4 address`,
        );
      }
    });
  });
}
