// The two-phase TCP sweep on 127.82.5.0/24: which hosts get the full port list, and a silent web port
// costs one probe, not one per scheme.

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/discovery/index.js';
import type { SweepPort } from '../../src/discovery/ports.js';
import { fullSweepDecision } from '../../src/discovery/tcp/source.js';
import { resolveFleet, type RawFleet } from '../../src/mocks/fleet-defaults.js';
import { startFleet, type RunningFleet } from '../../src/mocks/runner.js';
import { resolveScope } from '../../src/scope/index.js';

describe('fullSweepDecision', () => {
  it('sweeps hosts with an open port, and LAN hosts that reset', () => {
    expect(fullSweepDecision('127.0.0.9', ['closed', 'open', 'silent'])).toBe('sweep');
    expect(fullSweepDecision('192.168.1.20', ['closed', 'silent'])).toBe('sweep');
  });

  it('leaves loopback resets and silence to the other sources', () => {
    // The local kernel resets for every loopback address: a reset there proves no device.
    expect(fullSweepDecision('127.0.0.9', ['closed', 'closed'])).toBe('if-seen-elsewhere');
    expect(fullSweepDecision('192.168.1.21', ['silent', 'silent'])).toBe('if-seen-elsewhere');
  });
});

const RAW: RawFleet = {
  name: 'tcp-sweep-test',
  range: '127.82.5.0/24',
  devices: [
    {
      id: 'printer', address: '127.82.5.10', hostname: 'printer', kind: 'printer', vendor: 'HP', model: 'OfficeJet',
      mdns: [{ type: '_pdl-datastream._tcp', instance: 'OfficeJet', port: 9100, txt: {} }],
      services: [{ type: 'open', port: 9100 }],
    },
    { id: 'bare', address: '127.82.5.11', hostname: 'bare', kind: 'printer', vendor: 'HP', model: 'LaserJet', services: [{ type: 'open', port: 9100 }] },
  ],
};

const PORTS: SweepPort[] = [
  { port: 80, name: 'http', probe: 'http' },
  { port: 9100, name: 'jetdirect', probe: 'none' },
];

let fleet: RunningFleet;
let silentWeb: net.Server;
/** What each connection to the silent web port said first ('' when it said nothing). */
const silentWebOpenings: string[] = [];

beforeAll(async () => {
  fleet = await startFleet(resolveFleet(RAW));
  silentWeb = net.createServer((socket) => {
    const index = silentWebOpenings.push('') - 1;
    socket.on('error', () => {});
    // Accepts and never answers, like a vendor's binary protocol on a web port.
    socket.on('data', (chunk: Buffer) => {
      if (silentWebOpenings[index] === '') silentWebOpenings[index] = chunk[0] === 0x16 ? 'tls-hello' : chunk.toString('latin1').split(' ')[0]!;
    });
  });
  await new Promise<void>((resolve) => silentWeb.listen(80, '127.82.5.20', resolve));
}, 30_000);

afterAll(async () => {
  await fleet?.close();
  await new Promise<void>((resolve) => (silentWeb ? silentWeb.close(() => resolve()) : resolve()));
});

describe('two-phase sweep against loopback hosts', () => {
  it('sweeps a host with no liveness port once another source has seen it, and only then', async () => {
    const scope = resolveScope({ targets: ['127.82.5.10-127.82.5.11'] });
    const tcpOnly = await discover(scope, { sources: { mdns: false, ssdp: false, snmp: false, tcp: true, neighbours: false }, tcp: { ports: PORTS } });
    expect(tcpOnly.hosts).toEqual([]);

    const withMdns = await discover(scope, { sources: { mdns: true, ssdp: false, snmp: false, tcp: true, neighbours: false }, tcp: { ports: PORTS } });
    expect(withMdns.hosts.map((h) => h.ip)).toEqual(['127.82.5.10']);
    expect(withMdns.hosts[0]!.ports.map((p) => p.port)).toEqual([9100]);
    expect(withMdns.hosts[0]!.discoveredBy).toEqual(['mdns', 'tcp']);
  });

  it('gives a web port that never answers one HTTP probe, not a second one over TLS', async () => {
    const result = await discover(resolveScope({ targets: ['127.82.5.20'] }), {
      sources: { mdns: false, ssdp: false, snmp: false, tcp: true, neighbours: false },
      tcp: { ports: PORTS, httpAnswerTimeoutMs: 300 },
    });
    const port = result.hosts[0]?.ports.find((p) => p.port === 80);
    expect(port).toMatchObject({ port: 80, name: 'http' });
    expect(port?.http).toBeUndefined();
    // One plain GET, and no TLS handshake after it timed out (the HTTP client may reconnect idle).
    expect(silentWebOpenings.filter((said) => said !== '')).toEqual(['GET']);
  });
});
