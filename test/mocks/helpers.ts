// Small helpers the mock tests share: a fleet from inline YAML, and a persona context for one device.

import { fleetFromText } from '../../src/mocks/fleet-file.js';
import { newDeviceState } from '../../src/mocks/accounts.js';
import type { Fleet, PersonaContext } from '../../src/mocks/types.js';

export function fleetOf(yaml: string): Fleet {
  return fleetFromText('test-fleet.yaml', yaml);
}

export function contextFor(fleet: Fleet, deviceId: string, signal: AbortSignal = new AbortController().signal): PersonaContext {
  const device = fleet.devices.find((d) => d.id === deviceId);
  if (!device) throw new Error(`no device "${deviceId}" in the test fleet`);
  return { device, fleet, state: newDeviceState(), signal };
}
