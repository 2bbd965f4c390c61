// The WS-Discovery source against hand-made responders on loopback (127.78.37.0/24, port 13702): what
// it asks (three Probes per host, each with its own urn:uuid MessageID), what it keeps (in-scope
// senders, replies to its own Probes), what it refuses and says, and that its wait is bounded and abortable.

import dgram from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { withDefaults } from '../../src/discovery/options.js';
import type { SourceContext } from '../../src/discovery/source.js';
import { wsdSource } from '../../src/discovery/wsd/source.js';
import { PROBE_TYPES } from '../../src/discovery/wsd/probe-hosts.js';
import { MAX_ENDPOINTS_PER_HOST } from '../../src/discovery/wsd/collector.js';
import { mergeObservations } from '../../src/discovery/merge.js';
import type { Observation } from '../../src/model.js';
import { parseProbe, type WsdProbe } from '../../src/protocols/wsd/index.js';
import { resolveScope } from '../../src/scope/index.js';

const PORT = 13702;
const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function probeMatches(relatesTo: string, inner: string): Buffer {
  return Buffer.from(
    '<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://schemas.xmlsoap.org/ws/2004/08/addressing" xmlns:d="http://schemas.xmlsoap.org/ws/2005/04/discovery">' +
      `<s:Header><a:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/ProbeMatches</a:Action><a:RelatesTo>${relatesTo}</a:RelatesTo></s:Header>` +
      `<s:Body><d:ProbeMatches>${inner}</d:ProbeMatches></s:Body></s:Envelope>`,
  );
}

const camera = (ip: string, endpoint = 'urn:uuid:cam-1') =>
  `<d:ProbeMatch><a:EndpointReference><a:Address>${endpoint}</a:Address></a:EndpointReference><d:Types>dn:NetworkVideoTransmitter</d:Types>` +
  `<d:Scopes>onvif://www.onvif.org/hardware/C210 onvif://www.onvif.org/name/Tapo</d:Scopes><d:XAddrs>http://${ip}:2020/onvif/device_service</d:XAddrs><d:MetadataVersion>3</d:MetadataVersion></d:ProbeMatch>`;

/** A socket on ip:PORT that hands each Probe to answer(probe, reply) and records what came. */
async function responder(ip: string, answer: (probe: WsdProbe, reply: (datagram: Buffer, from?: dgram.Socket) => void) => void): Promise<WsdProbe[]> {
  const socket = dgram.createSocket('udp4');
  const probes: WsdProbe[] = [];
  socket.on('message', (message, rinfo) => {
    const probe = parseProbe(message);
    probes.push(probe);
    answer(probe, (datagram, from = socket) => from.send(datagram, rinfo.port, rinfo.address));
  });
  await new Promise<void>((resolve) => socket.bind(PORT, ip, resolve));
  closers.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return probes;
}

async function runSource(targets: string[], signal = new AbortController().signal, waitMs = 400) {
  const observations: Observation[] = [];
  const problems: string[] = [];
  const ctx: SourceContext = {
    scope: resolveScope({ targets }),
    options: withDefaults({ wsd: { port: PORT, waitMs } }),
    signal,
    emit: (observation) => observations.push(observation),
    problem: (message) => problems.push(message),
    hostDone: () => {},
    seenElsewhere: async () => false,
    othersDone: async () => true,
  };
  const started = performance.now();
  await wsdSource(ctx);
  return { observations, problems, elapsedMs: performance.now() - started };
}

describe('the WS-Discovery source', () => {
  it('asks each host three Probes with their own MessageIDs and keeps the ProbeMatch as a discovery answer, not a service port', async () => {
    const probes = await responder('127.78.37.2', (probe, reply) => {
      if (probe.types.length === 0 || probe.types.includes('dn:NetworkVideoTransmitter')) reply(probeMatches(probe.messageId, camera('127.78.37.2')));
    });
    const { observations, problems } = await runSource(['127.78.37.2']);
    expect(problems).toEqual([]);
    expect(probes.map((p) => p.types)).toEqual(PROBE_TYPES);
    expect(new Set(probes.map((p) => p.messageId)).size).toBe(3);
    for (const probe of probes) expect(probe.messageId).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(observations).toHaveLength(1);
    expect(observations[0]).toMatchObject({
      source: 'wsd', ip: '127.78.37.2',
      wsd: { endpoint: 'urn:uuid:cam-1', types: ['dn:NetworkVideoTransmitter'], scopes: ['onvif://www.onvif.org/hardware/C210', 'onvif://www.onvif.org/name/Tapo'], xaddrs: ['http://127.78.37.2:2020/onvif/device_service'], metadataVersion: 3 },
    });
    expect((observations[0] as Extract<Observation, { source: 'wsd' }>).wsd.sent).toContain('<d:ProbeMatches>');
    const [host] = mergeObservations(observations);
    expect(host!.discoveredBy).toEqual(['wsd']);
    // Like mDNS 5353 and SSDP 1900, the discovery port is how the device was found, not one of its services.
    expect(host!.ports).toEqual([]);
    expect(host!.wsd).toHaveLength(1);
  });

  it('ignores a reply from an address out of scope, and one that relates to no Probe of this scan', async () => {
    const outsider = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => outsider.bind(0, '127.78.37.99', resolve));
    closers.push(() => new Promise<void>((resolve) => outsider.close(() => resolve())));
    await responder('127.78.37.3', (probe, reply) => {
      reply(probeMatches(probe.messageId, camera('127.78.37.3', 'urn:uuid:from-outside')), outsider);
      reply(probeMatches('urn:uuid:00000000-0000-0000-0000-000000000000', camera('127.78.37.3', 'urn:uuid:stale')));
    });
    const { observations, problems } = await runSource(['127.78.37.3']);
    expect(observations).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^127\.78\.37\.3: \d+ WS-Discovery replies to no Probe of this scan ignored$/)]);
  });

  it('refuses a hostile reply with its reason, caps the endpoints a host may claim, and still reads the honest neighbour', async () => {
    await responder('127.78.37.4', (probe, reply) => {
      reply(Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa">]><s:Envelope><s:Body>&a;</s:Body></s:Envelope>'));
    });
    await responder('127.78.37.5', (probe, reply) => {
      const many = Array.from({ length: 12 }, (_, i) => camera('127.78.37.5', `urn:uuid:clone-${i}`)).join('');
      reply(probeMatches(probe.messageId, many));
    });
    await responder('127.78.37.6', (probe, reply) => reply(probeMatches(probe.messageId, camera('127.78.37.6'))));
    const { observations, problems } = await runSource(['127.78.37.4-6']);
    expect(problems).toContainEqual(expect.stringMatching(/^127\.78\.37\.4: \d+ WS-Discovery replies refused \(message declares a DTD or entities: refused\)$/));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^127\\.78\\.37\\.5: \\d+ WS-Discovery endpoints past the cap of ${MAX_ENDPOINTS_PER_HOST} per host ignored$`)));
    expect(observations.filter((o) => o.ip === '127.78.37.5')).toHaveLength(MAX_ENDPOINTS_PER_HOST);
    expect(observations.filter((o) => o.ip === '127.78.37.6')).toHaveLength(1);
    expect(observations.some((o) => o.ip === '127.78.37.4')).toBe(false);
  });

  it('asks a silent host once more, from a second socket, and ends with its window', async () => {
    const ports = new Set<number>();
    const silent = dgram.createSocket('udp4');
    const probes: string[] = [];
    silent.on('message', (message, rinfo) => {
      ports.add(rinfo.port);
      probes.push(parseProbe(message).messageId);
    });
    await new Promise<void>((resolve) => silent.bind(PORT, '127.78.37.7', resolve));
    closers.push(() => new Promise<void>((resolve) => silent.close(() => resolve())));
    const { observations, elapsedMs } = await runSource(['127.78.37.7'], undefined, 400);
    expect(observations).toEqual([]);
    expect(probes).toHaveLength(2 * PROBE_TYPES.length);
    expect(new Set(probes).size).toBe(probes.length);
    expect(ports.size).toBe(2);
    expect(elapsedMs).toBeGreaterThanOrEqual(390);
    expect(elapsedMs).toBeLessThan(1500);
  });

  it('ends at once when the scan is stopped', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { elapsedMs } = await runSource(['127.78.37.0/28'], controller.signal, 10_000);
    expect(elapsedMs).toBeLessThan(1000);
  });
});
