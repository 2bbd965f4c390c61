// The real-daemon network's two data files: how it is built (test/realnet/devices.yaml) and what a
// scan must find on it (test/realnet/truth.yaml). Read and checked here, so a typo names its file.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The repository checkout; the data files and daemon helpers live in its test/realnet. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const REALNET_DIR = `${REPO_ROOT}test/realnet/`;

export interface Account { username: string; password: string }
export interface Mapping { externalPort: number; protocol: 'TCP' | 'UDP'; internalPort: number; description: string }
export interface AvahiService { type: string; port: number; name: string; txt?: string[] }

export type DaemonSpec =
  | { type: 'lighttpd'; ports: number[]; tlsPorts?: number[]; auth?: { method: 'basic' | 'digest'; realm: string; username: string; password: string }; title: string; page: string; files?: Record<string, string> }
  | { type: 'miniupnpd'; friendlyName: string; manufacturer: string; modelName: string; modelNumber: string; serial: string }
  | { type: 'telnetd'; port: number; issue?: string }
  | { type: 'rtsp'; port: number; path: string }
  | { type: 'upnp-mappings'; mappings: Mapping[] }
  | { type: 'sshd'; port: number; lockout?: { deny: number; unlockTime: number } }
  | { type: 'vsftpd'; port: number; anonymous: boolean; files: string[] }
  | { type: 'minidlna'; port: number; friendlyName: string }
  /** bus: a private D-Bus system bus beside it, so a printer's IPP server can register through it. */
  | { type: 'avahi'; services: AvahiService[]; bus?: boolean }
  /** objects: extra OIDs the agent answers (snmpd.conf `override`), OID → text. */
  | { type: 'snmpd'; readCommunity: string; writeCommunity: string; sysDescr: string; sysName: string; objects?: Record<string, string> }
  /** CUPS's IPP Everywhere printer; attributes (text) as its attributes file sets them, registered through avahi's bus. */
  | { type: 'ippeveprinter'; port: number; name: string; attributes: Record<string, string> }
  | { type: 'mosquitto'; port: number; anonymous: boolean; username?: string; password?: string }
  /** Samba's WS-Discovery daemon: answers Probes for wsdp:Device on udp/3702 and serves metadata on tcp/5357. */
  | { type: 'wsdd'; workgroup: string };

export interface DeviceSpec {
  id: string;
  hostname: string;
  ip: string;
  mac: string;
  accounts?: Account[];
  daemons: DaemonSpec[];
}

export interface NetworkSpec {
  subnet: string;
  router: string;
  scanner: { ip: string; mac: string };
  wan: { router: string; deadEnd: string };
  devices: DeviceSpec[];
}

export interface TruthDevice {
  id: string;
  ip: string;
  kind: string;
  vendor: string;
  model: string;
  firmware?: string;
  tcp: number[];
  udp: number[];
  /** Findings that must be there, as `check:port` (port 0 for a device-wide finding). */
  findings: string[];
  /** Factory accounts that must be found: the password is compared in its masked form. */
  credentials?: Array<{ service: string; port: number; username: string; password: string }>;
  /** Accounts whose password is in no list: never claimed. */
  unclaimed?: Array<{ service: string; port: number; username: string }>;
  /** Accounts that must not be locked after the scan, read on the device (PAM faillock). */
  mustStayUnlocked?: string[];
  /** Discovery sources that must have seen the device (its discovery answers, which are no service ports). */
  discoveredBy?: string[];
}

export interface KnownGap {
  expectation: string;
  issue: number;
  reason: string;
  /** The miss depends on how busy the machine is: it may hold on a quiet one, so holding is no lift. */
  timing?: boolean;
}

export interface Truth {
  devices: TruthDevice[];
  mappings: Array<{ externalPort: number; protocol: string; internalIp: string; internalPort: number }>;
  knownGaps: KnownGap[];
  /** Known gaps of the pass under load (both cores busy); the ports must all be there. */
  knownGapsUnderLoad: KnownGap[];
}

class RealnetSpecError extends Error {
  override name = 'RealnetSpecError';
}

function readYaml(file: string): unknown {
  const path = `${REALNET_DIR}${file}`;
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new RealnetSpecError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

function need(condition: unknown, file: string, what: string): asserts condition {
  if (!condition) throw new RealnetSpecError(`${REALNET_DIR}${file}: ${what}`);
}

export function loadNetworkSpec(): NetworkSpec {
  const spec = readYaml('devices.yaml') as NetworkSpec;
  need(spec && Array.isArray(spec.devices) && spec.devices.length > 0, 'devices.yaml', 'no devices');
  const ids = new Set<string>();
  for (const [index, device] of spec.devices.entries()) {
    const at = `devices[${index}]`;
    need(typeof device.id === 'string' && /^[a-z][a-z0-9]{0,11}$/.test(device.id), 'devices.yaml', `${at}.id must be a short lower-case name`);
    need(!ids.has(device.id), 'devices.yaml', `${at}.id "${device.id}" is used twice`);
    ids.add(device.id);
    need(/^192\.168\.77\.\d+$/.test(device.ip), 'devices.yaml', `${at}.ip must lie in ${spec.subnet}`);
    need(/^02(:[0-9a-f]{2}){5}$/.test(device.mac), 'devices.yaml', `${at}.mac must be a locally administered address (02:…)`);
    need(Array.isArray(device.daemons), 'devices.yaml', `${at}.daemons must be a list`);
  }
  return spec;
}

export function loadTruth(): Truth {
  const truth = readYaml('truth.yaml') as Truth;
  need(truth && Array.isArray(truth.devices), 'truth.yaml', 'no devices');
  need(Array.isArray(truth.mappings), 'truth.yaml', 'mappings must be a list');
  for (const key of ['knownGaps', 'knownGapsUnderLoad'] as const) {
    truth[key] ??= [];
    for (const [index, gap] of truth[key].entries()) {
      need(typeof gap.expectation === 'string' && Number.isInteger(gap.issue) && typeof gap.reason === 'string' && gap.reason.length > 0,
        'truth.yaml', `${key}[${index}] needs expectation, issue and reason`);
    }
  }
  return truth;
}
