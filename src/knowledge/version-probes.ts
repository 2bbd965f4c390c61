// Firmware version probes are data (knowledge/version-probes/*.yaml): loaded, validated against
// schema/version-probe.schema.json, patterns compiled at load so a bad entry names itself.

import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/package-root.js';
import { assertUniqueIds, DataFileError, loadDataFile } from './load-data.js';
import { assertProvenance, dataFilesIn } from './check-knowledge.js';
import type { Sourced } from './types.js';

/** One GET of a page; after a login only the path is given (scheme and port are the login's). */
export interface HttpProbeRequest {
  scheme?: 'http' | 'https';
  port?: number;
  path: string;
}
/** One IPP Get-Printer-Attributes (POST application/ipp) asking for the fields' attributes. */
export interface IppProbeRequest {
  ipp: { port: number; path: string };
}
/** One SNMP GET of the fields' OIDs, with the community and version discovery found. */
export interface SnmpProbeRequest {
  snmp: true;
}

export interface ReadField {
  /** An IPP attribute name or an SNMP OID (the instance, e.g. ….1). */
  name: string;
  /** When the field is free text: the pattern whose group fw is the version. */
  pattern?: string;
}

export type AfterLoginService = 'http-basic' | 'http-digest';

export interface VersionProbeEntry extends Sourced {
  id: string;
  /** Fits a device whose vendor is one of vendors, or that announced one of mdnsTypes, or (alone) of one of kinds. */
  match: { vendors?: string[]; mdnsTypes?: string[]; kinds?: string[]; anyDevice?: true };
  /** Only after a factory password was confirmed on one of these services, read with that login. */
  afterLogin?: AfterLoginService[];
  request: HttpProbeRequest | IppProbeRequest | SnmpProbeRequest;
  read: { json?: string; xml?: string | string[]; pattern?: string; fields?: ReadField[] };
}

/** How a probe's answer is read, compiled. */
export type VersionReader =
  | { kind: 'json'; path: string[] }
  | { kind: 'xml'; elements: string[] }
  | { kind: 'pattern'; pattern: RegExp }
  | { kind: 'fields'; fields: Array<{ name: string; pattern?: RegExp }> };

export type ProbeTransport = 'http' | 'ipp' | 'snmp';

export interface VersionProbe extends VersionProbeEntry {
  transport: ProbeTransport;
  reader: VersionReader;
}

export const VERSION_PROBES_DIR = join(PACKAGE_ROOT, 'knowledge', 'version-probes');
export const VERSION_PROBE_SCHEMA = join(PACKAGE_ROOT, 'schema', 'version-probe.schema.json');

function compilePattern(file: string, entry: VersionProbeEntry, where: string, source: string): RegExp {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, 'i');
  } catch (error) {
    throw new DataFileError(file, `probes (id "${entry.id}") › ${where}: could not compile regex: ${(error as Error).message}`, { cause: error });
  }
  if (!/\(\?<fw>/.test(source)) throw new DataFileError(file, `probes (id "${entry.id}") › ${where}: needs a group (?<fw>…) for the version`);
  return pattern;
}

function compileReader(file: string, entry: VersionProbeEntry): VersionReader {
  const { read } = entry;
  if (read.json !== undefined) return { kind: 'json', path: read.json.split('.') };
  if (read.xml !== undefined) return { kind: 'xml', elements: Array.isArray(read.xml) ? read.xml : [read.xml] };
  if (read.fields !== undefined) {
    return {
      kind: 'fields',
      fields: read.fields.map((field, index) => ({
        name: field.name,
        ...(field.pattern ? { pattern: compilePattern(file, entry, `read.fields[${index}].pattern`, field.pattern) } : {}),
      })),
    };
  }
  return { kind: 'pattern', pattern: compilePattern(file, entry, 'read.pattern', read.pattern!) };
}

function transportOf(file: string, entry: VersionProbeEntry): ProbeTransport {
  const request = entry.request;
  const fail = (why: string): never => {
    throw new DataFileError(file, `probes (id "${entry.id}") › ${why}`);
  };
  if ('ipp' in request || 'snmp' in request) {
    if (entry.read.fields === undefined) fail('read: an IPP or SNMP probe reads fields');
    if (entry.afterLogin) fail('afterLogin: only a page (HTTP GET) is read after a login');
    return 'ipp' in request ? 'ipp' : 'snmp';
  }
  if (entry.read.fields !== undefined) fail('read.fields: only an IPP or SNMP probe has fields');
  // A page read after a login uses the scheme and port the login worked on; any other names its own.
  if (!entry.afterLogin && (request.scheme === undefined || request.port === undefined)) fail('request: needs scheme and port');
  if (entry.afterLogin && (request.scheme !== undefined || request.port !== undefined)) fail('request: after a login, the scheme and port are the login service\'s');
  return 'http';
}

/** Every probe in `dir`, validated and compiled, all or nothing. */
export function loadVersionProbes(dir: string = VERSION_PROBES_DIR): VersionProbe[] {
  const probes: VersionProbe[] = [];
  for (const file of dataFilesIn(dir)) {
    const data = loadDataFile<{ probes: VersionProbeEntry[] }>(file, VERSION_PROBE_SCHEMA);
    for (const entry of data.probes) {
      assertProvenance(file, entry);
      const { vendors, mdnsTypes, kinds, anyDevice } = entry.match;
      if (!vendors && !mdnsTypes && !kinds && !anyDevice) throw new DataFileError(file, `probes (id "${entry.id}") › match: needs vendors, mdnsTypes or kinds`);
      // A probe for any device at all is only allowed where a confirmed login already singled the device out.
      if (anyDevice && !entry.afterLogin) throw new DataFileError(file, `probes (id "${entry.id}") › match.anyDevice: only for a page read after a login`);
      probes.push({ ...entry, transport: transportOf(file, entry), reader: compileReader(file, entry) });
    }
  }
  assertUniqueIds(dir, probes);
  return probes;
}
