// MAC address → maker, from the IEEE registry shipped in the oui-data package (no download at run
// time). The registry's organisation name is normalised with the vendor aliases.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { derivedKey, throughCache } from '../knowledge/parsed-cache.js';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { compileAliases, loadFingerprintFile } from './load-fingerprints.js';
import type { CompiledAlias } from './types.js';
import { normaliseVendor } from './vendor-names.js';

/** MA-S (36-bit), MA-M (28-bit) and MA-L (24-bit) prefixes as hex digit counts: longest first. */
const PREFIX_LENGTHS = [9, 7, 6] as const;
/** Registry entries that name no maker. */
const NOT_A_MAKER = /^(private|ieee registration authority)$/i;

/**
 * The registry as identification reads it: per prefix length, the prefixes as sorted numbers and the index
 * of their organisation's name (first line, trimmed) in one list of distinct names. Entries that name no
 * maker are left out, so a lookup falls through to the shorter prefix as it would have. About 1.5 MB
 * instead of the 10 MB the registry's object of 53,000 address texts keeps alive.
 */
interface CompactRegistry {
  organisations: string[];
  /** Per prefix length (hex digits, PREFIX_LENGTHS order): sorted prefixes and their organisation indexes. */
  tables: Array<{ prefixes: number[]; organisation: number[] }>;
}

interface RegistryTables {
  organisations: string[];
  tables: Array<{ prefixes: Float64Array; organisation: Uint32Array }>;
}

let registry: RegistryTables | null = null;
let defaultAliases: CompiledAlias[] | null = null;

/** Builds the compact registry from the package's registry object (prefix → "organisation\naddress…"). */
export function compactRegistry(raw: Record<string, string>): CompactRegistry {
  const organisations: string[] = [];
  const indexOf = new Map<string, number>();
  const tables = PREFIX_LENGTHS.map(() => [] as Array<[number, number]>);
  for (const [prefix, entry] of Object.entries(raw)) {
    const table = PREFIX_LENGTHS.indexOf(prefix.length as (typeof PREFIX_LENGTHS)[number]);
    if (table < 0 || !/^[0-9A-F]+$/.test(prefix)) continue;
    const organisation = entry.split('\n')[0]?.trim() ?? '';
    if (organisation === '' || NOT_A_MAKER.test(organisation)) continue;
    let index = indexOf.get(organisation);
    if (index === undefined) {
      index = organisations.push(organisation) - 1;
      indexOf.set(organisation, index);
    }
    tables[table]!.push([parseInt(prefix, 16), index]);
  }
  return {
    organisations,
    tables: tables.map((pairs) => {
      pairs.sort((a, b) => a[0] - b[0]);
      return { prefixes: pairs.map(([prefix]) => prefix), organisation: pairs.map(([, index]) => index) };
    }),
  };
}

function asTables(compact: CompactRegistry): RegistryTables {
  return {
    organisations: compact.organisations,
    tables: compact.tables.map((table) => ({ prefixes: Float64Array.from(table.prefixes), organisation: Uint32Array.from(table.organisation) })),
  };
}

function isCompactRegistry(value: unknown): value is CompactRegistry {
  const compact = value as CompactRegistry | undefined;
  return Array.isArray(compact?.organisations) && Array.isArray(compact?.tables) && compact.tables.length === PREFIX_LENGTHS.length;
}

function ouiRegistry(): RegistryTables {
  // Loaded on first use, compacted once per registry version and kept in the parsed cache (keyed by a
  // hash of the registry file itself, so a new oui-data is compacted anew).
  if (registry) return registry;
  const require = createRequire(import.meta.url);
  const key = (): string | null => {
    try {
      return derivedKey('oui-registry-1', [readFileSync(require.resolve('oui-data'))]);
    } catch {
      return null;
    }
  };
  registry = asTables(throughCache(key, () => compactRegistry(require('oui-data') as Record<string, string>), { accept: isCompactRegistry }));
  return registry;
}

function findOrganisation(table: RegistryTables['tables'][number], prefix: number): number | undefined {
  let low = 0;
  let high = table.prefixes.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = table.prefixes[middle]!;
    if (at === prefix) return table.organisation[middle];
    if (at < prefix) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
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
  const { organisations, tables } = ouiRegistry();
  for (const [at, length] of PREFIX_LENGTHS.entries()) {
    const index = findOrganisation(tables[at]!, parseInt(hex.slice(0, length), 16));
    if (index !== undefined) return organisations[index] ?? null;
  }
  return null;
}

/** The maker of a MAC address as identification names it ("Hikvision"), or null. */
export function lookupOui(mac: string, aliases: readonly CompiledAlias[] = aliasesFromDefaultFile()): string | null {
  const organisation = ouiOrganisation(mac);
  return organisation === null ? null : normaliseVendor(organisation, aliases);
}
