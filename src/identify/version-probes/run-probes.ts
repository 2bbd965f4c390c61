// Version probes: after identification, a device whose firmware no announcement or banner gave, and
// that a probe fits (its identified vendor, announced protocol or kind), gets that probe's one request
// on a service discovery saw: a GET of a page, an IPP Get-Printer-Attributes, or an SNMP GET. Never a
// list of URLs against every host: a device no probe matched gets no request at all. Each device has
// a request budget; every read has the same time and size caps as discovery's page reads. An IPP probe
// first reads the answer discovery's own Get-Printer-Attributes held (it asks for the firmware attributes
// too, over IPP or IPPS), and sends its request only where no IPP port answered discovery.

import type { Device, FirmwareEvidence, PortInfo } from '../../model.js';
import { heldPrinterAttributes } from '../../protocols/ipp/printer-attributes.js';
import type { VersionProbe } from '../../knowledge/version-probes.js';
import { mapLimit } from '../../util/limit.js';
import { readFields, readVersion } from './read-answer.js';

export interface ProbeAnswer {
  status: number;
  body: Buffer;
}

export interface ProbeCaps {
  timeoutMs: number;
  maxBytes: number;
  signal: AbortSignal;
}

/** One bounded GET; injected so the runner is tested without sockets. */
export type ProbeGet = (url: string, caps: ProbeCaps & { headers?: Record<string, string> }) => Promise<ProbeAnswer & { headers?: Record<string, string> }>;
/** One IPP Get-Printer-Attributes: the named attributes' values as text. */
export type ProbeIpp = (url: string, attributes: readonly string[], caps: ProbeCaps) => Promise<Map<string, string>>;
/** One SNMP GET of the OIDs with the community and version discovery found: the values present, as text. */
export type ProbeSnmp = (target: { ip: string; port: number; community: string; version: '1' | '2c' }, oids: readonly string[], caps: ProbeCaps) => Promise<Map<string, string>>;

export interface ProbeTransports {
  get: ProbeGet;
  /** Absent: IPP probes are not run (a test that gives only pages). */
  ipp?: ProbeIpp;
  snmp?: ProbeSnmp;
}

export interface VersionProbeOptions extends ProbeTransports {
  signal: AbortSignal;
  /** Same as discovery's page reads: 2.5 s per request, 64 KiB per answer. */
  timeoutMs: number;
  maxBytes: number;
  /** Requests one device may receive from all probes together (after-login reads included). */
  maxRequestsPerDevice: number;
  concurrency: number;
  /** Told of every request, so the audit can count it in the device's requests. */
  onRequest?: (deviceId: string, url: string) => void;
}

export const DEFAULT_VERSION_PROBE_CAPS = { timeoutMs: 2500, maxBytes: 64 * 1024, maxRequestsPerDevice: 2, concurrency: 8 } as const;

const SNMP_PORT = 161;

function fitsDevice(device: Device, probe: VersionProbe): boolean {
  const vendor = device.vendor?.toLowerCase();
  const announced = new Set(device.facts.mdns.map((service) => service.type.toLowerCase()));
  const { vendors, mdnsTypes, kinds, anyDevice } = probe.match;
  const byVendor = vendor !== undefined && (vendors ?? []).some((name) => name.toLowerCase() === vendor);
  const byProtocol = (mdnsTypes ?? []).some((type) => announced.has(type.toLowerCase()));
  const byKindAlone = !vendors && !mdnsTypes && kinds !== undefined;
  if (!byVendor && !byProtocol && !byKindAlone && !anyDevice) return false;
  return !kinds || kinds.includes(device.kind);
}

/** The ports whose IPP answer discovery kept (631, IPPS on 631 or 443, …), in port order. */
function ippAnswers(device: Device): PortInfo[] {
  return device.facts.ports.filter((open) => open.transport === 'tcp' && open.ipp !== undefined);
}

function hasService(device: Device, probe: VersionProbe): boolean {
  const request = probe.request;
  if ('snmp' in request) return device.facts.snmp !== null;
  if ('ipp' in request && ippAnswers(device).length > 0) return true;
  const port = 'ipp' in request ? request.ipp.port : request.port;
  const scheme = 'ipp' in request ? 'http' : request.scheme;
  const seen = device.facts.ports.find((open) => open.transport === 'tcp' && open.port === port);
  if (!seen) return false;
  return scheme === 'https' ? seen.tls === true || seen.name === 'https' : seen.tls !== true;
}

/** The probes that fit a device without a login: matched, and its service seen by discovery. */
export function probesFor(device: Device, probes: readonly VersionProbe[]): VersionProbe[] {
  return probes.filter((probe) => !probe.afterLogin && fitsDevice(device, probe) && hasService(device, probe));
}

function snmpPortOf(device: Device): number {
  return device.facts.ports.find((open) => open.transport === 'udp' && open.name === 'snmp')?.port ?? SNMP_PORT;
}

interface Reading {
  version: string;
  detail: string;
}

/** One probe's one request; null when it gave no version (no answer, refused, nothing readable). */
async function runProbe(device: Device, probe: VersionProbe, options: VersionProbeOptions): Promise<Reading | null> {
  const caps = { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, signal: options.signal };
  const request = probe.request;
  if ('ipp' in request) {
    if (probe.reader.kind !== 'fields') return null;
    const answered = ippAnswers(device);
    if (answered.length > 0) return readHeldIpp(answered, probe.reader);
    if (!options.ipp) return null;
    const url = `http://${device.ip}:${request.ipp.port}${request.ipp.path}`;
    options.onRequest?.(device.id, url);
    const values = await options.ipp(url, probe.reader.fields.map((field) => field.name), caps);
    const read = readFields(probe.reader, values);
    return read && { version: read.version, detail: `self-reported: IPP Get-Printer-Attributes on :${request.ipp.port}${request.ipp.path} without a login → ${read.field} ${read.version}` };
  }
  if ('snmp' in request) {
    const snmp = device.facts.snmp;
    if (!options.snmp || !snmp || probe.reader.kind !== 'fields') return null;
    const port = snmpPortOf(device);
    const oids = probe.reader.fields.map((field) => field.name);
    options.onRequest?.(device.id, `snmp://${device.ip}:${port}/${oids.join(',')}`);
    const values = await options.snmp({ ip: device.ip, port, community: snmp.community, version: snmp.version }, oids, caps);
    const read = readFields(probe.reader, values);
    // The community is not repeated here: the SNMP findings say which one answered.
    return read && { version: read.version, detail: `self-reported: SNMP GET of ${read.field} with the community discovery used → ${read.version}` };
  }
  const url = `${request.scheme}://${device.ip}:${request.port}${request.path}`;
  options.onRequest?.(device.id, url);
  const answer = await options.get(url, caps);
  if (answer.status !== 200) return null;
  const version = readVersion(probe.reader, answer.body.toString('utf8'));
  return version === null ? null : { version, detail: `self-reported: GET ${request.scheme}://…:${request.port}${request.path} without a login → ${version}` };
}

/** The version in what an IPP port already answered discovery: no request, the evidence naming IPP or IPPS and the attribute. */
function readHeldIpp(answered: readonly PortInfo[], reader: Extract<VersionProbe['reader'], { kind: 'fields' }>): Reading | null {
  for (const port of answered) {
    const read = readFields(reader, heldPrinterAttributes(port.ipp!));
    if (!read) continue;
    const protocol = port.tls === true ? 'IPPS (IPP over TLS)' : 'IPP';
    return { version: read.version, detail: `self-reported: ${protocol} Get-Printer-Attributes on :${port.port}${port.ipp!.path ?? ''} without a login → ${read.field} ${read.version}` };
  }
  return null;
}

/** The device with a version read by a probe: the device's own word, with where it said it. */
export function withFirmware(device: Device, version: string, firmwareEvidence: FirmwareEvidence): Device {
  return {
    ...device,
    firmware: version,
    identity: {
      ...device.identity,
      firmware: version,
      firmwareEvidence,
      selfReported: [...new Set([...(device.identity.selfReported ?? []), 'firmware' as const])],
    },
  };
}

async function probeDevice(device: Device, probes: VersionProbe[], options: VersionProbeOptions): Promise<Device> {
  let sent = 0;
  const counting: VersionProbeOptions = {
    ...options,
    onRequest: (deviceId, url) => {
      sent += 1;
      options.onRequest?.(deviceId, url);
    },
  };
  for (const probe of probes) {
    if (options.signal.aborted || sent >= options.maxRequestsPerDevice) break;
    let reading: Reading | null;
    try {
      reading = await runProbe(device, probe, counting);
    } catch {
      continue; // no answer in time, refused, reset, not the protocol: the version stays unknown
    }
    if (reading) return withFirmware(device, reading.version, { via: 'status-page', detail: reading.detail, probeId: probe.id });
  }
  return device;
}

/** Every device whose firmware is still unknown and that a probe fits, probed; the others untouched. */
export async function readFirmwareVersions(devices: readonly Device[], probes: readonly VersionProbe[], options: VersionProbeOptions): Promise<Device[]> {
  return mapLimit(devices, options.concurrency, undefined, async (device) => {
    if (device.firmware !== null || options.signal.aborted) return device;
    const fitting = probesFor(device, probes);
    return fitting.length === 0 ? device : probeDevice(device, fitting, options);
  });
}
