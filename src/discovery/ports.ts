// The TCP ports the sweep tries and how ports that devices announce are talked to: data in
// knowledge/ports/sweep.yaml (each port with its source), validated against schema/ports.schema.json at load.

import { join } from 'node:path';
import { DataFileError, loadDataFile, PACKAGE_ROOT } from '../knowledge/load-data.js';

/**
 * How the sweep talks to an open port: read what it says, speak HTTP(S), IPP (HTTP, else HTTPS, and a
 * printer's attributes), IPPS (the same with HTTPS first) or RTSP, or just note it is open.
 */
export type PortProbe = 'banner' | 'http' | 'https' | 'ipp' | 'ipps' | 'rtsp' | 'none';

export interface SweepPort {
  port: number;
  name: string;
  probe: PortProbe;
  tls?: boolean;
  /** The name to give the port when the probe finds no HTTP there (a vendor's binary protocol). */
  otherwise?: string;
  /** Probed first on every host: alone it shows a device is there. */
  liveness?: boolean;
  source?: string;
}

/** How to talk to a port announced under one mDNS service type. */
export interface AnnouncedPortKind extends Omit<SweepPort, 'port' | 'liveness'> {
  type: string;
}

/** A port tried only on a host that announced itself by a vendor's broadcast (the ATAG One's API on 10000). */
export interface BroadcastPort extends Omit<SweepPort, 'liveness' | 'otherwise'> {
  broadcast: 'atag';
}

export interface PortTables {
  ports: SweepPort[];
  announced: AnnouncedPortKind[];
  broadcast?: BroadcastPort[];
}

export const PORTS_FILE = join(PACKAGE_ROOT, 'knowledge', 'ports', 'sweep.yaml');
export const PORTS_SCHEMA = join(PACKAGE_ROOT, 'schema', 'ports.schema.json');

/** Loads and checks the port tables: a port listed twice is refused, naming the file and the port. */
export function loadPortTables(file = PORTS_FILE): PortTables {
  const tables = loadDataFile<PortTables>(file, PORTS_SCHEMA);
  const seen = new Set<number>();
  for (const entry of tables.ports) {
    if (seen.has(entry.port)) throw new DataFileError(file, `port ${entry.port} is listed twice`);
    seen.add(entry.port);
  }
  const types = new Set<string>();
  for (const entry of tables.announced) {
    if (types.has(entry.type)) throw new DataFileError(file, `service type ${entry.type} is listed twice`);
    types.add(entry.type);
  }
  for (const entry of tables.broadcast ?? []) {
    if (seen.has(entry.port)) throw new DataFileError(file, `broadcast port ${entry.port} is also in the sweep: list it in one place`);
  }
  return tables;
}

const TABLES = loadPortTables();

export const SWEEP_PORTS: SweepPort[] = TABLES.ports;

export const ANNOUNCED_PORT_KINDS: AnnouncedPortKind[] = TABLES.announced;

export const BROADCAST_PORTS: BroadcastPort[] = TABLES.broadcast ?? [];

/**
 * Probed first on every host; the rest only on hosts that proved to be there (tcp/source.ts). Web, SSH,
 * telnet, RTSP and TR-069 cover most devices; 6668 because Tuya-based plugs and bulbs often open
 * nothing else and answer neither mDNS nor SSDP.
 */
export const LIVENESS_PORTS = SWEEP_PORTS.filter((p) => p.liveness).map((p) => p.port);
