// Issue 12: the rules of knowledge/fingerprints/dutch-home.yaml name the devices from what their Home Assistant
// integrations listen for (mDNS types and TXT keys, DHCP host names), and stay quiet on look-alikes.

import { describe, expect, it } from 'vitest';
import { identify, loadFingerprints } from '../../src/identify/index.js';
import { emptyFacts } from '../helpers/host-facts.js';
import type { HostFacts } from '../../src/model.js';

const knowledge = loadFingerprints();
type Service = HostFacts['mdns'][number];
const announcing = (...services: Service[]) => identify(emptyFacts({ mdns: services }), knowledge);
const service = (type: string, instance: string, txt: Record<string, string> = {}, port = 80): Service => ({ instance, type, port, txt });
const ruleIds = (identity: ReturnType<typeof identify>) => identity.evidence.map((item) => item.ruleId);

describe('Plugwise gateways over mDNS', () => {
  it.each([
    ['smile_open_therm', 'Adam', 'thermostat'],
    ['smile_thermo', 'Anna', 'thermostat'],
    ['smile', 'Smile P1', 'energy-meter'],
    ['stretch', 'Stretch', 'hub'],
  ])('product %s is a Plugwise %s (%s)', (product, model, kind) => {
    // The TXT keys HA's config flow reads: product and version.
    const identity = announcing(service('_plugwise._tcp', 'smile123456', { product, version: '3.7.8' }));
    expect(identity).toMatchObject({ vendor: 'Plugwise', model, kind });
  });

  it('names the maker of a gateway whose product it does not know, as a hub', () => {
    const identity = announcing(service('_plugwise._tcp', 'smile654321', { product: 'smile_future' }));
    expect(identity).toMatchObject({ vendor: 'Plugwise', kind: 'hub' });
    expect(ruleIds(identity)).toContain('plugwise-mdns');
    expect(ruleIds(identity)).not.toContain('plugwise-adam-mdns');
  });
});

describe('smart locks, energy meters, heating and TVs', () => {
  it('calls a host named nuki_bridge_<id> a Nuki Bridge (model Bridge)', () => {
    const identity = identify(emptyFacts({ hostnames: ['nuki_bridge_2a9f03c1'] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Nuki', model: 'Bridge', kind: 'hub' });
  });

  it('names the LOQED bridge and the Pure Energie SmartBridge from their _http._tcp instance names', () => {
    expect(announcing(service('_http._tcp', 'LOQED-1a2b3c'))).toMatchObject({ vendor: 'LOQED', kind: 'hub' });
    expect(announcing(service('_http._tcp', 'smartbridge-5c2f'))).toMatchObject({ vendor: 'Pure Energie', kind: 'energy-meter' });
  });

  it('does not take another _http._tcp service for either', () => {
    const identity = announcing(service('_http._tcp', 'my-printer'));
    expect(ruleIds(identity)).not.toContain('loqed-http-mdns');
    expect(ruleIds(identity)).not.toContain('pure-energie-smartbridge-mdns');
  });

  it('names Viessmann from its IEEE registration', () => {
    expect(identify(emptyFacts({ macVendor: 'Viessmann Elektronik GmbH' }), knowledge).vendor).toBe('Viessmann');
  });

  it('calls a host with the Philips JointSpace service a Philips TV, over either transport', () => {
    for (const type of ['_philipstv_s_rpc._tcp', '_philipstv_rpc._tcp']) {
      expect(announcing(service(type, 'Living Room TV', {}, type.includes('_s_') ? 1926 : 1925)), type).toMatchObject({ vendor: 'Philips', kind: 'tv' });
    }
  });
});

describe('solar inverters from their DHCP traces', () => {
  // The host name and MAC block Home Assistant's DHCP matchers listen for (generated/dhcp.py).
  it('calls a host named "target" in SolarEdge\'s MAC block a SolarEdge inverter', () => {
    const identity = identify(emptyFacts({ hostnames: ['target'], macVendor: 'SolarEdge Technologies' }), knowledge);
    expect(identity).toMatchObject({ vendor: 'SolarEdge', kind: 'energy-meter' });
    expect(ruleIds(identity)).toContain('solaredge-inverter-dhcp');
  });

  it('does not take any host named "target" for one', () => {
    const identity = identify(emptyFacts({ hostnames: ['target'], macVendor: 'Raspberry Pi Trading Ltd' }), knowledge);
    expect(ruleIds(identity)).not.toContain('solaredge-inverter-dhcp');
    expect(identity.vendor).not.toBe('SolarEdge');
  });

  it('names a device in Fronius\'s MAC block a Fronius inverter', () => {
    const identity = identify(emptyFacts({ macVendor: 'Fronius Schweissmaschinen' }), knowledge);
    expect(identity).toMatchObject({ vendor: 'Fronius', kind: 'energy-meter' });
    expect(ruleIds(identity)).toContain('fronius-oui');
  });
});

describe('heating controllers from their DHCP host names', () => {
  // Each observation is what the source recorded: the DHCP host name and the MAC the integration's test or fixture used.
  const host = (name: string, mac: string | null, macVendor: string | null) =>
    identify(emptyFacts({ hostnames: [name], mac, macVendor }), knowledge);

  it('calls rfgateway in Microchip\'s MAC block an Intergas Lan2RF gateway', () => {
    // HA's incomfort config-flow test: hostname rfgateway, macaddress 0004A3DEADFF.
    const identity = host('rfgateway', '00:04:a3:de:ad:ff', 'Microchip Technology Inc.');
    expect(identity).toMatchObject({ vendor: 'Intergas', model: 'Lan2RF gateway', kind: 'thermostat' });
    expect(ruleIds(identity)).toContain('intergas-lan2rf-dhcp');
  });

  it('does not take another host named rfgateway for one, nor another Microchip device', () => {
    expect(ruleIds(host('rfgateway', '3c:71:bf:00:00:01', 'Espressif Inc.'))).not.toContain('intergas-lan2rf-dhcp');
    const otherMicrochip = host('weatherstation', '00:04:a3:00:00:02', 'Microchip Technology Inc.');
    expect(ruleIds(otherMicrochip)).not.toContain('intergas-lan2rf-dhcp');
    expect(otherMicrochip.vendor).not.toBe('Intergas');
  });

  it('calls CIC-<uuid> a Quatt CiC, also when the router shortened the name', () => {
    // The integration's local fixture: system.hostName CIC-12345678-1234-5678-1234-567812345678.
    for (const name of ['CIC-12345678-1234-5678-1234-567812345678', 'cic-12345678-1234-5678']) {
      const identity = host(name, null, null);
      expect(identity, name).toMatchObject({ vendor: 'Quatt', model: 'CiC', kind: 'thermostat' });
      expect(ruleIds(identity), name).toEqual(['quatt-cic-hostname']);
    }
  });

  it('does not take other cic… names for a Quatt', () => {
    for (const name of ['cicero-laptop', 'cic-printer', 'CIC-1234']) expect(host(name, null, null).vendor, name).not.toBe('Quatt');
  });
});

describe('the ATAG One by its udp/11000 broadcast', () => {
  it('names an ATAG One thermostat from the product word ONE, and nothing from a host without the broadcast', () => {
    const identity = identify(emptyFacts({ atag: { product: 'ONE', deviceId: '6808-1500-2109_15-48-001-544', suffix: 'ST' }, discoveredBy: ['atag'] }), knowledge);
    expect(identity).toMatchObject({ vendor: 'ATAG', model: 'One', kind: 'thermostat' });
    expect(ruleIds(identity)).toEqual(['atag-one-broadcast']);
    expect(identity.evidence[0]).toMatchObject({ source: 'atag' });
    expect(identify(emptyFacts({ ports: [{ transport: 'tcp', port: 10000, name: 'atag-api' }] }), knowledge).vendor).toBeNull();
  });

  it('gives no model for another product word', () => {
    const identity = identify(emptyFacts({ atag: { product: 'TWO', deviceId: '1234' } }), knowledge);
    expect(ruleIds(identity)).not.toContain('atag-one-broadcast');
    expect(identity.model).toBeNull();
  });
});
