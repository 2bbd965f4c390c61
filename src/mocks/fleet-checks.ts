// Checks a schema cannot express: ids and addresses unique, addresses inside the range, port-mapping
// targets that exist, no two services of one device on the same port.

import { DataFileError } from '../knowledge/load-data.js';
import { isIpv4, parseCidr, rangeContains } from './ipv4.js';
import { plannedPorts } from './device-ports.js';
import type { Fleet } from './types.js';

const SYSTEM_GROUP = '1.3.6.1.2.1.1';

/** Throws with the first problem; fleetProblems lists them all. */
export function checkFleet(file: string, fleet: Fleet): void {
  const problems = fleetProblems(fleet);
  if (problems.length > 0) throw new DataFileError(file, problems.join('\n  '));
}

/** Every problem a schema cannot see, each naming the device and the field. */
export function fleetProblems(fleet: Fleet): string[] {
  const problems: string[] = [];
  const range = parseCidr(fleet.range);
  const ids = new Set<string>();
  const addresses = new Map<string, string>();
  fleet.devices.forEach((device, index) => {
    const at = `devices › ${index} (id "${device.id}")`;
    if (ids.has(device.id)) problems.push(`${at} › id: duplicate id "${device.id}"`);
    ids.add(device.id);
    const owner = addresses.get(device.address);
    if (owner) {
      problems.push(`${at} › address: ${device.address} is already used by device "${owner}"`);
    }
    addresses.set(device.address, device.id);
    if (!rangeContains(range, device.address)) {
      problems.push(`${at} › address: ${device.address} lies outside the fleet range ${fleet.range} (too many devices, or a typo)`);
    }
    const seen = new Map<string, string>();
    for (const planned of plannedPorts(device)) {
      const key = `${planned.transport}/${planned.port}`;
      const first = seen.get(key);
      if (first) {
        problems.push(`${at} › ${planned.field}: ${planned.transport} port ${planned.port} is already taken by ${first}`);
      }
      seen.set(key, `${planned.protocol} (${planned.field})`);
    }
  });
  fleet.devices.forEach((device, index) => {
    for (const oid of Object.keys(device.snmp?.objects ?? {})) {
      // The system group has its own fields; an object there would shadow or contradict them.
      if (`${oid}.`.startsWith(`${SYSTEM_GROUP}.`)) {
        problems.push(`devices › ${index} (id "${device.id}") › snmp › objects › ${oid}: lies in the system group (${SYSTEM_GROUP}); use sysDescr, sysObjectID, sysName, sysContact or sysLocation`);
      }
    }
    device.ssdp?.igd?.portMappings.forEach((mapping, m) => {
      if (!ids.has(mapping.internalClient) && !isIpv4(mapping.internalClient)) {
        problems.push(
          `devices › ${index} (id "${device.id}") › ssdp › igd › portMappings › ${m} › internalClient: ` +
            `"${mapping.internalClient}" is neither a device id of this fleet nor an IPv4 address`,
        );
      }
    });
  });
  return problems;
}
