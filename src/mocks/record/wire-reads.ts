// What `scan --record` reads once more after the scan, because discovery and checks keep parsed fields
// only: each UPnP description's text as the device sent it, and each router's IGD port mappings.
// Every read goes to the device that announced it, and is bounded in size and time.

import type { Device } from '../../model.js';
import { ProbeHttpClient } from '../../protocols/http/probe-client.js';
import { readPortMappings, resolveControlUrl, WAN_CONNECTION_SERVICE, type IgdPortMapping } from '../../protocols/upnp/igd.js';
import { mapLimit } from '../../util/limit.js';
import { deadline } from '../../util/wait.js';

/** A description larger than this is written back from its parsed fields instead (a fleet file stays readable). */
export const MAX_RECORDED_DESCRIPTION_BYTES = 64 * 1024;
const READ_TIMEOUT_MS = 2500;
/** All reads of one recording together; what is not read by then is recorded from the parsed fields. */
const ALL_READS_MS = 20_000;
const READ_CONCURRENCY = 8;

export interface RecordedIgd {
  /** The WAN connection's control URL path, where the replay answers the SOAP actions. */
  controlPath: string;
  externalIp?: string;
  mappings: IgdPortMapping[];
}

export interface WireReads {
  /** Description text by the URL it was read from (the LOCATION as fetched). */
  descriptions: Map<string, string>;
  /** Port mappings by router address. */
  igd: Map<string, RecordedIgd>;
}

export const noWireReads = (): WireReads => ({ descriptions: new Map(), igd: new Map() });

async function readDescription(ip: string, location: string, signal: AbortSignal): Promise<string | undefined> {
  const url = new URL(location);
  if (url.protocol !== 'http:' || url.hostname !== ip) return undefined;
  const client = new ProbeHttpClient({ ip, port: Number(url.port || 80) }, signal, READ_TIMEOUT_MS);
  try {
    const answer = await client.send({ path: `${url.pathname}${url.search}` });
    return answer.status === 200 && Buffer.byteLength(answer.body) <= MAX_RECORDED_DESCRIPTION_BYTES ? answer.body : undefined;
  } catch {
    return undefined;
  } finally {
    await client.close();
  }
}

async function readDescriptions(device: Device, signal: AbortSignal, into: Map<string, string>): Promise<void> {
  for (const root of device.facts.ssdp) {
    if (!root.location || !root.description || into.has(root.location)) continue;
    const text = await readDescription(device.ip, root.location, signal);
    if (text !== undefined) into.set(root.location, text);
  }
}

/** The router's first WAN connection service whose mappings can be read; none for other devices. */
async function readIgd(device: Device, signal: AbortSignal): Promise<RecordedIgd | undefined> {
  for (const root of device.facts.ssdp) {
    for (const service of root.description?.services ?? []) {
      if (!root.location || !service.controlURL || !WAN_CONNECTION_SERVICE.test(service.serviceType)) continue;
      try {
        const endpoint = resolveControlUrl(device.ip, root.location, service.controlURL, service.serviceType);
        const reading = await readPortMappings(endpoint, { signal, timeoutMs: READ_TIMEOUT_MS });
        return { controlPath: endpoint.path, ...(reading.externalIp ? { externalIp: reading.externalIp } : {}), mappings: reading.mappings };
      } catch {
        // A control URL off the router, or one that does not answer: the next one, else no mappings.
      }
    }
  }
  return undefined;
}

export async function readWire(devices: readonly Device[], signal: AbortSignal): Promise<WireReads> {
  const reads = noWireReads();
  const bounded = AbortSignal.any([signal, deadline(ALL_READS_MS)]);
  // Only devices that announced a description are asked anything; a few at a time, like the scan's probes.
  const announcing = devices.filter((device) => device.facts.ssdp.some((root) => root.location && root.description));
  await mapLimit(announcing, READ_CONCURRENCY, bounded, async (device) => {
    await readDescriptions(device, bounded, reads.descriptions);
    const igd = bounded.aborted ? undefined : await readIgd(device, bounded);
    if (igd) reads.igd.set(device.ip, igd);
  });
  return reads;
}
