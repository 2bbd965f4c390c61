// Chooses the factory accounts to try on one service: the device's own vendor/model first, then the
// short generic list of the protocol; never a dictionary.

import type { Device } from '../model.js';
import { modelMatches, vendorMatches } from './name-match.js';
import type { CheckKnowledge, CredentialEntry, LoginProtocol } from './types.js';

type DeviceNames = Pick<Device, 'vendor' | 'model'> & { facts?: { macVendor: string | null } | undefined };

/** The device's vendor, else the vendor of its MAC address block. */
function vendorOf(device: DeviceNames): string | null {
  return device.vendor ?? device.facts?.macVendor ?? null;
}

function credentialKey(entry: CredentialEntry): string {
  return `${entry.username}\u0000${entry.password}\u0000${entry.access ?? ''}`;
}

export function credentialsFor(
  device: DeviceNames,
  protocol: LoginProtocol,
  knowledge: Pick<CheckKnowledge, 'credentials'>,
  max: number,
): CredentialEntry[] {
  if (max <= 0) return [];
  const vendor = vendorOf(device);
  const forProtocol = knowledge.credentials.filter((entry) => entry.protocols.includes(protocol));
  const ofVendor = forProtocol.filter(
    (entry) => entry.vendor !== '*' && vendorMatches(vendor, entry.vendor) && modelMatches(entry.models, device.model),
  );
  // Model-specific accounts are the best guess, then the vendor's, then the generic ones.
  const ordered = [
    ...ofVendor.filter((entry) => entry.models !== undefined),
    ...ofVendor.filter((entry) => entry.models === undefined),
    ...forProtocol.filter((entry) => entry.vendor === '*'),
  ];
  const seen = new Set<string>();
  const chosen: CredentialEntry[] = [];
  for (const entry of ordered) {
    const key = credentialKey(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    chosen.push(entry);
    if (chosen.length >= max) break;
  }
  return chosen;
}
