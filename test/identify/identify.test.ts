import { beforeAll, describe, expect, it } from 'vitest';
import { compileFingerprints, identify, loadFingerprints, type FingerprintKnowledge } from '../../src/identify/index.js';
import { emptyFacts, recordedFacts } from './helpers.js';

let knowledge: FingerprintKnowledge;
beforeAll(() => {
  knowledge = loadFingerprints();
});

function ruleIds(identity: ReturnType<typeof identify>): string[] {
  return identity.evidence.map((item) => item.ruleId ?? '');
}

describe('identify on recorded devices', () => {
  it('names a Hikvision camera from its Server header, digest realm and UPnP description', () => {
    const identity = identify(recordedFacts('hikvision-ds-2cd2142fwd-i'), knowledge);
    expect(identity).toMatchObject({
      vendor: 'Hikvision',
      model: 'DS-2CD2142FWD-I',
      firmware: 'V5.5.0 build 170725',
      kind: 'camera',
    });
    expect(ruleIds(identity)).toEqual(expect.arrayContaining(['hikvision-http-server', 'hikvision-upnp-model']));
    expect(identity.components).toContainEqual(expect.objectContaining({ name: 'libupnp', version: '1.6.18' }));
    expect(identity.confidence).toBeGreaterThan(0.8);
  });

  it('names a Google Home Mini from its Cast TXT model', () => {
    const identity = identify(recordedFacts('google-home-mini'), knowledge);
    expect(identity).toMatchObject({ vendor: 'Google', model: 'Home Mini', kind: 'speaker', firmware: null });
    const cast = identity.evidence.find((item) => item.ruleId === 'cast-google-speaker');
    expect(cast?.source).toBe('mdns');
    expect(cast?.detail).toContain('Google Home Mini');
  });

  it('names a Hue bridge from its description, with one vendor for the OUI, mDNS and UPnP spellings', () => {
    const identity = identify(recordedFacts('philips-hue-bridge-bsb002'), knowledge);
    expect(identity).toMatchObject({ vendor: 'Philips', model: 'hue bridge 2015', kind: 'hub' });
    // IpBridge/<n> is the API version: it must not pass for firmware.
    expect(identity.firmware).toBeNull();
    expect(ruleIds(identity)).toEqual(expect.arrayContaining(['hue-bridge-description', 'hue-bridge-mdns', 'signify-oui']));
  });

  it('names an HP printer from SNMP, its IPP announcement and its web server', () => {
    const identity = identify(recordedFacts('hp-laserjet-m254dw'), knowledge);
    expect(identity).toMatchObject({ vendor: 'HP', model: 'Color LaserJet Pro M254dw', kind: 'printer' });
    expect(identity.evidence.map((item) => item.source)).toEqual(expect.arrayContaining(['snmp', 'mdns', 'tcp']));
  });

  it('reads model and FRITZ!OS version from a FRITZ!Box SERVER header', () => {
    const identity = identify(recordedFacts('avm-fritzbox-7590'), knowledge);
    expect(identity).toMatchObject({ vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57', kind: 'router' });
  });

  it('names a Synology NAS and its DSM version from the UPnP description and the DSM login page', () => {
    const identity = identify(recordedFacts('synology-ds920plus'), knowledge);
    expect(identity).toMatchObject({ vendor: 'Synology', model: 'DS920+', firmware: 'DSM 7.2-64570', kind: 'nas' });
    expect(ruleIds(identity)).toContain('synology-http-title');
  });

  it('lists software components with their versions from banners and Server headers', () => {
    const identity = identify(recordedFacts('openwrt-router-dropbear-busybox'), knowledge);
    const versions = Object.fromEntries(identity.components.map((component) => [component.name, component.version]));
    expect(versions).toMatchObject({ dropbear: '2019.78', BusyBox: '1.31.1', lighttpd: '1.4.59', miniupnpd: '2.1' });
    expect(identity.kind).toBe('router');
    expect(identity.components.find((component) => component.name === 'dropbear')?.evidence).toContain('SSH-2.0-dropbear_2019.78');
  });

  it('says unknown, names no vendor and claims no confidence when nothing matches', () => {
    const identity = identify(recordedFacts('unknown-host'), knowledge);
    expect(identity).toEqual({
      vendor: null,
      model: null,
      firmware: null,
      kind: 'unknown',
      confidence: 0,
      attributes: { vendor: 0, model: 0, kind: 0 },
      evidence: [],
      components: [],
    });
  });
});

describe('combining evidence', () => {
  const rules = compileFingerprints([
    {
      file: 'conflict.yaml',
      data: {
        rules: [
          { id: 'weak-oui', match: { oui: '^Acme$' }, give: { vendor: 'Acme', kind: 'plug' }, confidence: 0.3, source: 'test' },
          {
            id: 'strong-description',
            match: { ssdp: { manufacturer: '^Globex$', modelName: '^(?<model>GX-\\d+)$' } },
            give: { vendor: 'Globex', model: '{model}', kind: 'camera' },
            confidence: 0.9,
            source: 'test',
          },
          { id: 'acme-model', match: { oui: '^Acme$' }, give: { vendor: 'Acme', model: 'Acme Plug' }, confidence: 0.3, source: 'test' },
          { id: 'generic-kind', match: { ports: [554] }, give: { kind: 'camera' }, confidence: 0.2, source: 'test' },
        ],
      },
    },
  ]);
  const facts = emptyFacts({
    macVendor: 'Acme',
    ssdp: [{ types: [], description: { manufacturer: 'Globex', modelName: 'GX-200', services: [], deviceTypes: [] } }],
    ports: [{ transport: 'tcp', port: 554, name: 'rtsp' }],
  });

  it('takes each attribute from the most confident evidence and never pairs a model with another maker', () => {
    const identity = identify(facts, rules);
    expect(identity).toMatchObject({ vendor: 'Globex', model: 'GX-200', kind: 'camera' });
    expect(identity.evidence.map((item) => item.ruleId)).toEqual(['strong-description', 'weak-oui', 'acme-model', 'generic-kind']);
  });

  it('lets agreeing weak evidence outweigh one stronger claim', () => {
    const agreeing = compileFingerprints([
      {
        file: 'agree.yaml',
        data: {
          rules: [
            { id: 'a', match: { oui: '^Acme$' }, give: { vendor: 'Acme' }, confidence: 0.6, source: 'test' },
            { id: 'b', match: { ports: [554] }, give: { vendor: 'Acme' }, confidence: 0.6, source: 'test' },
            { id: 'c', match: { ssdp: { manufacturer: 'Globex' } }, give: { vendor: 'Globex' }, confidence: 0.8, source: 'test' },
          ],
        },
      },
    ]);
    expect(identify(facts, agreeing).vendor).toBe('Acme');
  });

  it('drops an attribute whose template names a capture that did not take part', () => {
    const optional = compileFingerprints([
      {
        file: 'optional.yaml',
        data: {
          rules: [
            {
              id: 'optional-version',
              match: { http: { server: '^Widget(/(?<version>[\\d.]+))?$' } },
              give: { vendor: 'Widget', firmware: '{version}' },
              confidence: 0.8,
              source: 'test',
            },
          ],
        },
      },
    ]);
    const withoutVersion = emptyFacts({ ports: [{ transport: 'tcp', port: 80, name: 'http', http: { status: 200, server: 'Widget', headers: {} } }] });
    expect(identify(withoutVersion, optional)).toMatchObject({ vendor: 'Widget', firmware: null });
  });

  it('requires all conditions of a group to hold on the same record', () => {
    const sameService = compileFingerprints([
      {
        file: 'same.yaml',
        data: {
          rules: [
            { id: 'cast-md', match: { mdns: { type: '_googlecast._tcp', txt: { md: '^Chromecast$' } } }, give: { kind: 'media-player' }, confidence: 0.9, source: 'test' },
          ],
        },
      },
    ]);
    const split = emptyFacts({
      mdns: [
        { instance: 'a', type: '_googlecast._tcp', port: 8009, txt: {} },
        { instance: 'b', type: '_http._tcp', port: 80, txt: { md: 'Chromecast' } },
      ],
    });
    expect(identify(split, sameService).kind).toBe('unknown');
  });

  it('steps a rule aside when its unless conditions hold', () => {
    const identity = identify(emptyFacts({ macVendor: 'Espressif Inc.' }), knowledge);
    expect(identity.vendor).toBeNull();
    expect(identify(emptyFacts({ macVendor: 'Zorgo Widgets GmbH' }), knowledge).vendor).toBe('Zorgo Widgets');
  });
});

describe('service types only one maker announces', () => {
  it('name the maker, and the kind where the type is the API of one product kind (a Lutron bridge)', () => {
    const identity = identify(emptyFacts({ mdns: [{ type: '_lutron._tcp', instance: 'Lutron Status', port: 22, txt: { SYSTYPE: 'SmartBridge2' } }] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Lutron', kind: 'hub' });
    expect(ruleIds(identity)).toContain('lutron-bridge-mdns');
  });

  it('name only the maker where one API serves several kinds (devolo\'s device API)', () => {
    const identity = identify(emptyFacts({ mdns: [{ type: '_dvl-deviceapi._tcp', instance: 'devolo', port: 14791, txt: {} }] }), knowledge);
    expect(identity.vendor).toBe('devolo');
    expect(ruleIds(identity)).toContain('devolo-device-api-mdns');
  });

  it('names a Hikvision recorder by its DVRDVS-Webs Server header', () => {
    const port = { transport: 'tcp' as const, port: 80, name: 'http', http: { status: 200, headers: {}, server: 'DVRDVS-Webs' } };
    const identity = identify(emptyFacts({ ports: [port] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Hikvision', kind: 'camera' });
    expect(ruleIds(identity)).toContain('hikvision-dvr-http-server');
  });
});
