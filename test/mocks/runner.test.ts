import { afterEach, describe, expect, it } from 'vitest';
import { loadHomeFleet } from '../../src/mocks/fleet-file.js';
import { startFleet, type RunningFleet } from '../../src/mocks/runner.js';
import { fleetOf } from './helpers.js';

// Loopback sub-range of this file: 127.78.4.0/24 and 127.78.5.0/24.
const running: RunningFleet[] = [];
/** Lets the event loop run the close callbacks of handles just closed. */
const loopTurn = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
afterEach(async () => {
  await Promise.all(running.splice(0).map((fleet) => fleet.close()));
  await loopTurn();
});

/** Sockets, servers and timers this process holds: what a leak would add to. */
function handles(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) {
    if (/UDP|TCP|Timeout|Pipe/.test(kind)) counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

describe('startFleet', () => {
  it('serves the home fleet, then closes leaving nothing behind, and starts again on the same addresses', async () => {
    const fleet = loadHomeFleet({ range: '127.78.4.0/24' });
    const before = handles();
    const first = await startFleet(fleet);
    expect(first.target).toBe('127.78.4.0/24');
    expect(first.states.size).toBe(fleet.devices.length);
    const protocols = new Set(first.served.map((s) => s.protocol));
    for (const protocol of ['mdns', 'ssdp', 'upnp-http', 'snmp', 'http', 'telnet', 'rtsp', 'mqtt']) expect(protocols).toContain(protocol);
    const router = fleet.devices.find((d) => d.kind === 'router')!;
    expect(first.served.filter((s) => s.deviceId === router.id).map((s) => s.port)).toEqual(expect.arrayContaining([1900, 49000, 80, 7547]));
    expect(first.served.every((s) => s.address.startsWith('127.78.4.'))).toBe(true);
    await first.close();
    // Handles leave the list once the event loop has run their close callbacks.
    await expect.poll(() => handles()).toEqual(before);

    const second = await startFleet(fleet);
    expect(second.served).toHaveLength(first.served.length);
    await second.close();
    await expect.poll(() => handles()).toEqual(before);
  });

  it('reports a bind failure with the device, protocol, address:port and what to do, and closes what it started', async () => {
    const fleet = fleetOf(`
name: clash
range: 127.78.5.0/24
devices:
  - id: printer
    kind: printer
    vendor: HP
    model: LaserJet
    mdns: [{ type: _ipp._tcp, port: 631 }]
    snmp: { port: 16162 }
`);
    running.push(await startFleet(fleet));
    await loopTurn();
    const before = handles();
    const failure = await startFleet(fleet).then(
      () => null,
      (error: Error) => error,
    );
    expect(failure?.name).toBe('FleetStartError');
    expect(failure?.message).toMatch(/device "printer" cannot serve (mdns on 127\.78\.5\.1:5353|snmp on 127\.78\.5\.1:16162)/);
    expect(failure?.message).toMatch(/already in use/);
    await expect.poll(() => handles()).toEqual(before);
  });

  it('closes when its signal aborts', async () => {
    const fleet = fleetOf(`
name: abortable
range: 127.78.5.0/24
devices:
  - { id: plug, kind: plug, vendor: Tuya, model: P, address: 127.78.5.20, mdns: [{ type: _http._tcp, port: 80 }] }
`);
    const controller = new AbortController();
    const before = handles();
    await startFleet(fleet, { signal: controller.signal });
    controller.abort();
    await expect.poll(() => handles()).toEqual(before);
    const again = await startFleet(fleet);
    await again.close();
  });

  it('refuses to start with an already aborted signal', async () => {
    const fleet = fleetOf('name: n\nrange: 127.78.5.0/24\ndevices: [{ id: a, kind: plug, vendor: T, model: P, address: 127.78.5.30 }]\n');
    await expect(startFleet(fleet, { signal: AbortSignal.abort() })).rejects.toThrow(/already aborted/);
  });
});

describe('startFleet stopped while starting', () => {
  it('closes everything and says so', async () => {
    const fleet = fleetOf('name: n\nrange: 127.78.5.0/24\ndevices: [{ id: a, kind: plug, vendor: T, model: P, address: 127.78.5.40, mdns: [{ type: _http._tcp, port: 80 }] }]\n');
    const controller = new AbortController();
    const starting = startFleet(fleet, { signal: controller.signal });
    controller.abort();
    await expect(starting).rejects.toThrow(/stopped while it started/);
    const again = await startFleet(fleet);
    await again.close();
  });
});
