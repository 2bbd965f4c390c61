// The wild corpus: real devices' discovery answers from public third-party material. Every entry
// names its source and licence; the files follow their schema; replay gives identification the facts
// a scan would; and identification never claims a wrong vendor or kind with confidence on it.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadWildCorpus, type WildDevice } from '../../src/bench/wild/corpus.js';
import { factsOf } from '../../src/bench/wild/replay.js';
import { wildDeviceToFleet } from '../../src/bench/wild/to-fleet.js';
import { describeWild } from '../../src/bench/wild/report.js';
import { sameModel, scoreCorpus, type WildScore } from '../../src/bench/wild/score.js';
import { loadFingerprints } from '../../src/identify/index.js';

// Batch 4 (README there): scored blind, its confident misses are a known gap of their own below.
const BATCH_4 = ['jupnp-held-out.yaml', 'upnpclient-held-out.yaml'];

let corpus: WildDevice[];
let score: WildScore;
beforeAll(() => {
  corpus = loadWildCorpus();
  score = scoreCorpus(corpus, loadFingerprints());
});

describe('the wild corpus files', () => {
  it('hold at least 100 devices, each with a source repository, a licence and the truth the source states', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(100);
    for (const device of corpus) {
      expect(device.source.repo, device.id).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(device.source.licence, device.id).toMatch(/^(MIT|Apache-2\.0|BSD-[23]-Clause|CDDL-1\.0)$/);
      expect(device.path.length, device.id).toBeGreaterThan(0);
      expect(device.truth.basis.length, device.id).toBeGreaterThan(5);
    }
  });

  it('cover cameras, doorbells, TVs, printers, speakers, routers, NAS boxes, plugs and hubs', () => {
    const kinds = new Set(corpus.map((device) => device.truth.kind));
    for (const kind of ['camera', 'doorbell', 'tv', 'printer', 'speaker', 'router', 'nas', 'plug', 'hub'] as const) expect(kinds).toContain(kind);
  });

  it('cover vacuums (iRobot Roombas from Home Assistant\'s tests)', () => {
    expect(corpus.some((device) => device.truth.kind === 'vacuum')).toBe(true);
  });

  it('cover thermostats and energy meters too (Plugwise and HomeWizard from Home Assistant\'s tests)', () => {
    expect(corpus.some((device) => device.truth.kind === 'thermostat')).toBe(true);
    expect(corpus.some((device) => device.truth.kind === 'energy-meter')).toBe(true);
  });

  it('hold the Home Assistant batch 3: 40 devices across kinds, scored blind once and tuned since (no longer held out), each with the version of the test file read', () => {
    const batch = corpus.filter((device) => device.file === 'home-assistant-held-out.yaml');
    expect(batch.length).toBeGreaterThanOrEqual(40);
    for (const device of batch) {
      expect(device.heldOut, device.id).toBeUndefined();
      expect(device.commit, device.id).toMatch(/^[0-9a-f]{40}$/);
      expect(device.path, device.id).toMatch(/^tests\/components\/[a-z0-9_]+\//);
    }
    const kinds = new Set(batch.map((device) => device.truth.kind));
    for (const kind of ['tv', 'vacuum', 'thermostat', 'speaker', 'media-player', 'hub', 'energy-meter', 'appliance'] as const) expect(kinds).toContain(kind);
  });

  it('hold the blind batch 4: 24 held-out UPnP descriptions from jupnp and upnpclient, each with the version of the file read', () => {
    const batch = corpus.filter((device) => BATCH_4.includes(device.file));
    expect(batch.length).toBeGreaterThanOrEqual(24);
    // Read after scoring and tuned for (README): their marks are dropped.
    const tuned = ['jupnp-ceton-infinitv', 'jupnp-philips', 'jupnp-zyxel-miviewtv'];
    for (const device of batch) {
      expect(device.heldOut, device.id).toBe(tuned.includes(device.id) ? undefined : true);
      expect(device.commit, device.id).toMatch(/^[0-9a-f]{40}$/);
      expect(device.path, device.id).toMatch(/^(bundles\/org\.jupnp\/src\/test\/resources\/invalidxml\/device\/|tests\/xml\/)/);
      expect(device.wire.ssdp?.[0]?.description, device.id).toMatch(/<root[\s>]/);
    }
    const kinds = new Set(batch.map((device) => device.truth.kind));
    for (const kind of ['media-player', 'computer', 'router', 'hub', 'phone', 'speaker'] as const) expect(kinds).toContain(kind);
  });

  it('hold held-out devices, which the bench scores on a line of their own', () => {
    const held = corpus.filter((device) => device.heldOut);
    expect(held.length).toBeGreaterThan(0);
    const line = describeWild(score, { verbose: false }).lines.find((text) => text.includes('held out'));
    expect(line).toContain(`held out (no rule written for them): ${held.length} devices`);
    const heldRight = score.devices.filter((entry) => entry.device.heldOut && entry.vendorRight).length;
    expect(line).toContain(`vendor ${heldRight} (`);
  });

  it('list the misses of devices not held out with --verbose, and held-out misses only with --show-held-out', () => {
    const missed = score.devices.filter((entry) => !entry.vendorRight || !entry.kindRight || entry.modelRight === false);
    const listedIn = (lines: string[]): Set<string> => new Set(missed.map((entry) => entry.device.id).filter((id) => lines.some((line) => line.startsWith(`    ${id}: `))));
    const verbose = listedIn(describeWild(score, { verbose: true }).lines);
    const held = listedIn(describeWild(score, { verbose: false, showHeldOut: true }).lines);
    const both = listedIn(describeWild(score, { verbose: true, showHeldOut: true }).lines);
    expect(missed.some((entry) => entry.device.heldOut)).toBe(true);
    expect([...verbose].sort()).toEqual(missed.filter((entry) => !entry.device.heldOut).map((entry) => entry.device.id).sort());
    expect([...held].sort()).toEqual(missed.filter((entry) => entry.device.heldOut).map((entry) => entry.device.id).sort());
    expect(both.size).toBe(missed.length);
    expect(listedIn(describeWild(score, { verbose: false }).lines).size).toBe(0);
  });

  it('refuse a device without a source path, naming the file and the entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wild-'));
    const entry = { id: 'no-path', truth: { vendor: 'X', kind: 'camera', model: null, basis: 'a test entry' }, wire: { snmp: { sysDescr: 'x' } } };
    writeFileSync(join(dir, 'bad.yaml'), JSON.stringify({ source: { repo: 'a/b', licence: 'MIT', url: 'https://example.org', what: 'a test source' }, devices: [entry] }));
    expect(() => loadWildCorpus(dir)).toThrow(/bad\.yaml: devices › 0 \(id "no-path"\).*path/);
  });
});

describe('replaying a corpus device', () => {
  it('can hold a WS-Discovery answer, recorded or as fields, and replays it through discovery\'s parser', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wild-'));
    const probeMatch = readFileSync(new URL('../fixtures/wsd/agsh-onvif-predator-probe-match.xml', import.meta.url), 'utf8');
    const entries = [
      { id: 'recorded', path: 'test/serverMockup/Probe.xml', truth: { vendor: 'X', kind: 'camera', model: 'HD_PREDATOR', basis: 'a test entry' }, wire: { wsd: [{ probeMatch }] } },
      { id: 'listed', path: 'x', truth: { vendor: 'X', kind: 'printer', model: null, basis: 'a test entry' }, wire: { wsd: [{ types: ['wsdp:Device', 'wprt:PrintDeviceType'] }] } },
    ];
    writeFileSync(join(dir, 'wsd.yaml'), JSON.stringify({ source: { repo: 'agsh/onvif', licence: 'MIT', url: 'https://github.com/agsh/onvif', what: 'a test source' }, devices: entries }));
    const [recorded, listed] = loadWildCorpus(dir);
    expect(factsOf(recorded!).wsd).toEqual([expect.objectContaining({ endpoint: 'uuid:c9790c3a-701b-464d-a189-0060351c8ada', types: ['dn:NetworkVideoTransmitter', 'tds:Device'] })]);
    expect(factsOf(recorded!).discoveredBy).toEqual(['wsd']);
    expect(factsOf(listed!).wsd).toEqual([{ endpoint: 'urn:wild:1', types: ['wsdp:Device', 'wprt:PrintDeviceType'], scopes: [], xaddrs: [] }]);
    expect(wildDeviceToFleet(recorded!, 0).wsd).toEqual({ probeMatch });
    writeFileSync(join(dir, 'wsd.yaml'), JSON.stringify({ source: { repo: 'a/b', licence: 'MIT', url: 'https://example.org', what: 'a test source' }, devices: [{ ...entries[1], wire: { wsd: [{ types: ['x:Y'], extra: 1 }] } }] }));
    expect(() => loadWildCorpus(dir)).toThrow(/wsd\.yaml/);
  });

  it('parses a verbatim description XML as discovery does (a WeMo humidifier)', () => {
    const humidifier = corpus.find((device) => device.id.startsWith('pywemo-humidifier'))!;
    const facts = factsOf(humidifier);
    expect(facts.ssdp[0]?.description).toMatchObject({ manufacturer: 'Belkin International Inc.', modelName: 'Humidifier', deviceType: 'urn:Belkin:device:Humidifier:1' });
    expect(facts.discoveredBy).toEqual(['ssdp']);
  });

  it('turns a recorded WWW-Authenticate header into the realm discovery records', () => {
    const withRealm = corpus.find((device) => device.wire.tcp?.[0]?.http?.headers?.['www-authenticate'])!;
    expect(factsOf(withRealm).ports[0]?.http?.realm).toBeTruthy();
  });
});

describe('identification on the wild corpus', () => {
  it('claims no wrong vendor or kind with confidence (blind batch 4 apart, below)', () => {
    const wrong = score.devices.filter((entry) => entry.confidentlyWrong.length > 0 && !BATCH_4.includes(entry.device.file)).map((entry) => `${entry.device.id}: ${entry.confidentlyWrong.join(', ')}`);
    expect(wrong).toEqual([]);
  });

  // Known gap (issue 11): scored blind, batch 4 (real devices' UPnP descriptions from jupnp and upnpclient) got 4 kinds
  // confidently wrong with the rules of 3c729be, 3 after the merges, 1 since a UPnP MediaServer makes a NAS only beside a
  // file-sharing port and Zyxel's name alone no longer says router (README): the Zyxel IPTV set-top box still gets
  // "router" from the weak guess of what Zyxel mostly makes, shown under a sure vendor (one confidence per identity).
  it.fails('claims no wrong kind with confidence on batch 4 (known gap of issue 11: a weak maker-kind guess under a sure vendor)', () => {
    const wrong = score.devices.filter((entry) => entry.confidentlyWrong.length > 0 && BATCH_4.includes(entry.device.file)).length;
    expect(wrong).toBe(0);
  });

  it('names the model of at least 80 % of the devices whose answers show one', () => {
    expect(score.model / score.withModel).toBeGreaterThanOrEqual(0.8);
  });

  it('names the vendor and the kind of at least 90 % of the devices the rules were written with (not held out)', () => {
    const tuned = score.devices.filter((entry) => !entry.device.heldOut);
    expect(tuned.filter((entry) => entry.vendorRight).length / tuned.length).toBeGreaterThanOrEqual(0.9);
    expect(tuned.filter((entry) => entry.kindRight).length / tuned.length).toBeGreaterThanOrEqual(0.9);
  });

  // Known gap (issue 11): the held-out Recog banners, above all the blind second batch, often name no
  // maker, model series or product line ("KM-MFP-http/V0.0.1"), and the third batch (Home Assistant's
  // discovery infos, blind: vendor 14 of 40) often carries no more than a name, so the whole corpus
  // stays under 90 %.
  it.fails('names the vendor of at least 90 % of all devices, held out included (known gap of issue 11: makerless held-out banners, blind held-out batches)', () => {
    expect(score.vendor / score.devices.length).toBeGreaterThanOrEqual(0.9);
  });

  it.fails('names the kind of at least 90 % of all devices, held out included (known gap of issue 11: makerless held-out banners, blind held-out batches)', () => {
    expect(score.kind / score.devices.length).toBeGreaterThanOrEqual(0.9);
  });

  it('counts a model as named when one spelling holds the other or they share a model number', () => {
    expect(sameModel('LaserJet M1536dnf', 'M1536dnf MFP')).toBe(true);
    expect(sameModel('FRITZ!Box 7590', 'FRITZ!Box 7590')).toBe(true);
    expect(sameModel('Wireless-G ADSL Home Gateway', 'WAG200G')).toBe(false);
    expect(sameModel(null, 'WAG200G')).toBe(false);
  });
});
