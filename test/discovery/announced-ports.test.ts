import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { announcedPorts, sameHostPort } from '../../src/discovery/announced-ports.js';
import { loadPortTables, SWEEP_PORTS, LIVENESS_PORTS } from '../../src/discovery/ports.js';
import type { HostFacts } from '../../src/model.js';

function facts(extra: Partial<HostFacts>): HostFacts {
  return { ip: '192.168.1.30', mac: null, macVendor: null, hostnames: [], mdns: [], ssdp: [], snmp: null, ports: [], discoveredBy: [], ...extra };
}

const tried = new Set(SWEEP_PORTS.map((p) => p.port));

describe('announcedPorts', () => {
  it('takes the ports of mDNS SRV records, named and probed by their service type', () => {
    const host = facts({
      mdns: [
        { instance: 'NAS', type: '_http._tcp', port: 5080, txt: {} },
        { instance: 'NAS', type: '_ssh._tcp', port: 2222, txt: {} },
        { instance: 'NAS', type: '_acme-sync._tcp', port: 7001, txt: {} },
        { instance: 'NAS', type: '_sleep-proxy._udp', port: 5353, txt: {} },
      ],
    });
    expect(announcedPorts(host, tried).map(({ port, name, probe }) => ({ port, name, probe }))).toEqual([
      { port: 2222, name: 'ssh', probe: 'banner' },
      { port: 5080, name: 'http', probe: 'http' },
      { port: 7001, name: 'acme-sync', probe: 'none' },
    ]);
  });

  it('takes the SSDP LOCATION port and the URLBase and presentationURL ports of the same host only', () => {
    const host = facts({
      ssdp: [
        {
          location: 'http://192.168.1.30:49000/desc.xml',
          types: [],
          description: { services: [], deviceTypes: [], urlBase: 'http://192.168.1.30:49001/', presentationURL: 'https://192.168.1.30:8444/admin' },
        },
        { location: 'http://192.168.1.99:49002/other-host.xml', types: [], description: { services: [], deviceTypes: [], presentationURL: '/relative' } },
      ],
    });
    expect(announcedPorts(host, tried).map(({ port, probe, announcedBy }) => `${port} ${probe} ${announcedBy.split(' ')[0]} ${announcedBy.split(' ')[1]}`)).toEqual([
      '8444 https UPnP presentationURL',
      '49000 http SSDP LOCATION',
      '49001 http UPnP URLBase',
    ]);
  });

  it('takes a redirect to another port of the same host, not one to another host', () => {
    const host = facts({
      ports: [
        { transport: 'tcp', port: 80, name: 'http', http: { status: 302, headers: {}, location: 'https://192.168.1.30:8843/login' } },
        { transport: 'tcp', port: 8080, name: 'http', http: { status: 302, headers: {}, location: 'http://cloud.example.com:8000/' } },
        { transport: 'tcp', port: 8081, name: 'http', http: { status: 302, headers: {}, location: '/same-port' } },
      ],
    });
    expect(announcedPorts(host, tried).map((p) => `${p.port} ${p.probe}`)).toEqual(['8843 https']);
  });

  it('takes the port of a WS-Discovery XAddr on the same host only, never one on another host or in another scheme', () => {
    const host = facts({
      wsd: [{
        endpoint: 'urn:uuid:cam',
        types: ['dn:NetworkVideoTransmitter'],
        scopes: [],
        xaddrs: ['http://192.168.1.30:2020/onvif/device_service', 'http://192.168.1.31:5357/other', 'soap.udp://192.168.1.30:3702', 'https://192.168.1.30:8443/x'],
      }],
    });
    const ports = announcedPorts(host, tried);
    expect(ports.map((p) => `${p.port} ${p.probe}`)).toEqual(['2020 http', ...(tried.has(8443) ? [] : ['8443 https'])]);
    expect(ports[0]!.announcedBy).toBe('WS-Discovery XAddr http://192.168.1.30:2020/onvif/device_service');
  });

  it('skips ports the sweep tried or found, and keeps the list\'s way for a listed port it did not try', () => {
    const host = facts({
      mdns: [
        { instance: 'Printer', type: '_ipp._tcp', port: 631, txt: {} },
        { instance: 'Printer', type: '_http._tcp', port: 8200, txt: {} },
        { instance: 'Printer', type: '_http._tcp', port: 9443, txt: {} },
      ],
      ports: [{ transport: 'tcp', port: 9443, name: 'https' }],
    });
    const tried80 = new Set([80]);
    expect(announcedPorts(host, tried80).map((p) => `${p.port} ${p.name} ${p.probe}`)).toEqual(['631 ipp ipp', '8200 http http']);
    expect(announcedPorts(host, tried)).toEqual([]);
  });
});

describe('sameHostPort', () => {
  it('gives the scheme default and refuses other hosts and schemes', () => {
    expect(sameHostPort('http://10.0.0.2/x', '10.0.0.2')).toEqual({ port: 80, tls: false });
    expect(sameHostPort('https://10.0.0.2/x', '10.0.0.2')).toEqual({ port: 443, tls: true });
    expect(sameHostPort('/x', '10.0.0.2', 'http://10.0.0.2:8200/d.xml')).toEqual({ port: 8200, tls: false });
    expect(sameHostPort('http://10.0.0.3/x', '10.0.0.2')).toBeNull();
    expect(sameHostPort('ftp://10.0.0.2/x', '10.0.0.2')).toBeNull();
    expect(sameHostPort('not a url', '10.0.0.2')).toBeNull();
  });
});

describe('the port tables', () => {
  it('give every port a source and keep the liveness ports', () => {
    expect(SWEEP_PORTS.every((p) => (p.source ?? '').length > 8)).toBe(true);
    expect([...LIVENESS_PORTS].sort((a, b) => a - b)).toEqual([22, 23, 80, 443, 554, 6668, 7547, 8080]);
    for (const port of [515, 631, 9100, 8008, 8009, 8443, 8123, 1883, 8883, 1400, 8200, 32400, 8060]) {
      expect(SWEEP_PORTS.map((p) => p.port)).toContain(port);
    }
  });

  const dir = mkdtempSync(join(tmpdir(), 'homeaudit-ports-'));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('refuse a port listed twice, naming the file and the port', () => {
    const file = write('twice.yaml', 'ports:\n  - { port: 80, name: http, probe: http, source: "IANA: http" }\n  - { port: 80, name: www, probe: http, source: "IANA: http" }\nannounced: []\n');
    expect(() => loadPortTables(file)).toThrow(/twice\.yaml: port 80 is listed twice/);
  });

  it('refuse an entry without a source or with an unknown probe', () => {
    expect(() => loadPortTables(write('nosource.yaml', 'ports:\n  - { port: 80, name: http, probe: http }\nannounced: []\n'))).toThrow(/nosource\.yaml: ports › 0: must have required property 'source'/);
    expect(() => loadPortTables(write('probe.yaml', 'ports:\n  - { port: 80, name: http, probe: gopher, source: "IANA: http" }\nannounced: []\n'))).toThrow(/probe\.yaml: ports › 0 › probe/);
  });
});
