// Version probes: after identification, a device whose firmware no announcement or banner gave, and
// whose identified vendor (or announced protocol) a probe names, gets that probe's one GET on a port discovery saw open. Never
// a list of URLs against every host: a device no probe matched gets no request at all. Each device has
// a request budget; every read has the same time and size caps as discovery's page reads.

import type { Device, FirmwareEvidence } from '../../model.js';
import type { VersionProbe } from '../../knowledge/version-probes.js';
import { mapLimit } from '../../util/limit.js';
import { readVersion } from './read-answer.js';

export interface ProbeAnswer {
  status: number;
  body: Buffer;
}

/** One bounded GET; injected so the runner is tested without sockets. */
export type ProbeGet = (url: string, caps: { timeoutMs: number; maxBytes: number; signal: AbortSignal }) => Promise<ProbeAnswer>;

export interface VersionProbeOptions {
  get: ProbeGet;
  signal: AbortSignal;
  /** Same as discovery's page reads: 2.5 s per request, 64 KiB per answer. */
  timeoutMs: number;
  maxBytes: number;
  /** Requests one device may receive from all probes together. */
  maxRequestsPerDevice: number;
  concurrency: number;
  /** Told of every request, so the audit can count it in the device's requests. */
  onRequest?: (deviceId: string, url: string) => void;
}

export const DEFAULT_VERSION_PROBE_CAPS = { timeoutMs: 2500, maxBytes: 64 * 1024, maxRequestsPerDevice: 2, concurrency: 8 } as const;

/** The probes that fit a device: its vendor or announced mDNS type named by the probe, its port open with the probe's scheme. */
export function probesFor(device: Device, probes: readonly VersionProbe[]): VersionProbe[] {
  const vendor = device.vendor?.toLowerCase();
  const announced = new Set(device.facts.mdns.map((service) => service.type.toLowerCase()));
  return probes.filter((probe) => {
    const byVendor = vendor !== undefined && (probe.match.vendors ?? []).some((name) => name.toLowerCase() === vendor);
    const byProtocol = (probe.match.mdnsTypes ?? []).some((type) => announced.has(type.toLowerCase()));
    if (!byVendor && !byProtocol) return false;
    if (probe.match.kinds && !probe.match.kinds.includes(device.kind)) return false;
    const port = device.facts.ports.find((seen) => seen.transport === 'tcp' && seen.port === probe.request.port);
    if (!port) return false;
    return probe.request.scheme === 'https' ? port.tls === true || port.name === 'https' : port.tls !== true;
  });
}

function urlOf(device: Device, probe: VersionProbe): string {
  return `${probe.request.scheme}://${device.ip}:${probe.request.port}${probe.request.path}`;
}

async function probeDevice(device: Device, probes: VersionProbe[], options: VersionProbeOptions): Promise<Device> {
  for (const probe of probes.slice(0, options.maxRequestsPerDevice)) {
    if (options.signal.aborted) break;
    const url = urlOf(device, probe);
    options.onRequest?.(device.id, url);
    let answer: ProbeAnswer;
    try {
      answer = await options.get(url, { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, signal: options.signal });
    } catch {
      continue; // no answer in time, refused, reset: the version stays unknown
    }
    if (answer.status !== 200) continue;
    const version = readVersion(probe.reader, answer.body.toString('utf8'));
    if (!version) continue;
    const firmwareEvidence: FirmwareEvidence = {
      via: 'status-page',
      detail: `self-reported: GET ${probe.request.scheme}://…:${probe.request.port}${probe.request.path} without a login → ${version}`,
      probeId: probe.id,
    };
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
