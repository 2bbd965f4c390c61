// What would identify this household in a shared report of the real-daemon network: every device's
// address, MAC (with and without separators), host name, serial and UUID, and the passwords of its own;
// plus each MAC- or UUID-shaped token the unscrubbed report itself carries.

import type { ScanReport } from './compare.js';
import { upnpUuid } from './daemon-configs.js';
import type { NetworkSpec } from './spec.js';

const MAC_LIKE = /\b[0-9a-f]{2}(?::[0-9a-f]{2}){5}\b/gi;
const UUID_LIKE = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

export function householdIdentifiers(spec: NetworkSpec, rawReport: ScanReport): string[] {
  const found = new Set<string>();
  for (const device of spec.devices) {
    found.add(device.ip).add(device.mac).add(device.mac.replace(/:/g, '')).add(device.hostname);
    // Factory passwords ("1234", "public") are words of the lists, not of this home: its own ones are.
    for (const account of device.accounts ?? []) if (account.password.length >= 8) found.add(account.password);
    for (const daemon of device.daemons) if (daemon.type === 'miniupnpd') found.add(daemon.serial).add(upnpUuid(daemon.serial));
  }
  found.add(spec.scanner.ip).add(spec.scanner.mac);
  const text = JSON.stringify(rawReport);
  for (const token of [...(text.match(MAC_LIKE) ?? []), ...(text.match(UUID_LIKE) ?? [])]) found.add(token);
  return [...found];
}
