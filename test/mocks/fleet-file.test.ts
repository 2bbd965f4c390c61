import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHECK_IDS, DEVICE_KINDS } from '../../src/model.js';
import { FLEET_SCHEMA_FILE, loadFleet, loadHomeFleet } from '../../src/mocks/fleet-file.js';

const dir = mkdtempSync(join(tmpdir(), 'fleet-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fleetFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const camera = `
  - id: cam
    kind: camera
    vendor: Hikvision
    model: DS-2CD2042WD-I`;

function loadError(name: string, text: string): string {
  try {
    loadFleet(fleetFile(name, text));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the fleet loaded without an error');
}

describe('loadFleet', () => {
  it('applies defaults: range, addresses in order, hostname, knobs, mdns/ssdp/snmp', () => {
    const fleet = loadFleet(
      fleetFile(
        'defaults.yaml',
        `name: t
devices:
  - id: fixed
    address: 127.77.0.1
    kind: router
    vendor: AVM
    model: FRITZ!Box 7590
    ssdp: { igd: { externalIp: 203.0.113.9, portMappings: [{ externalPort: 8080, internalClient: cam, internalPort: 80 }] } }
${camera}
    firmware: "5.4.0"
    knobs: { delayMs: 20 }
    mdns: [{ type: _http._tcp, port: 80, txt: { n: 5 } }]
    snmp: {}
`,
      ),
    );
    expect(fleet.range).toBe('127.77.0.0/24');
    const [router, cam] = fleet.devices;
    expect(cam!.address).toBe('127.77.0.2');
    expect(cam!.hostname).toBe('cam');
    expect(cam!.knobs).toMatchObject({ delayMs: 20, silent: false, lockoutAfter: 0, acceptAnyPassword: false });
    // The instance defaults to the host name, never the model: nothing is made up from the truth.
    expect(cam!.mdns[0]).toEqual({ type: '_http._tcp', instance: 'cam', port: 80, host: 'cam', txt: { n: '5' } });
    expect(cam!.snmp).toEqual({ port: 161, sysName: 'cam', sysContact: '', sysLocation: '', objects: {}, readCommunities: ['public'], writeCommunities: [] });
    expect(router!.ssdp).not.toHaveProperty('server');
    expect(router!.ssdp).not.toHaveProperty('manufacturer');
    expect(router!.ssdp).not.toHaveProperty('modelName');
    expect(router!.ssdp).not.toHaveProperty('firmware');
    expect(router!.ssdp?.deviceType).toBe('urn:schemas-upnp-org:device:InternetGatewayDevice:1');
    expect(router!.ssdp?.udn).toMatch(/^uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(router!.ssdp?.igd?.portMappings[0]).toMatchObject({ protocol: 'TCP', enabled: true, internalClient: 'cam' });
  });

  it('accepts JSON, which is YAML', () => {
    const fleet = loadFleet(fleetFile('fleet.json', JSON.stringify({ name: 'j', range: '127.78.9.0/29', devices: [{ id: 'a', kind: 'plug', vendor: 'Tuya', model: 'X' }] })));
    expect(fleet.devices[0]!.address).toBe('127.78.9.1');
  });

  it('names the file and the line of bad YAML', () => {
    const message = loadError('bad-yaml.yaml', 'name: x\ndevices:\n  - id: a\n   kind: [oops\n');
    expect(message).toContain('bad-yaml.yaml');
    expect(message).toMatch(/line \d+/);
  });

  it('names file, device and field for an unknown field', () => {
    const message = loadError('unknown.yaml', `name: x\ndevices:${camera}\n    colour: red\n`);
    expect(message).toContain('unknown.yaml');
    expect(message).toContain('id "cam"');
    expect(message).toContain('colour');
  });

  it('names file, device and field for a bad kind', () => {
    const message = loadError('kind.yaml', `name: x\ndevices:${camera.replace('kind: camera', 'kind: toaster')}\n`);
    expect(message).toContain('kind.yaml');
    expect(message).toContain('id "cam"');
    expect(message).toMatch(/kind: must be equal to one of the allowed values/);
  });

  it('names file, device and field for a bad port', () => {
    const message = loadError('port.yaml', `name: x\ndevices:${camera}\n    services: [{ type: rtsp, port: 70000, auth: none }]\n`);
    expect(message).toContain('port.yaml');
    expect(message).toContain('id "cam"');
    expect(message).toMatch(/services › 0 › port: must be <= 65535/);
  });

  it('names file, device and field for a duplicate id', () => {
    const message = loadError('dup.yaml', `name: x\ndevices:${camera}${camera}\n`);
    expect(message).toContain('dup.yaml');
    expect(message).toContain('id "cam"');
    expect(message).toMatch(/› id: duplicate id/);
  });

  it('rejects duplicate addresses, addresses outside the range and port clashes', () => {
    expect(loadError('addr.yaml', `name: x\ndevices:${camera}\n    address: 127.77.0.9\n  - { id: b, kind: plug, vendor: T, model: P, address: 127.77.0.9 }\n`))
      .toMatch(/id "b"\) › address: 127\.77\.0\.9 is already used by device "cam"/);
    expect(loadError('outside.yaml', `name: x\nrange: 127.78.1.0/24\ndevices:${camera}\n    address: 127.78.2.1\n`))
      .toMatch(/outside\.yaml: .*id "cam"\) › address: .*outside the fleet range 127\.78\.1\.0\/24/);
    expect(loadError('clash.yaml', `name: x\ndevices:${camera}\n    services: [{ type: open, port: 80 }, { type: http, port: 80, title: t, auth: none }]\n`))
      .toMatch(/id "cam"\) › services › 1 › port: tcp port 80 is already taken/);
    expect(loadError('clash-ssdp.yaml', `name: x\ndevices:${camera}\n    ssdp: { port: 80 }\n    services: [{ type: open, port: 80 }]\n`))
      .toMatch(/id "cam"\) › services › 0 › port: tcp port 80 is already taken by upnp-http/);
  });

  it('rejects a port mapping whose target is neither a device nor an address', () => {
    const message = loadError('mapping.yaml', `name: x\ndevices:${camera}\n    ssdp: { igd: { externalIp: 203.0.113.1, portMappings: [{ externalPort: 1, internalClient: nas, internalPort: 2 }] } }\n`);
    expect(message).toMatch(/mapping\.yaml: .*id "cam"\) › ssdp › igd › portMappings › 0 › internalClient: "nas" is neither/);
  });

  it('names every error of the file at once: file, device and field of each', () => {
    const bad = `name: x\ndevices:${camera}\n    colour: red\n  - { id: p, kind: toaster, vendor: T, model: P }\n`;
    const message = loadError('many.yaml', bad);
    expect(message).toContain('many.yaml');
    expect(message).toMatch(/id "cam"\)[^\n]*colour/);
    expect(message).toMatch(/id "p"\) › kind: must be equal to one of the allowed values/);
    const clashes = `name: x\ndevices:${camera}\n    address: 127.77.0.9\n  - { id: b, kind: plug, vendor: T, model: P, address: 127.77.0.9 }\n  - { id: b, kind: plug, vendor: T, model: P }\n`;
    const both = loadError('clashes.yaml', clashes);
    expect(both).toMatch(/address: 127\.77\.0\.9 is already used by device "cam"/);
    expect(both).toMatch(/› id: duplicate id "b"/);
  });

  it('refuses an SNMP object inside the system group, naming device and OID', () => {
    const message = loadError('objects.yaml', `name: t
devices:
  - id: printer
    kind: printer
    vendor: HP
    model: X
    snmp: { objects: { "1.3.6.1.2.1.1.1.0": { type: OctetString, value: "shadow" } } }
`);
    expect(message).toContain('devices › 0 (id "printer") › snmp › objects › 1.3.6.1.2.1.1.1.0: lies in the system group');
  });

  it('refuses a range that is not loopback before anything starts', () => {
    expect(loadError('public.yaml', `name: x\nrange: 8.8.8.0/24\ndevices:${camera}\n`)).toMatch(/public\.yaml: range: 8\.8\.8\.0\/24 is not on loopback/);
    expect(() => loadFleet(fleetFile('ok.yaml', `name: x\ndevices:${camera}\n`), { range: '192.168.1.0/24' })).toThrow(/range: 192\.168\.1\.0\/24 is not on loopback/);
  });

  it('reports too many devices for the range by device', () => {
    const devices = [1, 2, 3].map((n) => `\n  - { id: d${n}, kind: plug, vendor: T, model: P }`).join('');
    expect(loadError('full.yaml', `name: x\nrange: 127.78.3.0/30\ndevices:${devices}\n`)).toMatch(/id "d3"\) › address: 127\.78\.3\.3 lies outside/);
  });
});

describe('the schema and the model agree', () => {
  const schema = JSON.parse(readFileSync(FLEET_SCHEMA_FILE, 'utf8')) as {
    definitions: { device: { properties: { kind: { enum: string[] }; plants: { items: { enum: string[] } } } } };
  };
  it('lists every device kind and check id of src/model.ts', () => {
    expect(schema.definitions.device.properties.kind.enum).toEqual([...DEVICE_KINDS]);
    expect(schema.definitions.device.properties.plants.items.enum).toEqual([...CHECK_IDS]);
  });
});

describe('the built-in home fleet', () => {
  const fleet = loadHomeFleet();
  it('has at least 14 devices of varied kinds and vendors on 127.77.0.0/24', () => {
    expect(fleet.devices.length).toBeGreaterThanOrEqual(14);
    expect(new Set(fleet.devices.map((d) => d.kind)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(fleet.devices.map((d) => d.vendor)).size).toBeGreaterThanOrEqual(12);
    expect(fleet.range).toBe('127.77.0.0/24');
  });
  it('has one clean device, one that accepts any password, one that locks out, and a router exposing two devices', () => {
    expect(fleet.devices.filter((d) => d.plants.length === 0 && d.services.every((s) => s.type === 'https')).length).toBeGreaterThanOrEqual(1);
    expect(fleet.devices.filter((d) => d.knobs.acceptAnyPassword).map((d) => d.plants)).toEqual([expect.arrayContaining(['accepts-any-password'])]);
    expect(fleet.devices.filter((d) => d.knobs.lockoutAfter > 0)).toHaveLength(1);
    const mappings = fleet.devices.flatMap((d) => d.ssdp?.igd?.portMappings ?? []);
    const exposed = fleet.devices.filter((d) => mappings.some((m) => m.internalClient === d.id));
    expect(exposed.map((d) => d.kind).sort()).toEqual(['camera', 'nas']);
    for (const device of exposed) expect(device.plants).toContain('exposed-by-port-mapping');
  });
});
