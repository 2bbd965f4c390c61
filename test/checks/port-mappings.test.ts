import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { OutOfScopeUrlError, readPortMappings } from '../../src/protocols/upnp/igd.js';
import { portMappingsCheck } from '../../src/checks/port-mappings.js';
import { newDeviceState } from '../../src/mocks/accounts.js';
import { DEFAULT_KNOBS } from '../../src/mocks/fleet-defaults.js';
import type { DeviceSpec, RunningPersona } from '../../src/mocks/types.js';
import { startUpnpHttp } from '../../src/mocks/upnp/http-server.js';
import type { PortInfo, SsdpInfo } from '../../src/model.js';
import { makeContext, makeDevice } from './device-fixture.js';

// Loopback sub-range for this file: 127.81.13.0/24.
const ROUTER = '127.81.13.1';
const CAMERA = '127.81.13.23';
const NAS = '127.81.13.30';
const WAN_IP = 'urn:schemas-upnp-org:service:WANIPConnection:1';
let igd: RunningPersona | undefined;
let server: Server | undefined;
const controller = new AbortController();
afterEach(async () => {
  await igd?.close();
  igd = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function startIgd(): Promise<void> {
  const router: DeviceSpec = {
    id: 'router', address: ROUTER, hostname: 'router', kind: 'router', vendor: 'AVM', model: 'FRITZ!Box', plants: [],
    knobs: { ...DEFAULT_KNOBS }, accounts: [], mdns: [], services: [],
    ssdp: {
      port: 49000, server: 'FRITZ!Box UPnP/1.0', deviceType: 'urn:schemas-upnp-org:device:InternetGatewayDevice:1', friendlyName: 'FRITZ!Box',
      manufacturer: 'AVM', modelName: 'FRITZ!Box 7590', udn: 'uuid:1', serviceTypes: [], descriptionPath: '/description.xml', devices: [],
      igd: {
        externalIp: '203.0.113.47',
        controlPath: '/ctl/IPConn',
        portMappings: [
          { externalPort: 8080, protocol: 'TCP', internalClient: 'camera', internalPort: 80, description: 'Camera web', enabled: true },
          { externalPort: 2323, protocol: 'TCP', internalClient: NAS, internalPort: 23, description: 'NAS beheer', enabled: true },
          { externalPort: 9999, protocol: 'UDP', internalClient: '127.81.13.99', internalPort: 9999, description: 'game', enabled: true },
        ],
      },
    },
  };
  const camera: DeviceSpec = { ...router, id: 'camera', address: CAMERA, ssdp: undefined };
  igd = await startUpnpHttp({ device: router, state: newDeviceState(), fleet: { name: 't', range: '127.81.13.0/24', devices: [router, camera] }, signal: controller.signal });
}

function routerFacts(controlURL: string): SsdpInfo[] {
  return [{
    location: `http://${ROUTER}:49000/description.xml`,
    types: ['urn:schemas-upnp-org:device:InternetGatewayDevice:1'],
    description: { services: [{ serviceType: WAN_IP, controlURL }], deviceTypes: [] },
  }];
}

describe('exposed-by-port-mapping against the IGD persona', () => {
  it('puts each mapping on the inside device it exposes, severity by what is exposed', async () => {
    await startIgd();
    const router = makeDevice(ROUTER, [], { kind: 'router', ssdp: routerFacts('/ctl/IPConn') });
    const webPort: PortInfo = { transport: 'tcp', port: 80, name: 'http' };
    const camera = makeDevice(CAMERA, [webPort], { kind: 'camera' });
    const nas = makeDevice(NAS, [{ transport: 'tcp', port: 23, name: 'telnet' }], { kind: 'nas' });
    const findings = await portMappingsCheck.run(router, makeContext([router, camera, nas], []).ctx);
    const summary = findings.map((f) => [f.deviceId, f.severity, f.title.en]);
    expect(summary).toEqual([
      [camera.id, 'high', `Camera ${CAMERA}:80 reachable from the internet on port 8080`],
      [nas.id, 'critical', `NAS ${NAS}:23 reachable from the internet on port 2323`],
      [router.id, 'medium', 'Device 127.81.13.99:9999 reachable from the internet on port 9999'],
    ]);
    expect(findings[0]!.evidence[0]).toContain('203.0.113.47:8080');
  });

  it('reads until the fault at the end of the table', async () => {
    await startIgd();
    const reading = await readPortMappings({ ip: ROUTER, port: 49000, path: '/ctl/IPConn', serviceType: WAN_IP }, { signal: controller.signal, timeoutMs: 3000 });
    expect(reading.mappings).toHaveLength(3);
    expect(reading.stoppedBy).toMatch(/^fault 713/);
    expect(reading.externalIp).toBe('203.0.113.47');
  });

  it('refuses a control URL on another host and contacts nothing', async () => {
    let contacted = 0;
    server = createServer((_req, res) => {
      contacted += 1;
      res.end();
    });
    await new Promise<void>((resolve) => server!.listen(49000, '127.81.13.2', resolve));
    const router = makeDevice(ROUTER, [], { kind: 'router', ssdp: routerFacts('http://127.81.13.2:49000/ctl/IPConn') });
    await expect(portMappingsCheck.run(router, makeContext([router], []).ctx)).rejects.toBeInstanceOf(OutOfScopeUrlError);
    expect(contacted).toBe(0);
  });
});
