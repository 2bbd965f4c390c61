// The wild corpus (test/fixtures/wild/*.yaml): real devices' discovery answers taken from public
// third-party material, each file from one source with its licence, each device with the truth the
// source states. Validated against schema/wild-corpus.schema.json; ids unique across files.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceKind } from '../../model.js';
import { DataFileError, loadDataFile, PACKAGE_ROOT } from '../../knowledge/load-data.js';

export const WILD_CORPUS_DIR = join(PACKAGE_ROOT, 'test', 'fixtures', 'wild');
export const WILD_CORPUS_SCHEMA = join(PACKAGE_ROOT, 'schema', 'wild-corpus.schema.json');

export interface WildSource {
  repo: string;
  commit?: string;
  licence: string;
  url: string;
  what: string;
}

export interface WildTruth {
  vendor: string;
  kind: Exclude<DeviceKind, 'unknown'>;
  kindAlso?: DeviceKind[];
  model: string | null;
  basis: string;
}

export interface WildSsdp {
  st?: string;
  usn?: string;
  server?: string;
  location?: string;
  description?: string;
  fields?: Record<string, string | string[]>;
}

export interface WildMdns {
  type: string;
  instance: string;
  port: number;
  host?: string;
  txt: Record<string, string>;
}

export interface WildTcp {
  port: number;
  name: string;
  banner?: string;
  http?: { status?: number; headers?: Record<string, string>; title?: string; body?: string };
}

/** A WS-Discovery answer: the ProbeMatches as recorded, or its fields as a source lists them. */
export type WildWsd = { probeMatch: string } | { endpoint?: string; types?: string[]; scopes?: string[]; xaddrs?: string[] };

export interface WildWire {
  ssdp?: WildSsdp[];
  wsd?: WildWsd[];
  mdns?: WildMdns[];
  snmp?: { sysDescr?: string; sysObjectID?: string; sysName?: string };
  tcp?: WildTcp[];
  mac?: string;
}

export interface WildDevice {
  id: string;
  path: string;
  commit?: string;
  /** Scored as it came: no rule was written or changed for it. */
  heldOut?: true;
  truth: WildTruth;
  wire: WildWire;
  /** Filled in by the loader: the file's source. */
  source: WildSource;
  file: string;
}

interface WildFile {
  source: WildSource;
  devices: Array<Omit<WildDevice, 'source' | 'file'>>;
}

export function loadWildCorpus(dir: string = WILD_CORPUS_DIR): WildDevice[] {
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort();
  const devices: WildDevice[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    const file = join(dir, name);
    const data = loadDataFile<WildFile>(file, WILD_CORPUS_SCHEMA);
    for (const device of data.devices) {
      const earlier = seen.get(device.id);
      if (earlier) throw new DataFileError(file, `device "${device.id}": duplicate id (also in ${earlier})`);
      seen.set(device.id, name);
      devices.push({ ...device, source: data.source, file: name });
    }
  }
  return devices;
}
