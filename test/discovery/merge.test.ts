import { describe, expect, it } from 'vitest';
import { mergeObservations } from '../../src/discovery/index.js';
import type { Observation } from '../../src/model.js';

const observations: Observation[] = [
  { source: 'tcp', ip: '10.0.0.20', port: { transport: 'tcp', port: 80, name: 'http' } },
  { source: 'mdns', ip: '10.0.0.3', service: { instance: 'Keuken', type: '_googlecast._tcp', port: 8009, host: 'Keuken.local', txt: { md: 'Nest Mini' } }, hostname: 'Keuken.local' },
  { source: 'tcp', ip: '10.0.0.20', port: { transport: 'tcp', port: 80, name: 'http', http: { status: 200, headers: {}, title: 'Login' } } },
  { source: 'tcp', ip: '10.0.0.20', port: { transport: 'tcp', port: 80, name: 'http' } },
  { source: 'tcp', ip: '10.0.0.20', port: { transport: 'tcp', port: 23, name: 'telnet', banner: 'login:' } },
  { source: 'ssdp', ip: '10.0.0.20', ssdp: { location: 'http://10.0.0.20/d.xml', types: ['upnp:rootdevice'] } },
  { source: 'ssdp', ip: '10.0.0.20', ssdp: { location: 'http://10.0.0.20/d.xml', types: ['urn:schemas-upnp-org:device:InternetGatewayDevice:1', 'upnp:rootdevice'], server: 'miniupnpd' } },
  { source: 'snmp', ip: '10.0.0.20', snmp: { community: 'public', version: '1', sysName: 'v1' } },
  { source: 'snmp', ip: '10.0.0.20', snmp: { community: 'public', version: '2c', sysName: 'v2' } },
  { source: 'neighbours', ip: '10.0.0.20', mac: 'AC-84-C6-01-02-03' },
  { source: 'mdns', ip: '10.0.0.3', service: { instance: 'Keuken', type: '_googlecast._tcp', port: 8009, txt: { fn: 'Keuken' } } },
];

describe('mergeObservations', () => {
  const hosts = mergeObservations(observations, (mac) => (mac.startsWith('ac:84:c6') ? 'TP-Link' : null));

  it('gives one record per host in address order', () => {
    expect(hosts.map((h) => h.ip)).toEqual(['10.0.0.3', '10.0.0.20']);
  });

  it('keeps the most detailed observation of a port, sorted by port', () => {
    expect(hosts[1]!.ports.map((p) => `${p.transport}/${p.port}`)).toEqual(['tcp/23', 'tcp/80', 'udp/161']);
    expect(hosts[1]!.ports[1]!.http?.title).toBe('Login');
  });

  it('lists an SNMP agent that answered as a UDP service, once, on the port that answered', () => {
    expect(hosts[1]!.ports.filter((p) => p.transport === 'udp')).toEqual([{ transport: 'udp', port: 161, name: 'snmp' }]);
    const [other] = mergeObservations([{ source: 'snmp', ip: '10.0.0.9', port: 1161, snmp: { community: 'public', version: '2c' } }]);
    expect(other!.ports).toEqual([{ transport: 'udp', port: 1161, name: 'snmp' }]);
  });

  it('folds SSDP replies of one LOCATION together with every type', () => {
    expect(hosts[1]!.ssdp).toEqual([{ location: 'http://10.0.0.20/d.xml', server: 'miniupnpd', types: ['upnp:rootdevice', 'urn:schemas-upnp-org:device:InternetGatewayDevice:1'] }]);
  });

  it('prefers SNMP v2c, normalises the MAC and looks up its vendor', () => {
    expect(hosts[1]!.snmp?.sysName).toBe('v2');
    expect(hosts[1]!.mac).toBe('ac:84:c6:01:02:03');
    expect(hosts[1]!.macVendor).toBe('TP-Link');
    expect(hosts[1]!.discoveredBy).toEqual(['ssdp', 'snmp', 'tcp', 'neighbours']);
  });

  it('merges TXT of one mDNS instance and collects host names', () => {
    expect(hosts[0]!.mdns).toEqual([{ instance: 'Keuken', type: '_googlecast._tcp', port: 8009, host: 'Keuken.local', txt: { md: 'Nest Mini', fn: 'Keuken' } }]);
    expect(hosts[0]!.hostnames).toEqual(['Keuken.local']);
    expect(hosts[0]!.mac).toBeNull();
  });
});
