import { afterEach, describe, expect, it } from 'vitest';
import { probeSshAuthMethods, probeSshLogin } from '../../../src/protocols/ssh/login.js';
import { probeOptions, startMockDevice, type MockDevice } from '../mock-device.js';

// Loopback sub-range for this file: 127.81.3.0/24.
let device: MockDevice | undefined;
afterEach(async () => {
  await device?.close();
  device = undefined;
});

describe('probeSshLogin against the ssh persona', () => {
  it('a right password reaches ready; a wrong one is denied', async () => {
    device = await startMockDevice('127.81.3.1', [{ type: 'ssh', port: 2222, ident: 'SSH-2.0-dropbear_2019.78' }]);
    const target = { ip: '127.81.3.1', port: 2222 };
    const ok = await probeSshLogin(target, 'admin', '12345', probeOptions());
    expect(ok.outcome).toBe('success');
    const bad = await probeSshLogin(target, 'admin', 'wrong', probeOptions());
    expect(bad.outcome).toBe('denied');
    expect(device.state.successfulLogins).toBe(1);
  });

  it("waits for a wrong password's slowed answer (sshd behind PAM's fail delay) past the per-step time-out", async () => {
    device = await startMockDevice('127.81.3.3', [{ type: 'ssh', port: 2222, ident: 'SSH-2.0-OpenSSH_9.2p1 Debian-2' }], { knobs: { failedLoginDelayMs: 900 } });
    const target = { ip: '127.81.3.3', port: 2222 };
    const started = performance.now();
    const bad = await probeSshLogin(target, 'admin', 'wrong', probeOptions(300));
    expect(performance.now() - started).toBeGreaterThanOrEqual(850);
    // Without the grace for a refusal, the 300 ms time-out ends it first: an error, no wrong guess seen.
    expect(bad).toMatchObject({ outcome: 'denied', detail: 'password refused' });
    // The right password is not slowed.
    expect((await probeSshLogin(target, 'admin', '12345', probeOptions(300))).outcome).toBe('success');
  });

  it('learns that the server offers password login without sending a password', async () => {
    device = await startMockDevice('127.81.3.2', [{ type: 'ssh', port: 2222, ident: 'SSH-2.0-dropbear_2019.78' }]);
    const methods = await probeSshAuthMethods({ ip: '127.81.3.2', port: 2222 }, probeOptions());
    expect(methods.openWithoutLogin).toBe(false);
    expect(methods.methods).toContain('password');
    expect(device.state.successfulLogins).toBe(0);
  });
});
