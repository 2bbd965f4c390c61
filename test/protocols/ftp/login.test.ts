import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { probeFtpLogin } from '../../../src/protocols/ftp/login.js';
import { parseFtpReply } from '../../../src/protocols/ftp/replies.js';
import { probeOptions, startMockDevice, type MockDevice } from '../mock-device.js';

// Loopback sub-range for this file: 127.81.4.0/24.
let device: MockDevice | undefined;
afterEach(async () => {
  await device?.close();
  device = undefined;
});

describe('parseFtpReply', () => {
  it('waits for the closing line of a multi-line reply', () => {
    expect(parseFtpReply(Buffer.from('230-Welcome\r\n'))).toBeUndefined();
    const reply = parseFtpReply(Buffer.from('230-Welcome\r\nto the NAS\r\n230 Login ok\r\n331 next'));
    expect(reply?.code).toBe(230);
    expect(reply?.length).toBe('230-Welcome\r\nto the NAS\r\n230 Login ok\r\n'.length);
  });
});

describe('probeFtpLogin against the ftp persona', () => {
  it('230 plus PWD is a login; a wrong password is 530', async () => {
    device = await startMockDevice('127.81.4.1', [{ type: 'ftp', port: 2121, banner: '220 (vsFTPd 3.0.3)', anonymous: false }]);
    const target = { ip: '127.81.4.1', port: 2121 };
    const ok = await probeFtpLogin(target, 'admin', '12345', probeOptions());
    expect(ok.outcome).toBe('success');
    expect(ok.status).toBe(230);
    const bad = await probeFtpLogin(target, 'admin', 'nope', probeOptions());
    expect(bad.outcome).toBe('denied');
    expect(bad.status).toBe(530);
  });

  it('anonymous login lists the top directory, the data connection only to the device', async () => {
    device = await startMockDevice('127.81.4.2', [{ type: 'ftp', port: 2121, banner: '220 (vsFTPd 3.0.3)', anonymous: true }]);
    const result = await probeFtpLogin({ ip: '127.81.4.2', port: 2121 }, 'anonymous', 'guest@', { ...probeOptions(), listTopDirectory: true });
    expect(result.outcome).toBe('success');
    expect(result.listing?.length).toBeGreaterThan(0);
  });

  it('waits for a wrong password\'s slowed answer (vsftpd after PAM\'s fail delay) past the per-step time-out', async () => {
    device = await startMockDevice('127.81.4.3', [{ type: 'ftp', port: 2121, banner: '220 (vsFTPd 3.0.3)', anonymous: false }], { knobs: { failedLoginDelayMs: 900 } });
    const started = performance.now();
    const bad = await probeFtpLogin({ ip: '127.81.4.3', port: 2121 }, 'admin', 'nope', probeOptions(300));
    expect(performance.now() - started).toBeGreaterThanOrEqual(850);
    expect(bad.outcome).toBe('denied');
    expect(bad.status).toBe(530);
  });

  it('says a session that failed after the password was taken (vsftpd "500 OOPS") is no wrong guess and no login', async () => {
    const server = net.createServer((socket) => {
      socket.write('220 (vsFTPd 3.0.3)\r\n');
      socket.on('data', (chunk: Buffer) => {
        const line = chunk.toString();
        if (line.startsWith('USER')) socket.write('331 Please specify the password.\r\n');
        if (line.startsWith('PASS')) socket.end('500 OOPS: cannot change directory:/home/admin\r\n');
      });
    });
    await new Promise<void>((resolve) => server.listen(2121, '127.81.4.4', resolve));
    try {
      const result = await probeFtpLogin({ ip: '127.81.4.4', port: 2121 }, 'admin', '1234', probeOptions());
      expect(result.outcome).toBe('error');
      expect(result.detail).toMatch(/password taken, but the session failed: OOPS: cannot change directory/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

