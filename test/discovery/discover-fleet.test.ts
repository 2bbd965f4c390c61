// The whole discovery against a small mock fleet on 127.80.1.0/24: every source finds what the
// devices serve, merged into one record per device.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, type DiscoveryResult } from '../../src/discovery/index.js';
import { resolveFleet, type RawFleet } from '../../src/mocks/fleet-defaults.js';
import { startFleet, type RunningFleet } from '../../src/mocks/runner.js';
import type { AuditEvent, HostFacts } from '../../src/model.js';
import { resolveScope } from '../../src/scope/index.js';

const RAW: RawFleet = {
  name: 'discovery-test',
  range: '127.80.1.0/24',
  devices: [
    {
      id: 'speaker', address: '127.80.1.10', hostname: 'Keuken-Speaker', kind: 'speaker', vendor: 'Google', model: 'Nest Mini',
      mdns: [{ type: '_googlecast._tcp', instance: 'Keuken', port: 8009, txt: { md: 'Google Nest Mini', fn: 'Keuken' } }],
      services: [{ type: 'http', port: 8008, title: 'Cast', auth: 'none' }],
    },
    {
      id: 'router', address: '127.80.1.1', hostname: 'router', kind: 'router', vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.57',
      ssdp: { deviceType: 'urn:schemas-upnp-org:device:InternetGatewayDevice:1', friendlyName: 'FRITZ!Box 7590', manufacturer: 'AVM', modelName: 'FRITZ!Box 7590', firmware: '7.57' },
      snmp: { sysDescr: 'FRITZ!Box 7590 154.07.57' },
      services: [
        { type: 'http', port: 80, title: 'FRITZ!Box', auth: 'basic', realm: 'FRITZ!Box', server: 'AVM' },
        { type: 'telnet', port: 23, banner: 'FRITZ!Box telnet', prompt: 'login: ' },
      ],
    },
    {
      id: 'camera', address: '127.80.1.20', hostname: 'cam', kind: 'camera', vendor: 'Hikvision', model: 'DS-2CD2043',
      services: [
        { type: 'ssh', port: 22, ident: 'dropbear_2019.78' },
        { type: 'rtsp', port: 554, server: 'Hikvision-Webs', auth: 'digest', realm: 'IP Camera' },
      ],
    },
    {
      // Shaped like CUPS's ippeveprinter on the real-daemon network: a status page on 631 and its attributes over IPP.
      id: 'printer', address: '127.80.1.30', hostname: 'jetdesk-410', kind: 'printer', vendor: 'Quillon', model: 'JetDesk 410',
      mdns: [{ type: '_ipp._tcp', instance: 'Quillon JetDesk 410', port: 631, txt: { rp: 'ipp/print', ty: 'Quillon JetDesk 410' } }],
      services: [
        {
          type: 'http', port: 631, title: 'Quillon JetDesk 410', auth: 'none', server: 'CUPS/2.4.2',
          ipp: { path: '/ipp/print', attributes: { 'printer-make-and-model': 'Quillon JetDesk 410', 'printer-device-id': 'MFG:Quillon;MDL:JetDesk 410;CMD:PDF,URF;' } },
        },
      ],
    },
  ],
};

let fleet: RunningFleet;
let result: DiscoveryResult;
const events: AuditEvent[] = [];
const byIp = (ip: string): HostFacts | undefined => result.hosts.find((h) => h.ip === ip);

beforeAll(async () => {
  fleet = await startFleet(resolveFleet(RAW));
  const scope = resolveScope({ targets: ['127.80.1.0/27'] });
  result = await discover(
    scope,
    { readNeighbourTable: async () => 'IP address HW type Flags HW address Mask Device\n127.80.1.20 0x1 0x2 28:57:be:00:00:01 * lo\n127.80.1.99 0x1 0x0 00:00:00:00:00:00 * lo\n', ssdp: { waitMs: 600 } },
    { onEvent: (event) => events.push(event) },
  );
}, 30_000);

afterAll(async () => {
  await fleet?.close();
});

describe('discover against a mock fleet', () => {
  it('finds exactly the devices that serve something', () => {
    expect(result.hosts.map((h) => h.ip)).toEqual(['127.80.1.1', '127.80.1.10', '127.80.1.20', '127.80.1.30']);
    expect(result.problems).toEqual([]);
  });

  it('resolves mDNS services with TXT and SRV target by unicast', () => {
    const speaker = byIp('127.80.1.10')!;
    expect(speaker.mdns).toEqual([
      expect.objectContaining({ instance: 'Keuken', type: '_googlecast._tcp', port: 8009, txt: expect.objectContaining({ md: 'Google Nest Mini' }) }),
    ]);
    expect(speaker.discoveredBy).toEqual(['mdns', 'tcp']);
  });

  it('reads the UPnP description from the device that answered the M-SEARCH', () => {
    const router = byIp('127.80.1.1')!;
    const described = router.ssdp.find((s) => s.description);
    expect(described?.description).toMatchObject({ manufacturer: 'AVM', modelName: 'FRITZ!Box 7590', firmware: '7.57' });
    expect(router.ssdp[0]!.types.length).toBeGreaterThan(0);
  });

  it('reads the SNMP system group with public', () => {
    expect(byIp('127.80.1.1')!.snmp).toMatchObject({ community: 'public', version: '2c', sysDescr: 'FRITZ!Box 7590 154.07.57' });
  });

  it('grabs banners and HTTP/RTSP facts from the TCP sweep', () => {
    const router = byIp('127.80.1.1')!;
    const web = router.ports.find((p) => p.port === 80)!;
    expect(web.http).toMatchObject({ status: 401, authScheme: 'basic', realm: 'FRITZ!Box' });
    expect(router.ports.find((p) => p.port === 23)?.banner).toContain('FRITZ!Box telnet');
    const camera = byIp('127.80.1.20')!;
    expect(camera.ports.find((p) => p.port === 22)?.banner).toBe('SSH-2.0-dropbear_2019.78');
    expect(camera.ports.find((p) => p.port === 554)?.http).toMatchObject({ status: 401, authScheme: 'digest', realm: 'IP Camera' });
  });

  it("reads an IPP printer's own make and model on its IPP port (Get-Printer-Attributes without a login)", () => {
    const ipp = byIp('127.80.1.30')!.ports.find((p) => p.port === 631)!;
    expect(ipp).toMatchObject({ name: 'ipp', http: { status: 200, title: 'Quillon JetDesk 410' } });
    expect(ipp.ipp).toEqual({ makeAndModel: 'Quillon JetDesk 410', deviceId: 'MFG:Quillon;MDL:JetDesk 410;CMD:PDF,URF;', path: '/ipp/print' });
    // A web port that is no printer is asked nothing over IPP.
    expect(byIp('127.80.1.10')!.ports.find((p) => p.port === 8008)?.ipp).toBeUndefined();
  });

  it('takes MACs from the neighbour table for hosts in scope only, complete entries only', () => {
    expect(byIp('127.80.1.20')!.mac).toBe('28:57:be:00:00:01');
    expect(byIp('127.80.1.20')!.discoveredBy).toContain('neighbours');
    expect(byIp('127.80.1.99')).toBeUndefined();
  });

  it('announces hosts and progress as it goes', () => {
    const found = events.filter((e) => e.type === 'host-found').map((e) => (e as { ip: string }).ip);
    expect(new Set(found)).toEqual(new Set(['127.80.1.1', '127.80.1.10', '127.80.1.20', '127.80.1.30']));
    const progress = events.filter((e): e is Extract<AuditEvent, { type: 'stage-progress' }> => e.type === 'stage-progress');
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });
  });
});
