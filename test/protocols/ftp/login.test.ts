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
});
