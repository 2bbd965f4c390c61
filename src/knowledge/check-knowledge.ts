// Loads the knowledge the checks read (credentials, firmware, vendor facts) from the data files under
// knowledge/, each validated against its schema; a bad entry fails with its file and id.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseVersion } from '../util/parse-version.js';
import { DataFileError, loadDataFile, PACKAGE_ROOT } from './load-data.js';
import type { CheckKnowledge, CredentialEntry, FirmwareEntry, Sourced, VendorFacts } from './types.js';

export const KNOWLEDGE_DIR = join(PACKAGE_ROOT, 'knowledge');
export const SCHEMA_DIR = join(PACKAGE_ROOT, 'schema');

const DATA_FILE = /\.(ya?ml|json)$/i;

export function dataFilesIn(dir: string, optional = false): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    // An overlay may hold only some kinds: a missing sub-folder there is simply empty.
    if (optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new DataFileError(dir, `cannot list the knowledge folder: ${(error as Error).message}`, { cause: error });
  }
  return names.filter((name) => DATA_FILE.test(name)).sort().map((name) => join(dir, name));
}

/** A real calendar date in YYYY-MM-DD form. */
export function isValidDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

interface Loaded<T> {
  file: string;
  entry: T;
}

function loadKind<T extends Sourced & { id: string }>(
  dir: string,
  schemaFile: string,
  key: 'credentials' | 'firmware' | 'vendors',
  optional = false,
): Array<Loaded<T>> {
  const loaded: Array<Loaded<T>> = [];
  const firstFileOfId = new Map<string, string>();
  for (const file of dataFilesIn(dir, optional)) {
    // An overlay (the optional kinds) is always validated fresh, never taken from the parsed cache.
    const data = loadDataFile<Record<string, T[]>>(file, schemaFile, optional ? { cache: false } : {});
    for (const entry of data[key] ?? []) {
      const other = firstFileOfId.get(entry.id);
      if (other !== undefined) {
        throw new DataFileError(file, `duplicate id "${entry.id}"${other === file ? '' : ` (also in ${other})`}`);
      }
      firstFileOfId.set(entry.id, file);
      assertProvenance(file, entry);
      loaded.push({ file, entry });
    }
  }
  return loaded;
}

/** Exactly one of checked (confirmed) or reported (not confirmed), and a real date. */
export function assertProvenance(file: string, entry: Sourced & { id: string }): void {
  if ((entry.checked === undefined) === (entry.reported === undefined)) {
    throw new DataFileError(file, `${entry.id}: needs either checked (confirmed) or reported (not confirmed), not both`);
  }
  const [field, date] = entry.checked !== undefined ? ['checked', entry.checked] : ['reported', entry.reported!];
  if (!isValidDate(date)) throw new DataFileError(file, `${entry.id}: ${field} "${date}" is not a date`);
}

function assertVersion(file: string, id: string, field: string, value: string | undefined): void {
  if (value !== undefined && parseVersion(value) === null) {
    throw new DataFileError(file, `${id}: ${field} "${value}" is not a version`);
  }
}

/** What the schema cannot say: a family or a component (not both), parseable versions, KEV ids among the CVEs. */
function checkFirmwareEntry(file: string, entry: FirmwareEntry): void {
  const isFamily = entry.vendor !== undefined;
  const isComponent = entry.component !== undefined;
  if (isFamily === isComponent) throw new DataFileError(file, `${entry.id}: needs either vendor or component, not both`);
  if (entry.models && !isFamily) throw new DataFileError(file, `${entry.id}: models need a vendor`);
  // A provider's box: the advice names the provider, so the name must be there, and only on a device family.
  if ((entry.updatedBy === 'provider') !== (entry.provider !== undefined)) {
    throw new DataFileError(file, `${entry.id}: updatedBy: provider and provider go together`);
  }
  if (entry.updatedBy !== undefined && !isFamily) throw new DataFileError(file, `${entry.id}: updatedBy needs a vendor (a device family)`);
  if (entry.endOfSupport !== undefined && !isValidDate(entry.endOfSupport)) {
    throw new DataFileError(file, `${entry.id}: endOfSupport "${entry.endOfSupport}" is not a date`);
  }
  // A software line that ended is a line: without versions it would say every version of the device ended.
  if (entry.endOfSupportOf === 'software-line' && (entry.versions === undefined || entry.endOfSupport === undefined)) {
    throw new DataFileError(file, `${entry.id}: endOfSupportOf: software-line needs versions (the line) and endOfSupport`);
  }
  assertVersion(file, entry.id, 'latest', entry.latest);
  assertVersion(file, entry.id, 'versions.from', entry.versions?.from);
  assertVersion(file, entry.id, 'versions.below', entry.versions?.below);
  for (const range of entry.vulnerable ?? []) {
    assertVersion(file, entry.id, 'vulnerable.below', range.below);
    assertVersion(file, entry.id, 'vulnerable.from', range.from);
    const stray = (range.kev ?? []).filter((cve) => !range.cves.includes(cve));
    if (stray.length > 0) throw new DataFileError(file, `${entry.id}: KEV ids not among the range's CVEs: ${stray.join(', ')}`);
  }
}

function checkVendorFacts(file: string, entry: VendorFacts): void {
  if (entry.mfa === 'optional' && !entry.mfaHowTo) {
    throw new DataFileError(file, `${entry.id}: optional MFA needs mfaHowTo (where to turn it on)`);
  }
}

/** Reads knowledge/{credentials,firmware,vendors}/*.yaml; throws DataFileError naming the file and entry. */
export function loadCheckKnowledge(dir: string = KNOWLEDGE_DIR, schemaDir: string = SCHEMA_DIR, optional = false): CheckKnowledge {
  const credentials = loadKind<CredentialEntry>(join(dir, 'credentials'), join(schemaDir, 'credentials.schema.json'), 'credentials', optional);
  const firmware = loadKind<FirmwareEntry>(join(dir, 'firmware'), join(schemaDir, 'firmware.schema.json'), 'firmware', optional);
  const vendors = loadKind<VendorFacts>(join(dir, 'vendors'), join(schemaDir, 'vendors.schema.json'), 'vendors', optional);
  for (const { file, entry } of firmware) checkFirmwareEntry(file, entry);
  for (const { file, entry } of vendors) checkVendorFacts(file, entry);
  return {
    credentials: credentials.map((item) => item.entry),
    firmware: firmware.map((item) => item.entry),
    vendors: vendors.map((item) => item.entry),
  };
}

/**
 * The oldest "checked" date of the confirmed entries: how old the verified knowledge is, for the report.
 * Unconfirmed (reported) entries have no check to date. 'unknown' when nothing is confirmed.
 */
export function asOf(knowledge: CheckKnowledge): string {
  const dates = [...knowledge.credentials, ...knowledge.firmware, ...knowledge.vendors]
    .map((entry) => entry.checked)
    .filter((date): date is string => date !== undefined);
  if (dates.length === 0) return 'unknown';
  return dates.reduce((oldest, date) => (date < oldest ? date : oldest));
}

/** The same as asOf, under the name the audit stage reads it by. */
export const knowledgeAsOf = asOf;
