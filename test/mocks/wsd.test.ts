// The mock fleet's WS-Discovery answers (udp/3702 on each device's loopback address): built from a wsd
// section or replayed from a recorded ProbeMatches with the Probe's MessageID as RelatesTo, only to
// Probes that ask for the device's types, and recorded back into a fleet file by scan --record.
// Loopback: 127.78.38.0/24.

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { withDefaults } from '../../src/discovery/options.js';
import type { SourceContext } from '../../src/discovery/source.js';
import { wsdSource } from '../../src/discovery/wsd/source.js';
import { mergeObservations } from '../../src/discovery/merge.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import { startFleet, type RunningFleet } from '../../src/mocks/index.js';
import { deviceFromScan } from '../../src/mocks/record/from-scan.js';
import { probeAsksFor } from '../../src/mocks/wsd/messages.js';
import type { Device, HostFacts, Observation } from '../../src/model.js';
import { resolveScope } from '../../src/scope/index.js';
import { fleetOf } from './helpers.js';

const recorded = readFileSync(new URL('../fixtures/wsd/agsh-onvif-predator-probe-match.xml', import.meta.url), 'utf8')
  .replace('SERVICE_URI', 'http://{{address}}:8899/onvif/device_service');

const fleetYaml = (range: string, extra = '') => `
name: wsd-test
range: ${range}
devices:
  - id: camera
    kind: camera
    vendor: Tapo
    model: C210
    wsd:
      types: [dn:NetworkVideoTransmitter, tds:Device]
      scopes: [onvif://www.onvif.org/hardware/C210, onvif://www.onvif.org/name/Tapo_C210]
      xaddrs: ["http://{{address}}:2020/onvif/device_service"]
  - id: printer
    kind: printer
    vendor: Quillon
    model: JetDesk 410
    wsd: { types: [wsdp:Device, wprt:PrintDeviceType], xaddrs: ["http://{{address}}:5357/wsd"] }
  - id: predator
    kind: camera
    vendor: unknown
    model: HD_PREDATOR
    wsd:
      probeMatch: ${JSON.stringify(recorded)}
  - id: shy
    kind: camera
    vendor: unknown
    model: unknown
    knobs: { silent: true }
    wsd: { types: [dn:NetworkVideoTransmitter] }
${extra}`;

const running: RunningFleet[] = [];
afterEach(async () => {
  for (const fleet of running.splice(0)) await fleet.close();
});

async function scan(target: string): Promise<{ facts: HostFacts[]; problems: string[] }> {
  const observations: Observation[] = [];
  const problems: string[] = [];
  const ctx: SourceContext = {
    scope: resolveScope({ targets: [target] }),
    options: withDefaults({ wsd: { waitMs: 400 } }),
    signal: new AbortController().signal,
    emit: (observation) => observations.push(observation),
    problem: (message) => problems.push(message),
    hostDone: () => {},
    seenElsewhere: async () => false,
    othersDone: async () => true,
  };
  await wsdSource(ctx);
  return { facts: mergeObservations(observations), problems };
}

describe('the mock fleet over WS-Discovery', () => {
  it('answers a Probe only for types the device has, matched by local name', () => {
    const probe = (types: string[]) => ({ messageId: 'urn:uuid:x', types });
    expect(probeAsksFor(probe([]), ['wsdp:Device', 'wprt:PrintDeviceType'])).toBe(true);
    expect(probeAsksFor(probe(['wsdp:Device']), ['d:Device', 'wprt:PrintDeviceType'])).toBe(true);
    expect(probeAsksFor(probe(['dn:NetworkVideoTransmitter']), ['wsdp:Device', 'wprt:PrintDeviceType'])).toBe(false);
  });

  it('serves built and recorded ProbeMatches that the source keeps, and a silent device none', async () => {
    const fleet = await startFleet(fleetOf(fleetYaml('127.78.38.0/29')));
    running.push(fleet);
    expect(fleet.served.filter((s) => s.protocol === 'wsd').map((s) => `${s.address} udp/${s.port}`)).toEqual(['127.78.38.1 udp/3702', '127.78.38.2 udp/3702', '127.78.38.3 udp/3702', '127.78.38.4 udp/3702']);
    const { facts, problems } = await scan('127.78.38.0/29');
    // The recorded reply relates to this scan's Probe, or the source would have ignored it and said so.
    expect(problems).toEqual([]);
    expect(facts.map((host) => host.ip)).toEqual(['127.78.38.1', '127.78.38.2', '127.78.38.3']);
    const [camera, printer, predator] = facts.map((host) => host.wsd?.[0]);
    expect(camera).toMatchObject({ types: ['dn:NetworkVideoTransmitter', 'tds:Device'], scopes: ['onvif://www.onvif.org/hardware/C210', 'onvif://www.onvif.org/name/Tapo_C210'], xaddrs: ['http://127.78.38.1:2020/onvif/device_service'], metadataVersion: 1 });
    expect(camera!.endpoint).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(printer).toMatchObject({ types: ['wsdp:Device', 'wprt:PrintDeviceType'], scopes: [], xaddrs: ['http://127.78.38.2:5357/wsd'] });
    expect(predator).toMatchObject({ endpoint: 'uuid:c9790c3a-701b-464d-a189-0060351c8ada', xaddrs: ['http://127.78.38.3:8899/onvif/device_service'] });
  });

  it('records what a device said (its reply as sent, its address as {{address}}) and replays it elsewhere the same', async () => {
    const first = await startFleet(fleetOf(fleetYaml('127.78.38.8/29')));
    running.push(first);
    const { facts } = await scan('127.78.38.9');
    const knowledge = loadFingerprints();
    const device = { id: 'ip-127.78.38.9', ip: '127.78.38.9', facts: facts[0]!, identity: identify(facts[0]!, knowledge) } as unknown as Device;
    const raw = deviceFromScan(device, 0, { pages: new Map(), wire: { descriptions: new Map(), igd: new Map() }, findings: [] } as never);
    expect(raw.wsd?.probeMatch).toContain('http://{{address}}:2020/onvif/device_service');
    expect(raw.wsd?.probeMatch).not.toContain('127.78.38.9');
    expect(raw.wsd?.xaddrs).toEqual(['http://{{address}}:2020/onvif/device_service']);
    expect(parse(JSON.stringify(raw)).wsd.types).toEqual(['dn:NetworkVideoTransmitter', 'tds:Device']);

    const replay = await startFleet(fleetOf(`name: replay\nrange: 127.78.38.16/29\ndevices:\n  - ${JSON.stringify({ ...raw, address: '127.78.38.17' })}\n`));
    running.push(replay);
    const again = await scan('127.78.38.17');
    const { sent: _a, ...before } = facts[0]!.wsd![0]!;
    const { sent: _b, ...after } = again.facts[0]!.wsd![0]!;
    expect(after).toEqual({ ...before, xaddrs: ['http://127.78.38.17:2020/onvif/device_service'] });
    expect(identify(again.facts[0]!, knowledge)).toMatchObject({ kind: 'camera', model: 'C210' });
  });

  it('a device that answers only multicast Probes is silent to unicast ones (a loopback fleet joins no group), one that answers unicast is heard', async () => {
    const fleet = await startFleet(fleetOf(`name: wsd-answers
range: 127.78.38.24/29
devices:
  - { id: nas, kind: nas, vendor: unknown, model: unknown, wsd: { answers: multicast, types: [wsdp:Device, pub:Computer] } }
  - { id: camera, kind: camera, vendor: unknown, model: unknown, wsd: { answers: unicast, types: [dn:NetworkVideoTransmitter] } }
`));
    running.push(fleet);
    expect(fleet.fleet.devices.map((device) => device.wsd?.answers)).toEqual(['multicast', 'unicast']);
    // Both still hold udp/3702: the multicast-only one sends its answers from there.
    expect(fleet.served.filter((s) => s.protocol === 'wsd').map((s) => s.address)).toEqual(['127.78.38.25', '127.78.38.26']);
    const { facts } = await scan('127.78.38.24/29');
    expect(facts.map((host) => host.ip)).toEqual(['127.78.38.26']);
    // No multicast Probe went out on loopback, so how it answered is not claimed.
    expect(facts[0]!.wsd![0]!.answered).toBeUndefined();
  });

  it('defaults to answering both kinds, as ONVIF cameras do, and refuses an unknown way of answering by name', () => {
    expect(fleetOf(fleetYaml('127.78.38.32/29')).devices[0]!.wsd!.answers).toBe('both');
    const bad = `name: x\nrange: 127.78.38.40/29\ndevices:\n  - { id: cam, kind: camera, vendor: unknown, model: unknown, wsd: { answers: broadcast } }\n`;
    expect(() => fleetOf(bad)).toThrow(/answers/);
  });
});
