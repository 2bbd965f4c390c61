// Chooses the factory accounts to try on one service: the device's own vendor/model first, then the
// short generic list of the protocol; never a dictionary. The service's own words (a login prompt, an
// HTTP realm, an FTP greeting) reorder them: a vendor they name stands in for an unknown vendor, and
// pairs whose user name they say go first.

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

/** The first vendor of the credentials file that a hint names ("NETGEAR DGN2200" names Netgear). */
function hintedVendor(entries: CredentialEntry[], hints: readonly string[]): string | null {
  for (const hint of hints) {
    const entry = entries.find((e) => e.vendor !== '*' && vendorMatches(hint, e.vendor));
    if (entry) return entry.vendor;
  }
  return null;
}

/** The words of the hints, lower case: a user name counts as said only as a whole word. */
function hintWords(hints: readonly string[]): Set<string> {
  return new Set(hints.flatMap((hint) => hint.toLowerCase().split(/[^a-z0-9_.-]+/)).filter((word) => word.length > 0));
}

/** True when the pair is the device's or its vendor's own, or its user is a word the service said: the likely one. */
export function isLikelyPair(entry: CredentialEntry, hints: readonly string[]): boolean {
  return entry.vendor !== '*' || hintWords(hints).has(entry.username.toLowerCase());
}

export function credentialsFor(
  device: DeviceNames,
  protocol: LoginProtocol,
  knowledge: Pick<CheckKnowledge, 'credentials'>,
  max: number,
  hints: readonly string[] = [],
): CredentialEntry[] {
  if (max <= 0) return [];
  const forProtocol = knowledge.credentials.filter((entry) => entry.protocols.includes(protocol));
  const vendor = vendorOf(device) ?? hintedVendor(forProtocol, hints);
  const ofVendor = forProtocol.filter(
    (entry) => entry.vendor !== '*' && vendorMatches(vendor, entry.vendor) && modelMatches(entry.models, device.model),
  );
  // Model-specific accounts are the best guess, then the vendor's, then the generic ones.
  const byKnowledge = [
    ...ofVendor.filter((entry) => entry.models !== undefined),
    ...ofVendor.filter((entry) => entry.models === undefined),
    ...forProtocol.filter((entry) => entry.vendor === '*'),
  ];
  // Before the cut to `max`, so a pair the device hints at is tried even when it is far down the list.
  const said = hintWords(hints);
  const ordered = [
    ...byKnowledge.filter((entry) => said.has(entry.username.toLowerCase())),
    ...byKnowledge.filter((entry) => !said.has(entry.username.toLowerCase())),
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
