// The `atag` discovery source against the ATAG One persona (src/mocks/atag/broadcaster.ts), which broadcasts its
// announcement to 127.255.255.255 the way a real one broadcasts on its LAN. Each test listens on a port of its own
// (not 11000), so scans of other test files running beside it hear none of this. Run inside a network namespace.

import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type DiscoveryResult } from '../../src/discovery/index.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import { resolveFleet, type RawFleet } from '../../src/mocks/fleet-defaults.js';
import { startFleet, type RunningFleet } from '../../src/mocks/runner.js';
import { resolveScope } from '../../src/scope/index.js';

const PORT = 41_100;
const RAW: RawFleet = {
  name: 'atag-test',
  range: '127.81.7.0/24',
  devices: [
    {
      id: 'thermostat', address: '127.81.7.10', hostname: 'atag-one', kind: 'thermostat', vendor: 'ATAG', model: 'One',
      atag: { deviceId: '6808-1500-2109_15-48-001-544', suffix: 'ST', port: PORT, intervalMs: 200 },
      // The local API port pyatag talks to; the persona only accepts connections there.
      services: [{ type: 'open', port: 10000 }],
    },
    // Outside the scanned scope: heard, never kept.
    { id: 'neighbour', address: '127.81.7.200', hostname: 'other-atag', kind: 'thermostat', vendor: 'ATAG', model: 'One', atag: { deviceId: '1111-2222-3333_44-55-666-777', port: PORT, intervalMs: 200 } },
  ],
};
const SCOPE = resolveScope({ targets: ['127.81.7.0/27'] });
const ONLY_ATAG_AND_TCP = { mdns: false, ssdp: false, snmp: false, tcp: true, atag: true, neighbours: false };

describe('the atag source against the ATAG One persona', () => {
  let fleet: RunningFleet;
  let result: DiscoveryResult;
  let elapsedMs: number;
  beforeAll(async () => {
    fleet = await startFleet(resolveFleet(RAW));
    const started = performance.now();
    result = await discover(SCOPE, { atag: { port: PORT }, ssdp: { waitMs: 600 } });
    elapsedMs = performance.now() - started;
  });
  afterAll(() => fleet?.close());

  it('finds the thermostat by its broadcast, and only senders in scope', () => {
    const thermostat = result.hosts.find((host) => host.ip === '127.81.7.10');
    expect(thermostat?.atag).toEqual({ product: 'ONE', deviceId: '6808-1500-2109_15-48-001-544', suffix: 'ST' });
    expect(thermostat?.discoveredBy).toContain('atag');
    expect(result.hosts.map((host) => host.ip)).not.toContain('127.81.7.200');
    expect(result.problems).toEqual([]);
  });

  it('looks at port 10000 only because the host announced itself as ATAG', () => {
    const thermostat = result.hosts.find((host) => host.ip === '127.81.7.10')!;
    expect(thermostat.ports).toEqual([expect.objectContaining({ transport: 'tcp', port: 10000, name: 'atag-api' })]);
  });

  it('identifies it as an ATAG One thermostat, with the broadcast as evidence and no device id in it', () => {
    const thermostat = result.hosts.find((host) => host.ip === '127.81.7.10')!;
    const identity = identify(thermostat, loadFingerprints());
    expect(identity).toMatchObject({ vendor: 'ATAG', model: 'One', kind: 'thermostat' });
    const evidence = identity.evidence.find((item) => item.ruleId === 'atag-one-broadcast');
    expect(evidence).toMatchObject({ source: 'atag' });
    expect(JSON.stringify(identity.evidence)).not.toContain('6808-1500');
  });

  it('does not make the scan longer than the other sources: it ends with them', () => {
    // The other sources here end in about a second; the listener's own bound is 10 s.
    expect(elapsedMs).toBeLessThan(6_000);
  });
});

describe('the atag source when it cannot listen, and against hostile datagrams', () => {
  it('says "could not listen" when the port is taken, and the scan goes on', async () => {
    const holder = dgram.createSocket({ type: 'udp4', reuseAddr: false });
    await new Promise<void>((resolve) => holder.bind(PORT + 1, '0.0.0.0', resolve));
    try {
      const result = await discover(resolveScope({ targets: ['127.81.8.1'] }), { sources: ONLY_ATAG_AND_TCP, atag: { port: PORT + 1 } });
      expect(result.problems).toEqual([
        { source: 'atag', message: expect.stringMatching(/^could not listen on udp 0\.0\.0\.0:41101 \(EADDRINUSE: port in use by another program\).*ATAG One thermostats .* not looked for/) },
      ]);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
  });

  it('drops oversized and garbage datagrams, and a flood ends the listening with a stated cap', async () => {
    const sender = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => sender.bind(0, '127.81.9.5', resolve));
    sender.setBroadcast(true);
    const junk = [Buffer.alloc(9000, 0x41), Buffer.from('ONE \x1b[31mred (ST)', 'latin1'), Buffer.from('TWO 1234 (ST)')];
    let sent = 0;
    const flood = setInterval(() => {
      for (let i = 0; i < 20; i++) sender.send(junk[sent++ % junk.length]!, PORT + 2, '127.255.255.255');
    }, 5);
    const started = performance.now();
    try {
      // SSDP's 1.5 s wait keeps the listener open long enough for the flood to reach the cap.
      const sources = { ...ONLY_ATAG_AND_TCP, tcp: false, ssdp: true };
      const result = await discover(resolveScope({ targets: ['127.81.9.0/28'] }), { sources, ssdp: { waitMs: 1500 }, atag: { port: PORT + 2, maxDatagrams: 100 } });
      expect(result.hosts.filter((host) => host.atag)).toEqual([]);
      expect(result.problems).toEqual([{ source: 'atag', message: expect.stringMatching(/^stopped listening on udp\/41102 after 100 datagrams \(100 not an ATAG announcement in scope\)/) }]);
      expect(performance.now() - started).toBeLessThan(6_000);
    } finally {
      clearInterval(flood);
      await new Promise<void>((resolve) => sender.close(() => resolve()));
    }
  });

  it('ends at once when the scan is stopped', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 200);
    const result = await discover(resolveScope({ targets: ['127.81.10.1'] }), { sources: { ...ONLY_ATAG_AND_TCP, tcp: false }, atag: { port: PORT + 3 } }, { signal: controller.signal });
    expect(result.problems).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
