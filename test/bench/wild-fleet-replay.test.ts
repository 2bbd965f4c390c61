// Issue 11: the wild corpus replayed through the mock fleet. Each sampled device is converted to a
// fleet entry, served on loopback, found by a real discovery run and identified from what discovery
// saw; it must be named exactly as the direct replay names it. A difference means the fleet format
// cannot say something the device said (or discovery does not read it), never a tolerance.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadWildCorpus, type WildDevice } from '../../src/bench/wild/corpus.js';
import { replayThroughFleet, type FleetReplay } from '../../src/bench/wild/fleet-replay.js';
import { scoreCorpus, type WildScore } from '../../src/bench/wild/score.js';
import { wildDeviceToFleet, wildFleet } from '../../src/bench/wild/to-fleet.js';
import { fleetFromText } from '../../src/mocks/fleet-file.js';
import { loadFingerprints } from '../../src/identify/index.js';
import type { Identity } from '../../src/model.js';

// This file's loopback range (the bench uses 127.96.16.0/23).
const RANGE = '127.96.1.0/24';

/** Hosts whose only answer is FTP on 21: discovery sweeps 21 only on hosts that answered elsewhere. */
const ftpOnly = (device: WildDevice): boolean =>
  !device.wire.ssdp && !device.wire.mdns && !device.wire.snmp && (device.wire.tcp ?? []).every((tcp) => tcp.port === 21);

/** Every device with SSDP, mDNS or SNMP answers, every second one of the rest: all kinds of answer, half the time. */
function sample(corpus: WildDevice[]): WildDevice[] {
  return corpus.filter((device, index) => device.wire.ssdp || device.wire.mdns || device.wire.snmp || index % 2 === 0);
}

const named = (identity: Identity) => ({ vendor: identity.vendor, model: identity.model, kind: identity.kind, firmware: identity.firmware });

let devices: WildDevice[];
let direct: WildScore;
let replay: FleetReplay;

beforeAll(async () => {
  devices = sample(loadWildCorpus());
  const knowledge = loadFingerprints();
  direct = scoreCorpus(devices, knowledge);
  replay = await replayThroughFleet(devices, knowledge, { range: RANGE });
}, 120_000);

describe('the wild corpus through the mock fleet', () => {
  it('samples every kind of answer the corpus holds', () => {
    expect(devices.length).toBeGreaterThanOrEqual(60);
    expect(devices.filter((d) => d.wire.ssdp).length).toBeGreaterThanOrEqual(20);
    expect(devices.filter((d) => d.wire.mdns).length).toBeGreaterThanOrEqual(10);
    expect(devices.filter((d) => d.wire.snmp).length).toBeGreaterThanOrEqual(10);
    expect(devices.filter((d) => d.wire.tcp?.some((tcp) => tcp.http)).length).toBeGreaterThanOrEqual(15);
  });

  it('names every device discovery finds exactly as the direct replay does', () => {
    const expected: Record<string, ReturnType<typeof named>> = {};
    const actual: Record<string, ReturnType<typeof named>> = {};
    devices.forEach((device, index) => {
      if (ftpOnly(device)) return;
      expected[device.id] = named(direct.devices[index]!.identity);
      actual[device.id] = named(replay.score.devices[index]!.identity);
    });
    expect(actual).toEqual(expected);
    expect(replay.notFound.filter((id) => !devices.find((d) => d.id === id && ftpOnly(d)))).toEqual([]);
  });

  it('scores the same vendor, kind and model figures, FTP-only hosts aside', () => {
    const without = (score: WildScore) => score.devices.filter((entry) => !ftpOnly(entry.device));
    const figures = (score: WildScore) => ({
      vendor: without(score).filter((e) => e.vendorRight).length,
      kind: without(score).filter((e) => e.kindRight).length,
      model: without(score).filter((e) => e.modelRight).length,
    });
    expect(figures(replay.score)).toEqual(figures(direct));
  });

  // Known gap (issue 11, "Ports"), kept by decision: port 21 is swept only on a host that answered on a
  // liveness port or another source. On a LAN an FTP-only host resets the liveness ports and is swept;
  // on loopback every address resets, so a device that opens FTP alone (Recog's FTP banners) is not
  // found. Making 21 a liveness port would cost every absent LAN address one more 700 ms connection slot
  // (docs/discovery.md, "Why FTP (21) is not a liveness port").
  it.fails('finds a host whose only open port is FTP (known gap of issue 11, Ports: 21 is not a liveness port)', () => {
    const missed = devices.filter(ftpOnly).map((device) => device.id);
    expect(missed.length).toBeGreaterThan(0);
    expect(replay.notFound.filter((id) => missed.includes(id))).toEqual([]);
  });
});

describe('the converter', () => {
  const corpus = loadWildCorpus();

  it('writes fleets the fleet loader accepts, schema and checks included', () => {
    expect(() => fleetFromText('converted', JSON.stringify(wildFleet(corpus, '127.96.6.0/23')))).not.toThrow();
  });

  it('takes nothing from the truth: a neutral host name, and the corpus id (which names vendor and model) nowhere on the wire', () => {
    corpus.forEach((device, index) => {
      const converted = wildDeviceToFleet(device, index);
      expect(converted.hostname).toBe(`host-${index + 1}`);
      expect(converted.id).toBe(`wild-${index + 1}`);
      const sent = JSON.stringify({ ssdp: converted.ssdp, mdns: converted.mdns, snmp: converted.snmp, services: converted.services });
      expect(sent, device.id).not.toContain(device.id);
    });
  });

  it('keeps two recorded roots of one device apart: each reply with its own LOCATION path and document', () => {
    const fritz = corpus.find((device) => (device.wire.ssdp?.length ?? 0) > 1)!;
    const ssdp = wildDeviceToFleet(fritz, 0).ssdp!;
    expect(ssdp.port).toBe(49000);
    expect(ssdp.descriptionPath).toBe('/igddesc.xml');
    expect(ssdp.replies?.map((reply) => reply.path)).toEqual(['/igddesc.xml', '/tr64desc.xml']);
    expect(Object.keys(ssdp.documents ?? {})).toEqual(['/tr64desc.xml']);
    expect(ssdp.descriptionXml).toBe(fritz.wire.ssdp![0]!.description);
  });

  it('turns a recorded Basic refusal into a Basic login with the recorded realm, other headers verbatim', () => {
    const withRealm = corpus.find((device) => device.wire.tcp?.some((tcp) => tcp.http?.status === 401 && /basic/i.test(JSON.stringify(tcp.http.headers ?? {}))))!;
    const [service] = wildDeviceToFleet(withRealm, 0).services!;
    const header = Object.entries(withRealm.wire.tcp![0]!.http!.headers!).find(([name]) => name.toLowerCase() === 'www-authenticate')![1];
    expect(service).toMatchObject({ type: 'http', auth: 'basic', realm: /realm="?([^"]*)"?/i.exec(header)![1] });
  });

  it('turns a camera\'s recorded RTSP challenge into an RTSP login with that scheme and realm, so discovery reads the realm as from the camera', () => {
    const cameras = corpus.filter((device) => device.wire.tcp?.[0]?.name === 'rtsp' && device.wire.tcp[0].http?.headers?.['www-authenticate']);
    expect(cameras.length).toBeGreaterThanOrEqual(2);
    for (const camera of cameras) {
      const header = camera.wire.tcp![0]!.http!.headers!['www-authenticate']!;
      const [service] = wildDeviceToFleet(camera, 0).services!;
      expect(service, camera.id).toMatchObject({ type: 'rtsp', auth: /^digest/i.test(header) ? 'digest' : 'basic', realm: /realm="([^"]*)"/i.exec(header)![1] });
    }
    const silent = corpus.find((device) => device.wire.tcp?.[0]?.name === 'rtsp' && !device.wire.tcp[0].http?.headers?.['www-authenticate'])!;
    expect(wildDeviceToFleet(silent, 0).services![0]).toMatchObject({ type: 'rtsp', auth: 'none' });
    expect(wildDeviceToFleet(silent, 0).services![0]).not.toHaveProperty('realm');
  });
});
