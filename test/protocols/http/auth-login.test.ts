import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHttpAuthLogin } from '../../../src/protocols/http/auth-login.js';
import { probeOptions, startMockDevice, type MockDevice } from '../mock-device.js';

// Loopback sub-range for this file: 127.81.1.0/24.
let device: MockDevice | undefined;
let server: Server | undefined;
afterEach(async () => {
  await device?.close();
  device = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

describe('probeHttpAuthLogin against the web persona', () => {
  for (const auth of ['basic', 'digest'] as const) {
    it(`${auth}: the right password logs in with the page after login as proof`, async () => {
      device = await startMockDevice('127.81.1.1', [
        { type: 'http', port: 8081, title: 'IPCam', auth, afterLogin: 'Configuration panel' },
      ]);
      const result = await probeHttpAuthLogin({ ip: '127.81.1.1', port: 8081 }, 'admin', '12345', probeOptions());
      expect(result.outcome).toBe('success');
      expect(result.status).toBe(200);
      expect(result.proof).toMatch(/IPCam|Configuration/);
      expect(device.state.successfulLogins).toBe(1);
    });

    it(`${auth}: a wrong password is denied`, async () => {
      device = await startMockDevice('127.81.1.2', [{ type: 'http', port: 8082, title: 'IPCam', auth }]);
      const result = await probeHttpAuthLogin({ ip: '127.81.1.2', port: 8082 }, 'admin', 'wrong', probeOptions());
      expect(result.outcome).toBe('denied');
      expect(result.status).toBe(401);
      expect(device.state.loginAttempts).toBe(1);
    });
  }

  it('reports a lock-out when the device answers 429', async () => {
    device = await startMockDevice('127.81.1.3', [{ type: 'http', port: 8083, title: 'Cam', auth: 'basic' }], {
      knobs: { lockoutAfter: 1, lockoutMs: 60_000 },
    });
    const target = { ip: '127.81.1.3', port: 8083 };
    expect((await probeHttpAuthLogin(target, 'admin', 'bad', probeOptions())).outcome).toBe('denied');
    const locked = await probeHttpAuthLogin(target, 'admin', '12345', probeOptions());
    expect(locked.outcome).toBe('locked-out');
    expect(locked.status).toBe(429);
  });
});

describe('404 baseline', () => {
  it('a server that answers 200 to anything, without asking for a login, is not "logged in"', async () => {
    server = createServer((_req, res) => res.writeHead(200).end('<title>Welcome</title>'));
    await new Promise<void>((resolve) => server!.listen(8085, '127.81.1.4', resolve));
    const result = await probeHttpAuthLogin({ ip: '127.81.1.4', port: 8085 }, 'admin', 'x', probeOptions());
    expect(result.outcome).not.toBe('success');
    expect(result.status).toBe(200);
  });

  it('a 200-to-everything page behind a 401 is not a login when the random path shows the same page', async () => {
    // Random paths answer 200 with the same body the "protected" page shows after any credentials.
    server = createServer((req, res) => {
      if (req.url === '/' && !req.headers.authorization) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="x"' }).end('login');
        return;
      }
      res.writeHead(200).end('<title>Same for all</title>');
    });
    await new Promise<void>((resolve) => server!.listen(8086, '127.81.1.5', resolve));
    const result = await probeHttpAuthLogin({ ip: '127.81.1.5', port: 8086 }, 'admin', 'x', probeOptions());
    expect(result.outcome).toBe('denied');
    expect(result.detail).toMatch(/same as without a login/);
  });
});
