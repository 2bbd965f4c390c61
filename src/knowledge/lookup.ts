// Finds the knowledge entries that concern one device: its firmware family, its software components,
// and the facts of its vendor's ecosystem.

import type { Device } from '../model.js';
import { componentMatches, modelMatches, vendorMatches } from './name-match.js';
import type { CheckKnowledge, FirmwareEntry, VendorFacts } from './types.js';

/** Firmware entries for the device's family (vendor + model globs), in file order. */
export function firmwareFamiliesFor(device: Pick<Device, 'vendor' | 'model'>, knowledge: CheckKnowledge): FirmwareEntry[] {
  return knowledge.firmware.filter(
    (entry) => entry.vendor !== undefined && vendorMatches(device.vendor, entry.vendor) && modelMatches(entry.models, device.model),
  );
}

/** Firmware entries for one software component seen on the device ("dropbear", "Apache httpd"). */
export function componentEntriesFor(componentName: string, knowledge: CheckKnowledge): FirmwareEntry[] {
  return knowledge.firmware.filter((entry) => entry.component !== undefined && componentMatches(componentName, entry.component));
}

/**
 * The ecosystem facts for the device's vendor. Where a vendor has several ecosystems (Philips Hue and
 * Philips Avent), the device kind decides; an entry listing kinds never applies to a known other kind.
 */
export function vendorFactsFor(device: Pick<Device, 'vendor' | 'kind'>, knowledge: CheckKnowledge): VendorFacts | null {
  let best: VendorFacts | null = null;
  let bestScore = 0;
  for (const facts of knowledge.vendors) {
    if (!facts.vendors.some((name) => vendorMatches(device.vendor, name))) continue;
    const kindKnown = device.kind !== 'unknown';
    let score = 1;
    if (facts.kinds && kindKnown) {
      if (!facts.kinds.includes(device.kind)) continue;
      score = 2;
    }
    if (score > bestScore) {
      best = facts;
      bestScore = score;
    }
  }
  return best;
}
