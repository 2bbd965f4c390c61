// Starts every device of a fleet on its own loopback address, all in parallel, in one process.
// Either the whole fleet runs or nothing does: a failed bind closes what was started.

import { newDeviceState } from './accounts.js';
import { FleetStartError, MockBindError } from './errors.js';
import { startAtagBroadcaster } from './atag/broadcaster.js';
import { startMdnsResponder } from './mdns/responder.js';
import { startSnmpAgent } from './snmp/agent.js';
import { startSsdpResponder } from './ssdp/responder.js';
import { startTcpService } from './tcp/index.js';
import { startWsdResponder } from './wsd/responder.js';
import { startUpnpHttp } from './upnp/http-server.js';
import type { DeviceSpec, DeviceState, Fleet, PersonaContext, RunningPersona, Served } from './types.js';

export interface StartFleetOptions {
  /** Closes the fleet when aborted. */
  signal?: AbortSignal;
  /** Also answer multicast mDNS/SSDP/WS-Discovery, joined on this interface only: for network namespaces, never real LANs. */
  multicast?: { interface: string };
}

export interface RunningFleet {
  fleet: Fleet;
  served: Served[];
  states: Map<string, DeviceState>;
  /** The CIDR to scan. */
  target: string;
  close(): Promise<void>;
}

type PersonaStart = () => Promise<RunningPersona>;

function personaStarts(device: DeviceSpec, ctx: () => PersonaContext, options: StartFleetOptions): PersonaStart[] {
  const multicastInterface = options.multicast?.interface;
  const starts: PersonaStart[] = [];
  if (device.mdns.length > 0) starts.push(() => startMdnsResponder(ctx(), multicastInterface ? { multicastInterface } : {}));
  if (device.ssdp) {
    starts.push(() => startUpnpHttp(ctx()));
    starts.push(() => startSsdpResponder(ctx(), multicastInterface ? { multicastInterface } : {}));
  }
  if (device.snmp) starts.push(() => startSnmpAgent(ctx()));
  if (device.atag) starts.push(() => startAtagBroadcaster(ctx()));
  if (device.wsd) starts.push(() => startWsdResponder(ctx(), multicastInterface ? { multicastInterface } : {}));
  for (const service of device.services) {
    starts.push(() => startTcpService(ctx(), service).catch((error: unknown) => {
      throw explainTcpFailure(device, service.type, service.port, error);
    }));
  }
  return starts;
}

/** TCP personas report their own errors; a bare bind error still gets the device and what to do. */
function explainTcpFailure(device: DeviceSpec, protocol: string, port: number, error: unknown): unknown {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
    return new MockBindError(device.id, protocol, device.address, port, { cause: error });
  }
  return error;
}

export async function startFleet(fleet: Fleet, options: StartFleetOptions = {}): Promise<RunningFleet> {
  if (options.signal?.aborted) throw new FleetStartError(`fleet "${fleet.name}" was not started: already aborted`);
  const lifetime = new AbortController();
  const states = new Map<string, DeviceState>();
  const starts: Array<Promise<RunningPersona>> = [];
  for (const device of fleet.devices) {
    const state = newDeviceState();
    states.set(device.id, state);
    // Each persona gets its own child of the fleet's signal: listener bookkeeping stays per persona.
    const ctx = (): PersonaContext => ({ device, state, fleet, signal: AbortSignal.any([lifetime.signal]) });
    for (const start of personaStarts(device, ctx, options)) starts.push(start());
  }
  const settled = await Promise.allSettled(starts);
  const running = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      lifetime.abort();
      options.signal?.removeEventListener('abort', onAbort);
      await Promise.allSettled(running.map((persona) => persona.close()));
    })();
    return closing;
  };
  const onAbort = (): void => void close();

  const failures = settled.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : []));
  if (failures.length > 0) {
    await close();
    const first = failures[0];
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more failure${failures.length > 2 ? 's' : ''})` : '';
    throw new FleetStartError(`fleet "${fleet.name}" could not start: ${(first as Error)?.message ?? String(first)}${more}`, { cause: first });
  }
  if (options.signal?.aborted) {
    // Stopped while starting (Ctrl-C during start-up): leave nothing running.
    await close();
    throw new FleetStartError(`fleet "${fleet.name}" was stopped while it started`, { cause: options.signal.reason });
  }
  options.signal?.addEventListener('abort', onAbort, { once: true });
  return {
    fleet,
    served: running.flatMap((persona) => persona.served),
    states,
    target: fleet.range,
    close,
  };
}
