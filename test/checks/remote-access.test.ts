import { afterEach, describe, expect, it } from 'vitest';
import { remoteAccessCheck } from '../../src/checks/remote-access.js';
import type { PortInfo } from '../../src/model.js';
import { makeContext, makeDevice } from './device-fixture.js';
import { startMockDevice, type MockDevice } from '../protocols/mock-device.js';

// Loopback sub-range for this file: 127.81.14.0/24.
let mock: MockDevice | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const tcp = (port: number, name: string): PortInfo => ({ transport: 'tcp', port, name });
const severities = (findings: Array<{ details: Record<string, unknown>; severity: string }>) =>
  Object.fromEntries(findings.map((f) => [String(f.details.service), f.severity]));

describe('remote-access', () => {
  it('rates telnet, ssh with password, vnc without auth, adb, rdp and tr069', async () => {
    mock = await startMockDevice('127.81.14.1', [
      { type: 'ssh', port: 2222, ident: 'SSH-2.0-dropbear_2019.78' },
      { type: 'vnc', port: 5900, noAuth: true },
    ]);
    const device = makeDevice('127.81.14.1', [tcp(23, 'telnet'), tcp(2222, 'ssh'), tcp(5900, 'vnc'), tcp(5555, 'adb'), tcp(3389, 'rdp'), tcp(7547, 'tr069')]);
    const findings = await remoteAccessCheck.run(device, makeContext([device], []).ctx);
    expect(severities(findings)).toEqual({ telnet: 'critical', ssh: 'high', vnc: 'critical', adb: 'critical', rdp: 'high', tr069: 'medium' });
    expect(findings.find((f) => f.details.service === 'ssh')!.evidence[0]).toMatch(/offers .*password/);
    expect(mock.state.loginAttempts).toBe(0);
  });

  it('VNC with a password is high, not critical', async () => {
    mock = await startMockDevice('127.81.14.2', [{ type: 'vnc', port: 5900, noAuth: false }]);
    const device = makeDevice('127.81.14.2', [tcp(5900, 'vnc')]);
    expect(severities(await remoteAccessCheck.run(device, makeContext([device], []).ctx))).toEqual({ vnc: 'high' });
  });

  it('a router announcing UPnP IGD gets the medium "any device may open ports" finding', async () => {
    const router = makeDevice('127.81.14.3', [], {
      kind: 'router',
      ssdp: [{ types: ['urn:schemas-upnp-org:device:InternetGatewayDevice:1'], server: 'miniupnpd/2.1' }],
    });
    expect(remoteAccessCheck.appliesTo(router)).toBe(true);
    expect(severities(await remoteAccessCheck.run(router, makeContext([router], []).ctx))).toEqual({ 'upnp-igd': 'medium' });
  });
});
