import { afterEach, describe, expect, it } from 'vitest';
import { probeTelnetLogin } from '../../../src/protocols/telnet/login.js';
import { stripTelnetNegotiation } from '../../../src/protocols/telnet/negotiation.js';
import { probeOptions, startMockDevice, type MockDevice } from '../mock-device.js';

// Loopback sub-range for this file: 127.81.2.0/24.
let device: MockDevice | undefined;
afterEach(async () => {
  await device?.close();
  device = undefined;
});

describe('stripTelnetNegotiation', () => {
  it('removes option requests, refuses them, and keeps an incomplete sequence for later', () => {
    const input = Buffer.from([255, 253, 24, 255, 251, 1, ...Buffer.from('login: '), 255, 250, 24, 1]);
    const out = stripTelnetNegotiation(input);
    expect(out.text.toString()).toBe('login: ');
    expect([...out.replies]).toEqual([255, 252, 24, 255, 254, 1]);
    expect([...out.rest]).toEqual([255, 250, 24, 1]);
  });
});

describe('probeTelnetLogin against the telnet persona', () => {
  it('logs in with the right password and shows the shell prompt as proof', async () => {
    device = await startMockDevice('127.81.2.1', [{ type: 'telnet', port: 2323, banner: 'BusyBox v1.31\r\n', prompt: '# ' }]);
    const result = await probeTelnetLogin({ ip: '127.81.2.1', port: 2323 }, 'admin', '12345', probeOptions());
    expect(result.outcome).toBe('success');
    expect(result.proof).toMatch(/shell prompt/);
    expect(device.state.successfulLogins).toBe(1);
  });

  it('is denied with a wrong password', async () => {
    device = await startMockDevice('127.81.2.2', [{ type: 'telnet', port: 2323, banner: 'BusyBox v1.31\r\n', prompt: '# ' }]);
    const result = await probeTelnetLogin({ ip: '127.81.2.2', port: 2323 }, 'admin', 'nope', probeOptions());
    expect(result.outcome).toBe('denied');
    expect(result.detail).toMatch(/incorrect|login/i);
    expect(device.state.loginAttempts).toBe(1);
  });

  it('waits for the slowed "Login incorrect" (busybox login pauses) past the per-step time-out', async () => {
    device = await startMockDevice('127.81.2.3', [{ type: 'telnet', port: 2323, banner: 'BusyBox v1.31\r\n', prompt: '# ' }], { knobs: { failedLoginDelayMs: 900 } });
    const started = performance.now();
    const result = await probeTelnetLogin({ ip: '127.81.2.3', port: 2323 }, 'admin', 'nope', probeOptions(300));
    expect(performance.now() - started).toBeGreaterThanOrEqual(850);
    expect(result.outcome).toBe('denied');
    expect(result.detail).toMatch(/login/i);
  });
});

