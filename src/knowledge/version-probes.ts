// Firmware version probes are data (knowledge/version-probes/*.yaml): loaded, validated against
// schema/version-probe.schema.json, patterns compiled at load so a bad entry names itself.

import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { assertUniqueIds, DataFileError, loadDataFile } from './load-data.js';
import { assertProvenance, dataFilesIn } from './check-knowledge.js';
import type { Sourced } from './types.js';

export interface VersionProbeEntry extends Sourced {
  id: string;
  /** Fits a device whose vendor is one of vendors, or that announced one of mdnsTypes. */
  match: { vendors?: string[]; mdnsTypes?: string[]; kinds?: string[] };
  request: { scheme: 'http' | 'https'; port: number; path: string };
  read: { json?: string; xml?: string; pattern?: string };
}

/** How a probe's answer is read, compiled. */
export type VersionReader =
  | { kind: 'json'; path: string[] }
  | { kind: 'xml'; element: string }
  | { kind: 'pattern'; pattern: RegExp };

export interface VersionProbe extends VersionProbeEntry {
  reader: VersionReader;
}

export const VERSION_PROBES_DIR = join(PACKAGE_ROOT, 'knowledge', 'version-probes');
export const VERSION_PROBE_SCHEMA = join(PACKAGE_ROOT, 'schema', 'version-probe.schema.json');

function compileReader(file: string, entry: VersionProbeEntry): VersionReader {
  if (entry.read.json !== undefined) return { kind: 'json', path: entry.read.json.split('.') };
  if (entry.read.xml !== undefined) return { kind: 'xml', element: entry.read.xml };
  let pattern: RegExp;
  try {
    pattern = new RegExp(entry.read.pattern!, 'i');
  } catch (error) {
    throw new DataFileError(file, `probes (id "${entry.id}") › read.pattern: could not compile regex: ${(error as Error).message}`, { cause: error });
  }
  if (!/\(\?<fw>/.test(entry.read.pattern!)) throw new DataFileError(file, `probes (id "${entry.id}") › read.pattern: needs a group (?<fw>…) for the version`);
  return { kind: 'pattern', pattern };
}

/** Every probe in `dir`, validated and compiled, all or nothing. */
export function loadVersionProbes(dir: string = VERSION_PROBES_DIR): VersionProbe[] {
  const probes: VersionProbe[] = [];
  for (const file of dataFilesIn(dir)) {
    const data = loadDataFile<{ probes: VersionProbeEntry[] }>(file, VERSION_PROBE_SCHEMA);
    for (const entry of data.probes) {
      assertProvenance(file, entry);
      if (!entry.match.vendors && !entry.match.mdnsTypes) throw new DataFileError(file, `probes (id "${entry.id}") › match: needs vendors or mdnsTypes`);
      probes.push({ ...entry, reader: compileReader(file, entry) });
    }
  }
  assertUniqueIds(dir, probes);
  return probes;
}
