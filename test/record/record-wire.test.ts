// Issue 11, record and replay of what discovery keeps only in parsed form: a real router's UPnP
// description (miniupnpc's test description of a Linksys WAG200G, BSD-3-Clause) recorded and served
// again byte for byte apart from what identifies the household, its IGD port mappings replayed, login
// services replayed with what they said but refusing every password, and SNMP objects beyond the
// system group that a version probe read served again.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { request } from 'undici';
import { fleetFromText, startFleet, type RunningFleet } from '../../src/mocks/index.js';
import { recordScan } from '../../src/mocks/record/recorder.js';
import { startProbeRecorder } from '../../src/commands/record-probes.js';
import { auditFleet, type AuditOfFleet } from '../integration/home-fleet-audit.js';

// Small ranges: few silent hosts, so SNMP can be given the time a loaded machine needs.
const RECORDED_RANGE = '127.96.11.0/28';
const REPLAY_RANGE = '127.96.12.0/28';
const SNMP_TIMEOUT_MS = 3000;
const WAN_ADDRESS = '198.51.100.23';

const wild = parse(readFileSync(join(import.meta.dirname, '../fixtures/wild/miniupnp.yaml'), 'utf8')) as {
  devices: Array<{ id: string; wire: { ssdp: Array<{ description: string }> } }>;
};
const LINKSYS = wild.devices.find((device) => device.id === 'miniupnp-linksys-wag200g')!.wire.ssdp[0]!.description;
// Served at its own address, as a router names itself in URLBase.
const SERVED = LINKSYS.replace('http://192.168.1.1:49152', 'http://{{address}}:49152');
/** The household's own values in that description: serial numbers and UDNs (one of them broken by a line feed, as sent). */
const SCRUBBED = [...new Set([...SERVED.matchAll(/<serialNumber>([^<]+)<\/serialNumber>|<UDN>uuid:([^<]+)<\/UDN>/g)].map((m) => m[1] ?? m[2]!))];

const FLEET = `
name: record-wire
range: ${RECORDED_RANGE}
devices:
  - id: router
    kind: router
    vendor: Linksys
    model: WAG200G
    ssdp:
      port: 49152
      descriptionXml: ${JSON.stringify(SERVED)}
      igd:
        externalIp: ${WAN_ADDRESS}
        controlPath: /upnp/control/WANPPPConn1
        portMappings:
          - { externalPort: 2323, internalClient: camera, internalPort: 23, description: "Jan's camera" }
          - { externalPort: 8554, internalClient: camera, internalPort: 554, enabled: false }
  - id: camera
    kind: camera
    vendor: Generic
    model: IPC
    accounts: [{ username: root, password: xc3511 }, { username: admin, password: admin }]
    services:
      - { type: telnet, port: 23, banner: "IPC login screen", prompt: "# ", loginPrompt: "ipcam login: " }
      - { type: ssh, port: 22, ident: SSH-2.0-dropbear_2019.78 }
      - { type: ftp, port: 21, banner: "220 (vsFTPd 3.0.3)", anonymous: true }
      - { type: http, port: 80, auth: basic, realm: "IPCamera Login", server: "thttpd/2.25b 29dec2003" }
  - id: printer
    kind: printer
    vendor: Brother
    model: HL-L2350DW
    mdns: [{ type: _ipp._tcp, instance: Brother HL-L2350DW series, port: 631, txt: { ty: Brother HL-L2350DW series, usb_MFG: Brother, usb_MDL: HL-L2350DW series } }]
    snmp:
      sysDescr: Brother NC-340w
      sysObjectID: 1.3.6.1.4.1.2435.2.3.9.1
      objects:
        "1.3.6.1.4.1.2435.2.4.3.1240.6.5.0": { type: OctetString, value: "Firmware Ver.1.33 (06.07.21)" }
`;

let recordedFleet: RunningFleet;
let replayedFleet: RunningFleet | undefined;
let first: AuditOfFleet;
let second: AuditOfFleet;
let text: string;

beforeAll(async () => {
  recordedFleet = await startFleet(fleetFromText('record-wire', FLEET));
  const recorder = startProbeRecorder();
  try {
    first = await auditFleet(recordedFleet, { login: true, versionProbeTransports: recorder.transports, snmpTimeoutMs: SNMP_TIMEOUT_MS });
  } finally {
    await recorder.close();
  }
  text = await recordScan(first.result, recorder.pages, AbortSignal.timeout(60_000));
  replayedFleet = await startFleet(fleetFromText('recorded', text, { range: REPLAY_RANGE }));
  second = await auditFleet(replayedFleet, { login: true, snmpTimeoutMs: SNMP_TIMEOUT_MS });
}, 180_000);

afterAll(async () => {
  await recordedFleet?.close();
  await replayedFleet?.close();
});

const replayedId = (fleetId: string): string => {
  const ip = recordedFleet.fleet.devices.find((device) => device.id === fleetId)!.address;
  return replayedFleet!.fleet.devices[first.result.devices.findIndex((device) => device.ip === ip)]!.id;
};
const findingKeys = (audit: AuditOfFleet, id: string, check: string): string[] =>
  (audit.findings.get(id) ?? []).filter((finding) => finding.check === check).map((finding) => `${finding.check} ${finding.details.externalPort ?? finding.details.port ?? ''}`).sort();

describe('a recorded description, served again', () => {
  it('is byte for byte what the device sent, apart from its serials, UUIDs and own address', async () => {
    const router = replayedFleet!.fleet.devices.find((device) => device.id === replayedId('router'))!;
    const response = await request(`http://${router.address}:49152/description.xml`);
    const replayed = await response.body.text();
    const expected = SERVED.replace('{{address}}', router.address);
    // What was scrubbed becomes a gap; everything between the gaps must match exactly.
    const pieces = SCRUBBED.reduce<string[]>((parts, value) => parts.flatMap((part) => part.split(value)), [expected]);
    const pattern = new RegExp(`^${pieces.map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('([^<]*?)')}$`);
    expect(SCRUBBED.length).toBeGreaterThanOrEqual(4);
    expect(replayed).toMatch(pattern);
    const standIns = pattern.exec(replayed)!.slice(1);
    expect(standIns.length).toBeGreaterThanOrEqual(8);
    for (const value of standIns) expect(value).toMatch(/^SERIAL\d{4}$|^00000000-0000-4000-8000-[0-9a-f]{12}$|SERIAL\d{4}\n8$/);
    for (const value of SCRUBBED) expect(text).not.toMatch(new RegExp(`(?<![A-Za-z0-9])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`));
    expect(text).not.toContain(recordedFleet.fleet.devices[0]!.address);
  });

  it('keeps the embedded device tree: every device type and service where the device put it', () => {
    const types = (audit: AuditOfFleet, id: string) => audit.devices.get(id)?.facts.ssdp.flatMap((root) => root.description?.deviceTypes ?? []);
    const services = (audit: AuditOfFleet, id: string) => audit.devices.get(id)?.facts.ssdp.flatMap((root) => root.description?.services ?? []);
    expect(types(second, replayedId('router'))).toEqual(types(first, 'router'));
    expect(services(second, replayedId('router'))).toEqual(services(first, 'router'));
    expect(text).toContain('<deviceType>urn:schemas-upnp-org:device:WANConnectionDevice:1</deviceType>');
  });
});

describe("a recorded router's port mappings", () => {
  it('are replayed: the same inside device exposed on the same ports', () => {
    expect(findingKeys(first, 'camera', 'exposed-by-port-mapping')).toEqual(['exposed-by-port-mapping 2323']);
    expect(findingKeys(second, replayedId('camera'), 'exposed-by-port-mapping')).toEqual(findingKeys(first, 'camera', 'exposed-by-port-mapping'));
    const mapping = second.findings.get(replayedId('camera'))!.find((finding) => finding.check === 'exposed-by-port-mapping')!;
    expect(mapping.details.internalClient).toBe(replayedFleet!.fleet.devices.find((device) => device.id === replayedId('camera'))!.address);
  });

  it('keep the disabled mapping and the description, with the WAN address and personal name replaced', () => {
    const router = parse(text).devices.find((device: { id: string }) => device.id === replayedId('router'));
    expect(router.ssdp.igd.controlPath).toBe('/upnp/control/WANPPPConn1');
    expect(router.ssdp.igd.externalIp).toMatch(/^203\.0\.113\.\d+$/);
    expect(router.ssdp.igd.portMappings.map((m: { externalPort: number; enabled: boolean }) => [m.externalPort, m.enabled])).toEqual([[2323, true], [8554, false]]);
    expect(text).not.toContain(WAN_ADDRESS);
    expect(text).not.toContain('Jan');
  });
});

describe('recorded login services', () => {
  it('keep their protocol and what they said: telnet prompt, SSH ident, FTP banner, the web realm', () => {
    const camera = replayedFleet!.fleet.devices.find((device) => device.id === replayedId('camera'))!;
    const byPort = new Map(camera.services.map((service) => [service.port, service]));
    expect(byPort.get(23)).toMatchObject({ type: 'telnet', loginPrompt: 'ipcam login: ' });
    expect(byPort.get(22)).toMatchObject({ type: 'ssh', ident: 'SSH-2.0-dropbear_2019.78' });
    expect(byPort.get(21)).toMatchObject({ type: 'ftp', banner: '220 (vsFTPd 3.0.3)', anonymous: true });
    expect(byPort.get(80)).toMatchObject({ type: 'http', auth: 'basic', realm: 'IPCamera Login' });
    const banners = (audit: AuditOfFleet, id: string) => audit.devices.get(id)?.facts.ports.map((port) => `${port.port} ${port.name} ${port.banner ?? ''}`).sort();
    expect(banners(second, replayedId('camera'))).toEqual(banners(first, 'camera'));
  });

  it('refuse every password: factory passwords that worked on the device find nothing on the replay', () => {
    expect(findingKeys(first, 'camera', 'default-credentials')).toContain('default-credentials 23');
    const camera = replayedId('camera');
    expect(second.announcedAttempts.get(camera)).toBeGreaterThan(0);
    expect(findingKeys(second, camera, 'default-credentials')).toEqual([]);
    expect(findingKeys(second, camera, 'accepts-any-password')).toEqual([]);
    expect(text).not.toContain('xc3511');
  });

  it('stay open where the scan confirmed an anonymous login', () => {
    expect(findingKeys(first, 'camera', 'anonymous-ftp')).toEqual(['anonymous-ftp 21']);
    expect(findingKeys(second, replayedId('camera'), 'anonymous-ftp')).toEqual(['anonymous-ftp 21']);
  });
});

describe('SNMP objects beyond the system group', () => {
  it('that a version probe read are recorded and served again: the same firmware', () => {
    expect(first.devices.get('printer')?.firmware).toBe('1.33');
    const printer = replayedFleet!.fleet.devices.find((device) => device.id === replayedId('printer'))!;
    expect(printer.snmp?.objects['1.3.6.1.4.1.2435.2.4.3.1240.6.5.0']).toEqual({ type: 'OctetString', value: 'Firmware Ver.1.33 (06.07.21)' });
    expect(second.devices.get(printer.id)?.firmware).toBe('1.33');
  });
});
