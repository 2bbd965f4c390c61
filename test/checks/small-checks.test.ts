import { afterEach, describe, expect, it } from 'vitest';
import { anonymousFtpCheck } from '../../src/checks/anonymous-ftp.js';
import { mqttNoAuthCheck } from '../../src/checks/mqtt-no-auth.js';
import { plainHttpAdminCheck } from '../../src/checks/plain-http-admin.js';
import type { PortInfo } from '../../src/model.js';
import { makeContext, makeDevice } from './device-fixture.js';
import { startMockDevice, type MockDevice } from '../protocols/mock-device.js';

// Loopback sub-range for this file: 127.81.12.0/24.
let mock: MockDevice | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe('mqtt-no-auth', () => {
  const mqttPort: PortInfo = { transport: 'tcp', port: 1883, name: 'mqtt' };
  it('an open broker is high; a broker with accounts is clean', async () => {
    mock = await startMockDevice('127.81.12.1', [{ type: 'mqtt', port: 1883, anonymous: true }]);
    const open = makeDevice('127.81.12.1', [mqttPort], { kind: 'hub' });
    const findings = await mqttNoAuthCheck.run(open, makeContext([open], []).ctx);
    expect(findings.map((f) => [f.check, f.severity])).toEqual([['mqtt-no-auth', 'high']]);
    await mock.close();
    mock = await startMockDevice('127.81.12.2', [{ type: 'mqtt', port: 1883, anonymous: false }]);
    const closed = makeDevice('127.81.12.2', [mqttPort], { kind: 'hub' });
    expect(await mqttNoAuthCheck.run(closed, makeContext([closed], []).ctx)).toEqual([]);
  });

  it('--no-login sends no CONNECT', async () => {
    mock = await startMockDevice('127.81.12.3', [{ type: 'mqtt', port: 1883, anonymous: true }]);
    const device = makeDevice('127.81.12.3', [mqttPort], { kind: 'hub' });
    expect(await mqttNoAuthCheck.run(device, makeContext([device], [], { login: false }).ctx)).toEqual([]);
    expect(mock.state.loginAttempts).toBe(0);
  });
});

describe('anonymous-ftp', () => {
  const ftpPort: PortInfo = { transport: 'tcp', port: 2121, name: 'ftp' };
  it('anonymous with files listed is high; without anonymous nothing', async () => {
    mock = await startMockDevice('127.81.12.4', [{ type: 'ftp', port: 2121, banner: '220 (vsFTPd 3.0.3)', anonymous: true }]);
    const device = makeDevice('127.81.12.4', [ftpPort], { kind: 'nas' });
    const findings = await anonymousFtpCheck.run(device, makeContext([device], []).ctx);
    expect(findings.map((f) => [f.check, f.severity])).toEqual([['anonymous-ftp', 'high']]);
    expect(findings[0]!.evidence[1]).toMatch(/lists \d+ name/);
    await mock.close();
    mock = await startMockDevice('127.81.12.5', [{ type: 'ftp', port: 2121, banner: '220 (vsFTPd 3.0.3)', anonymous: false }]);
    const closed = makeDevice('127.81.12.5', [ftpPort], { kind: 'nas' });
    expect(await anonymousFtpCheck.run(closed, makeContext([closed], []).ctx)).toEqual([]);
  });
});

describe('plain-http-admin', () => {
  const run = (ports: PortInfo[]) => plainHttpAdminCheck.run(makeDevice('127.81.12.9', ports), makeContext([], []).ctx);
  it('a Digest login over http without https is medium; with https low; an open page nothing', async () => {
    const digest: PortInfo = { transport: 'tcp', port: 80, name: 'http', http: { status: 401, authScheme: 'digest', realm: 'cam', headers: {} } };
    const https: PortInfo = { transport: 'tcp', port: 443, name: 'https', tls: true, http: { status: 200, headers: {} } };
    const form: PortInfo = { transport: 'tcp', port: 5000, name: 'http', http: { status: 200, title: 'NAS', bodyExcerpt: '<input type="password" name="passwd">', headers: {} } };
    const open: PortInfo = { transport: 'tcp', port: 8008, name: 'http', http: { status: 200, title: 'Cast', headers: {} } };
    expect((await run([digest])).map((f) => f.severity)).toEqual(['medium']);
    expect((await run([digest, https])).map((f) => f.severity)).toEqual(['low']);
    expect((await run([form])).map((f) => f.details.port)).toEqual([5000]);
    expect(await run([open])).toEqual([]);
  });
});

describe('plain-http-admin leaves RTSP alone', () => {
  it('an RTSP port with a Digest challenge is not a web admin page', async () => {
    const rtsp: PortInfo = { transport: 'tcp', port: 554, name: 'rtsp', http: { status: 401, authScheme: 'digest', headers: {} } };
    expect(await plainHttpAdminCheck.run(makeDevice('127.81.12.10', [rtsp]), makeContext([], []).ctx)).toEqual([]);
  });
});
