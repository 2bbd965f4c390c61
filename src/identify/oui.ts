// MAC address → maker, from the IEEE registry shipped in the oui-data package (no download at run
// time). The registry's organisation name is normalised with the vendor aliases.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { compileAliases, loadFingerprintFile } from './load-fingerprints.js';
import type { CompiledAlias } from './types.js';
import { normaliseVendor } from './vendor-names.js';

/** MA-S (36-bit), MA-M (28-bit) and MA-L (24-bit) prefixes as hex digit counts: longest first. */
const PREFIX_LENGTHS = [9, 7, 6] as const;
/** Registry entries that name no maker. */
const NOT_A_MAKER = /^(private|ieee registration authority)$/i;

let registry: Record<string, string> | null = null;
let defaultAliases: CompiledAlias[] | null = null;

function ouiRegistry(): Record<string, string> {
  // Loaded on first use: the registry is a few megabytes that most imports of this module never need.
  registry ??= createRequire(import.meta.url)('oui-data') as Record<string, string>;
  return registry;
}

function aliasesFromDefaultFile(): CompiledAlias[] {
  defaultAliases ??= compileAliases(
    loadFingerprintFile(join(PACKAGE_ROOT, 'knowledge', 'fingerprints', 'vendor-aliases.yaml')).aliases ?? [],
  );
  return defaultAliases;
}

/** The MAC as 12 upper-case hex digits, or null when it is not a MAC address. */
export function normaliseMac(mac: string): string | null {
  const hex = mac.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.length === 12 && /^[0-9a-f:.\-\s]+$/i.test(mac.trim()) ? hex : null;
}

/** Phones and laptops pick random, locally administered addresses: these name no maker. */
export function isLocallyAdministered(mac: string): boolean {
  const hex = normaliseMac(mac);
  return hex !== null && (parseInt(hex.slice(0, 2), 16) & 0b10) !== 0;
}

/** The registry's organisation name (first line), unnormalised; null when unknown or not a maker. */
export function ouiOrganisation(mac: string): string | null {
  const hex = normaliseMac(mac);
  if (!hex || isLocallyAdministered(hex)) return null;
  const table = ouiRegistry();
  for (const length of PREFIX_LENGTHS) {
    const entry = table[hex.slice(0, length)];
    if (entry === undefined) continue;
    const organisation = entry.split('\n')[0]?.trim() ?? '';
    if (organisation === '' || NOT_A_MAKER.test(organisation)) continue;
    return organisation;
  }
  return null;
}

/** The maker of a MAC address as identification names it ("Hikvision"), or null. */
export function lookupOui(mac: string, aliases: readonly CompiledAlias[] = aliasesFromDefaultFile()): string | null {
  const organisation = ouiOrganisation(mac);
  return organisation === null ? null : normaliseVendor(organisation, aliases);
}
