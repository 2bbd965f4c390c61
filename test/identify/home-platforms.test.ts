// Home devices' own discovery names (knowledge/fingerprints/home-platforms.yaml): each rule holds for
// devices of its family the wild corpus does not hold, a platform's brand stays a weak guess, and
// look-alike names do not trigger it.

import { beforeAll, describe, expect, it } from 'vitest';
import type { HostFacts, MdnsService } from '../../src/model.js';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import type { FingerprintKnowledge } from '../../src/identify/types.js';
import { CONFIDENT_RULE } from '../../src/identify/combine.js';
import { emptyFacts } from './helpers.js';

let knowledge: FingerprintKnowledge;
beforeAll(() => {
  knowledge = loadFingerprints();
});

const mdns = (service: Partial<MdnsService> & { type: string }): HostFacts =>
  emptyFacts({ mdns: [{ instance: '', port: 80, txt: {}, ...service }], discoveredBy: ['mdns'] });
const ruleIds = (facts: HostFacts): string[] => identify(facts, knowledge).evidence.map((item) => item.ruleId ?? '');

describe('service types one maker announces', () => {
  it('names a ROMY robot, a Lutron bridge and a Russound controller from the type alone', () => {
    expect(identify(mdns({ type: '_aicu-http._tcp', instance: 'Kitchen ROMY' }), knowledge)).toMatchObject({ vendor: 'ROMY', kind: 'vacuum' });
    expect(identify(mdns({ type: '_leap._tcp', host: 'lutron-0a1b2c3d.local.' }), knowledge)).toMatchObject({ vendor: 'Lutron', kind: 'hub' });
    expect(identify(mdns({ type: '_rio._tcp', instance: 'MCA-88' }), knowledge)).toMatchObject({ vendor: 'Russound', kind: 'speaker' });
  });

  it('takes the model a StreamMagic player or an AirGradient monitor puts in its TXT record', () => {
    expect(identify(mdns({ type: '_stream-magic._tcp', instance: 'cambridge_EVO150', txt: { model: 'EVO150' } }), knowledge)).toMatchObject({ vendor: 'Cambridge Audio', model: 'EVO150', kind: 'speaker' });
    expect(identify(mdns({ type: '_airgradient._tcp', txt: { vendor: 'AirGradient', model: 'O-1PST' } }), knowledge)).toMatchObject({ vendor: 'AirGradient', model: 'O-1PST', kind: 'sensor' });
  });

  it('names an Overkiz gateway only under its gateway name, as the matchers ask', () => {
    expect(identify(mdns({ type: '_kizbox._tcp', instance: 'gateway-0201-1234-5678' }), knowledge)).toMatchObject({ kind: 'hub' });
    expect(ruleIds(mdns({ type: '_kizbox._tcp', instance: 'living room' }))).not.toContain('overkiz-kizbox-mdns');
  });
});

describe('platforms several brands build on', () => {
  it('gives a BluOS player the kind, and Bluesound only as a weak guess (NAD players announce the same type)', () => {
    const identity = identify(mdns({ type: '_musc._tcp', instance: 'NAD C 658', port: 11000 }), knowledge);
    expect(identity.kind).toBe('speaker');
    expect(identity.vendor).toBe('Bluesound');
    expect(identity.confidence).toBeLessThan(CONFIDENT_RULE);
  });

  it('gives a LinkPlay module the kind; a WiiM by its own name, another brand only weakly as LinkPlay', () => {
    expect(identify(mdns({ type: '_linkplay._tcp', instance: 'WiiM Mini-8A2F' }), knowledge)).toMatchObject({ vendor: 'WiiM', kind: 'speaker' });
    const other = identify(mdns({ type: '_linkplay._tcp', instance: 'Audio Pro A10' }), knowledge);
    expect(other.kind).toBe('speaker');
    expect(other.vendor).toBe('LinkPlay');
    expect(other.confidence).toBeLessThan(CONFIDENT_RULE);
  });
});

describe('HomeKit names of one maker', () => {
  it('names a PowerView gateway by its HomeKit model or name, and not a HomeKit device of another name', () => {
    expect(identify(mdns({ type: '_hap._tcp', instance: 'Bedroom shades', txt: { md: 'PowerView Gen 3 Gateway', ci: '2' } }), knowledge)).toMatchObject({ vendor: 'Hunter Douglas', kind: 'hub' });
    expect(identify(mdns({ type: '_hap._tcp', instance: 'PowerView Hub' }), knowledge)).toMatchObject({ vendor: 'Hunter Douglas', kind: 'hub' });
    expect(ruleIds(mdns({ type: '_hap._tcp', instance: 'Power Strip', txt: { ci: '7' } }))).not.toContain('powerview-homekit-name');
  });
});

describe('instance-name prefixes on _http._tcp', () => {
  it('names Shelly, Bosch SHC, Nettigo, Peblar and Lektrico devices by the prefixes of their names', () => {
    expect(identify(mdns({ type: '_http._tcp', instance: 'shellyplug-s-C45BBE' }), knowledge)).toMatchObject({ vendor: 'Shelly', kind: 'plug' });
    expect(identify(mdns({ type: '_http._tcp', instance: 'Bosch SHC [64-da-a0-01-02-03]' }), knowledge)).toMatchObject({ vendor: 'Bosch', kind: 'hub' });
    expect(identify(mdns({ type: '_http._tcp', instance: 'NAM-1f2e3d' }), knowledge)).toMatchObject({ vendor: 'Nettigo', kind: 'sensor' });
    expect(identify(mdns({ type: '_http._tcp', host: 'pblr-0001234.local.' }), knowledge)).toMatchObject({ vendor: 'Peblar', kind: 'energy-meter' });
    expect(identify(mdns({ type: '_http._tcp', instance: 'Lektrico-3p22k-500123' }), knowledge)).toMatchObject({ vendor: 'Lektrico', model: '3p22k', kind: 'energy-meter' });
  });

  it('leaves names that only look alike alone', () => {
    for (const instance of ['namibia-camera', 'NAM 12 kitchen', 'boschung-display']) {
      const ids = ruleIds(mdns({ type: '_http._tcp', instance }));
      expect(ids, instance).not.toContain('nettigo-air-monitor-http-name');
      expect(ids, instance).not.toContain('bosch-shc-http-name');
    }
    expect(ruleIds(mdns({ type: '_api._udp', instance: 'Thermostat API' }))).not.toContain('guardian-valve-mdns');
  });
});

describe('UPnP fields', () => {
  const ssdp = (description: Record<string, string>): HostFacts =>
    emptyFacts({ ssdp: [{ types: [], description: { services: [], deviceTypes: [], ...description } }], discoveredBy: ['ssdp'] });

  it('names a NETGEAR router by its routerlogin.net admin page, with its model number', () => {
    expect(identify(ssdp({ modelNumber: 'R7000', presentationURL: 'http://www.routerlogin.net/' }), knowledge)).toMatchObject({ vendor: 'Netgear', model: 'R7000', kind: 'router' });
    expect(ruleIds(ssdp({ presentationURL: 'http://192.168.1.1/routerlogin.html' }))).not.toContain('netgear-routerlogin-presentation');
  });

  it('reads a maker\'s web site as the device\'s own word, never as a confident rule', () => {
    const identity = identify(ssdp({ manufacturerURL: 'http://www.philips.com' }), knowledge);
    expect(identity.vendor).toBe('Philips');
    expect(identity.selfReported).toContain('vendor');
    expect(identity.kind).toBe('unknown');
  });
});
