import { afterEach, describe, expect, it } from 'vitest';
import { createDefaultCredentialsCheck, deviceFailureBudget } from '../../src/checks/default-credentials.js';
import type { PortInfo } from '../../src/model.js';
import { checksOf, credential, makeContext, makeDevice } from './device-fixture.js';
import { startMockDevice, type MockDevice } from './login/mock-device.js';

// Loopback sub-range for this file: 127.81.10.0/24.
let mock: MockDevice | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const check = createDefaultCredentialsCheck({ forms: [] });
const basicPort = (port: number): PortInfo => ({ transport: 'tcp', port, name: 'http', http: { status: 401, authScheme: 'basic', headers: {} } });
const digestPort = (port: number): PortInfo => ({ transport: 'tcp', port, name: 'http', http: { status: 401, authScheme: 'digest', headers: {} } });
const telnetPort = (port: number): PortInfo => ({ transport: 'tcp', port, name: 'telnet' });

const cameraCredentials = [
  credential('acme-admin-12345', 'admin', '12345', ['http', 'telnet'], 'Acme'),
  credential('generic-admin-admin', 'admin', 'admin', ['http', 'telnet']),
];

describe('default-credentials', () => {
  it('finds the factory password on HTTP Digest, masked, after a failed random-password decoy', async () => {
    mock = await startMockDevice('127.81.10.1', [{ type: 'http', port: 8080, title: 'Cam', auth: 'digest', afterLogin: 'Configuration' }]);
    const device = makeDevice('127.81.10.1', [digestPort(8080)]);
    const { ctx, attempts } = makeContext([device], cameraCredentials);
    const findings = await check.run(device, ctx);
    expect(checksOf(findings)).toEqual(['default-credentials']);
    const [finding] = findings;
    expect(finding!.severity).toBe('critical');
    expect(finding!.evidence[0]).toMatch(/^HTTP Digest on :8080 accepted admin \/ 1•••5 \(page after login shows '.*'\)$/);
    expect(JSON.stringify(finding)).not.toContain('12345');
    expect(finding!.details).toMatchObject({ service: 'http-digest', port: 8080, username: 'admin', passwordMasked: '1•••5' });
    expect(attempts).toHaveLength(2);
    expect(mock.state.loginAttempts).toBe(2);
  });

  it('a device that accepts any password gets one accepts-any-password finding and nothing more', async () => {
    mock = await startMockDevice('127.81.10.2', [{ type: 'http', port: 8080, title: 'RE', auth: 'basic' }], { knobs: { acceptAnyPassword: true } });
    const device = makeDevice('127.81.10.2', [basicPort(8080)], { kind: 'access-point' });
    const { ctx } = makeContext([device], cameraCredentials);
    const findings = await check.run(device, ctx);
    expect(checksOf(findings)).toEqual(['accepts-any-password']);
    expect(findings[0]!.severity).toBe('medium');
    expect(mock.state.loginAttempts).toBe(1);
  });

  it('--no-login makes no attempt at all', async () => {
    mock = await startMockDevice('127.81.10.3', [{ type: 'http', port: 8080, title: 'Cam', auth: 'basic' }]);
    const device = makeDevice('127.81.10.3', [basicPort(8080)]);
    const { ctx, attempts } = makeContext([device], cameraCredentials, { login: false });
    expect(await check.run(device, ctx)).toEqual([]);
    expect(attempts).toHaveLength(0);
    expect(mock.state.loginAttempts).toBe(0);
  });

  it('honours maxAttempts per service and the device-wide budget of failures in a row', async () => {
    mock = await startMockDevice('127.81.10.4', [{ type: 'telnet', port: 2323, banner: 'x\r\n', prompt: '# ' }], {
      accounts: [{ username: 'root', password: 'not-guessable' }],
    });
    const device = makeDevice('127.81.10.4', [telnetPort(2323)]);
    const many = Array.from({ length: 10 }, (_, i) => credential(`g${i}`, 'root', `pw${i}`, ['telnet']));
    for (const maxAttempts of [3, 8]) {
      mock.state.loginAttempts = 0;
      mock.state.failedLogins = 0;
      const { ctx } = makeContext([device], many, { maxAttempts });
      expect(await check.run(device, ctx)).toEqual([]);
      expect(mock.state.loginAttempts).toBe(Math.min(maxAttempts, deviceFailureBudget(maxAttempts)));
    }
  });

  it('leaves a device that locks after 3 failures unlocked, over two services', async () => {
    mock = await startMockDevice(
      '127.81.10.5',
      [
        { type: 'telnet', port: 2323, banner: 'cam login: ', prompt: '# ', accounts: [{ username: 'root', password: 'deep-in-the-list' }] },
        { type: 'http', port: 8080, title: 'Cam', auth: 'digest', accounts: [{ username: 'admin', password: 'owner-chosen' }] },
      ],
      { knobs: { lockoutAfter: 3, lockoutMs: 300_000 } },
    );
    const device = makeDevice('127.81.10.5', [telnetPort(2323), digestPort(8080)]);
    const { ctx } = makeContext([device], [...cameraCredentials, credential('x', 'root', 'deep-in-the-list', ['telnet'])]);
    expect(await check.run(device, ctx)).toEqual([]);
    expect(mock.state.lockedUntil).toBe(0);
    expect(mock.state.failedLogins).toBeLessThan(3);
  });

  it('stops at the first lock-out sign', async () => {
    mock = await startMockDevice('127.81.10.6', [{ type: 'http', port: 8080, title: 'Cam', auth: 'basic' }], {
      accounts: [{ username: 'admin', password: 'zzz' }],
      knobs: { lockoutAfter: 1, lockoutMs: 300_000 },
    });
    const device = makeDevice('127.81.10.6', [basicPort(8080)]);
    const { ctx, notes } = makeContext([device], cameraCredentials, { maxAttempts: 10 });
    expect(await check.run(device, ctx)).toEqual([]);
    // The decoy locks it; the next answer is a 429 and nothing follows.
    expect(mock.state.loginAttempts).toBe(2);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/stopped trying factory passwords at a lock-out sign \(HTTP Basic on :8080: .*429/);
  });
});
