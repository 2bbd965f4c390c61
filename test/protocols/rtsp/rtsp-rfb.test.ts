import { afterEach, describe, expect, it } from 'vitest';
import { probeRfbSecurity } from '../../../src/protocols/rfb/security.js';
import { probeRtspLogin } from '../../../src/protocols/rtsp/login.js';
import { probeOptions, startMockDevice, type MockDevice } from '../mock-device.js';

// Loopback sub-range for this file: 127.81.6.0/24.
let device: MockDevice | undefined;
afterEach(async () => {
  await device?.close();
  device = undefined;
});

describe('probeRtspLogin against the rtsp persona', () => {
  for (const auth of ['basic', 'digest'] as const) {
    it(`${auth}: the session description after login is the proof; a wrong password is 401`, async () => {
      device = await startMockDevice('127.81.6.1', [{ type: 'rtsp', port: 8554, auth }]);
      const target = { ip: '127.81.6.1', port: 8554 };
      const ok = await probeRtspLogin(target, 'admin', '12345', probeOptions());
      expect(ok.outcome).toBe('success');
      expect(ok.proof).toMatch(/session description/);
      const bad = await probeRtspLogin(target, 'admin', 'nope', probeOptions());
      expect(bad.outcome).toBe('denied');
      expect(bad.status).toBe(401);
    });
  }
});

describe('probeRfbSecurity against the vnc persona', () => {
  it('sees security type None on a VNC server without a password', async () => {
    device = await startMockDevice('127.81.6.2', [{ type: 'vnc', port: 5900, noAuth: true }]);
    const result = await probeRfbSecurity({ ip: '127.81.6.2', port: 5900 }, probeOptions());
    expect(result.noAuthentication).toBe(true);
    expect(result.version).toBe('3.8');
  });

  it('sees VNC authentication when a password is set', async () => {
    device = await startMockDevice('127.81.6.3', [{ type: 'vnc', port: 5900, noAuth: false }]);
    const result = await probeRfbSecurity({ ip: '127.81.6.3', port: 5900 }, probeOptions());
    expect(result.noAuthentication).toBe(false);
    expect(result.types).toContain(2);
    expect(device.state.loginAttempts).toBe(0);
  });
});
