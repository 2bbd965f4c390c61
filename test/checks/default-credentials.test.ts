import { afterEach, describe, expect, it } from 'vitest';
import { createDefaultCredentialsCheck } from '../../src/checks/default-credentials.js';
import { ledgerOf } from '../../src/checks/login/ledger.js';
import type { PortInfo } from '../../src/model.js';
import { checksOf, credential, makeContext, makeDevice } from './device-fixture.js';
import { startMockDevice, type MockDevice } from '../protocols/mock-device.js';
import { anonymousFtpCheck } from '../../src/checks/anonymous-ftp.js';

// Loopback sub-range for this file: 127.81.10.0/24.
let mock: MockDevice | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

const check = createDefaultCredentialsCheck({ forms: [] });
const basicPort = (port: number, server?: string): PortInfo => ({
  transport: 'tcp', port, name: 'http', http: { status: 401, authScheme: 'basic', headers: server ? { server } : {} },
});
const digestPort = (port: number): PortInfo => ({ transport: 'tcp', port, name: 'http', http: { status: 401, authScheme: 'digest', headers: {} } });
const telnetPort = (port: number): PortInfo => ({ transport: 'tcp', port, name: 'telnet' });

const cameraCredentials = [
  credential('acme-admin-12345', 'admin', '12345', ['http', 'telnet'], 'Acme'),
  credential('generic-admin-admin', 'admin', 'admin', ['http', 'telnet']),
];

describe('default-credentials', () => {
  it('finds the factory password on HTTP Digest, masked, and confirms it with a refused random password', async () => {
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
    // admin/12345 works, then admin with a random 5-character password is refused.
    expect(attempts).toHaveLength(2);
    expect(mock.state.loginAttempts).toBe(2);
    expect(finding!.evidence[1]).toBe('a random password of the same length for admin was refused');
  });

  it('a device that accepts any password gets one accepts-any-password finding and nothing more', async () => {
    mock = await startMockDevice('127.81.10.2', [{ type: 'http', port: 8080, title: 'RE', auth: 'basic' }], { knobs: { acceptAnyPassword: true } });
    const device = makeDevice('127.81.10.2', [basicPort(8080)], { kind: 'access-point' });
    const { ctx } = makeContext([device], cameraCredentials);
    const findings = await check.run(device, ctx);
    expect(checksOf(findings)).toEqual(['accepts-any-password']);
    expect(findings[0]!.severity).toBe('medium');
    // The first candidate, then the random password that shows it takes anything.
    expect(mock.state.loginAttempts).toBe(2);
  });

  it('--no-login makes no attempt at all', async () => {
    mock = await startMockDevice('127.81.10.3', [{ type: 'http', port: 8080, title: 'Cam', auth: 'basic' }]);
    const device = makeDevice('127.81.10.3', [basicPort(8080)]);
    const { ctx, attempts } = makeContext([device], cameraCredentials, { login: false });
    expect(await check.run(device, ctx)).toEqual([]);
    expect(attempts).toHaveLength(0);
    expect(mock.state.loginAttempts).toBe(0);
  });

  it('stays one failure under the default threshold of 3 on a device it does not know, whatever maxAttempts says', async () => {
    mock = await startMockDevice('127.81.10.4', [{ type: 'telnet', port: 2323, banner: 'x\r\n', prompt: '# ' }], {
      accounts: [{ username: 'root', password: 'not-guessable' }],
    });
    const device = makeDevice('127.81.10.4', [telnetPort(2323)]);
    const many = Array.from({ length: 10 }, (_, i) => credential(`g${i}`, i % 2 ? 'admin' : 'root', `pw${i}`, ['telnet']));
    for (const maxAttempts of [3, 8]) {
      mock.state.loginAttempts = 0;
      mock.state.failedLogins = 0;
      const { ctx, notes } = makeContext([device], many, { maxAttempts });
      expect(await check.run(device, ctx)).toEqual([]);
      expect(mock.state.loginAttempts).toBe(2);
      const [line] = ledgerOf(ctx).coverage()[device.id]!;
      // With 3 the two candidates are all the cap allows; with 8 the budget stops it after two.
      const result = maxAttempts === 3 ? 'none-worked' : 'partly-tried';
      expect(line).toMatchObject({ service: 'telnet', attempts: 2, accounts: ['root', 'admin'], result, lockout: 'default' });
      if (maxAttempts === 3) expect(notes).toEqual([]);
      else expect(notes.join('\n')).toMatch(/not fully checked: telnet on :2323 2 attempt\(s\) with 2 account\(s\), then budget: 2 failed login\(s\) in a row on the device/);
    }
  });

  it('tries up to maxAttempts on a web server whose lock-out fact says it never locks (lighttpd)', async () => {
    mock = await startMockDevice('127.81.10.9', [{ type: 'http', port: 8080, title: 'Printer', auth: 'basic' }], {
      accounts: [{ username: 'admin', password: 'fourth' }],
    });
    const device = makeDevice('127.81.10.9', [basicPort(8080, 'lighttpd/1.4.69')], { vendor: 'Quillon', kind: 'printer' });
    const list = ['first', 'second', 'third', 'fourth', 'fifth'].map((p) => credential(`w-${p}`, 'admin', p, ['http']));
    const { ctx } = makeContext([device], list, { maxAttempts: 5 });
    const findings = await check.run(device, ctx);
    expect(checksOf(findings)).toEqual(['default-credentials']);
    // Four candidates (the fourth works) and the random password: the cap of 5.
    expect(mock.state.loginAttempts).toBe(5);
    expect(ledgerOf(ctx).coverage()[device.id]![0]).toMatchObject({ result: 'found', attempts: 5, lockout: 'lighttpd-mod-auth' });
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
    // The first candidate locks it; the next answer is a 429 and nothing follows.
    expect(mock.state.loginAttempts).toBe(2);
    expect(notes[0]).toMatch(/stopped trying factory passwords at a lock-out sign \(HTTP Basic on :8080: .*429/);
    expect(notes[1]).toMatch(/not fully checked: HTTP Basic on :8080 2 attempt\(s\) with 1 account\(s\), then lock-out sign/);
  });

  describe('hostile devices', () => {
    it('telnet that takes any password for admin only: no factory-password claim', async () => {
      mock = await startMockDevice('127.81.10.20', [{ type: 'telnet', port: 2323, banner: 'x\r\n', prompt: '# ' }], {
        accounts: [], knobs: { acceptAnyPasswordFor: ['admin'] },
      });
      const device = makeDevice('127.81.10.20', [telnetPort(2323)], { vendor: 'Unknown' });
      const { ctx } = makeContext([device], [credential('t1', 'root', 'xc3511', ['telnet']), credential('t2', 'admin', 'admin', ['telnet'])]);
      const findings = await check.run(device, ctx);
      expect(checksOf(findings)).toEqual(['accepts-any-password']);
      expect(findings[0]!.details).toMatchObject({ username: 'admin' });
    });

    it('HTTP Basic that takes any password shorter than 16 characters: no factory-password claim', async () => {
      mock = await startMockDevice('127.81.10.21', [{ type: 'http', port: 8080, title: 'NVR', auth: 'basic', afterLogin: 'Settings' }], {
        accounts: [], knobs: { acceptPasswordsShorterThan: 16 },
      });
      const device = makeDevice('127.81.10.21', [basicPort(8080)], { vendor: 'Unknown' });
      const { ctx } = makeContext([device], [credential('h1', 'admin', 'admin', ['http'])]);
      const findings = await check.run(device, ctx);
      expect(checksOf(findings)).toEqual(['accepts-any-password']);
      expect(findings[0]!.evidence[0]).toMatch(/random 5-character password/);
    });

    it('a device that locks after 3 failures over all its services stays unlocked, anonymous FTP and MQTT included', async () => {
      mock = await startMockDevice(
        '127.81.10.22',
        [
          { type: 'telnet', port: 2323, banner: 'cam login: ', prompt: '# ', accounts: [{ username: 'root', password: 'owner-chosen-1' }] },
          { type: 'ftp', port: 2121, banner: '220 FTP ready', anonymous: false, accounts: [{ username: 'admin', password: 'owner-chosen-2' }] },
          { type: 'http', port: 8080, title: 'Cam', auth: 'digest', accounts: [{ username: 'admin', password: 'owner-chosen-3' }] },
        ],
        { knobs: { lockoutAfter: 3, lockoutMs: 300_000 } },
      );
      const device = makeDevice('127.81.10.22', [{ ...telnetPort(2323), banner: 'cam login:' }, { transport: 'tcp', port: 2121, name: 'ftp' }, digestPort(8080)], { vendor: 'Unknown' });
      const list = [credential('a', 'admin', 'admin', ['telnet', 'ftp', 'http']), credential('b', 'root', 'root', ['telnet', 'ftp', 'http'])];
      const { ctx, notes } = makeContext([device], list);
      const findings = [...(await anonymousFtpCheck.run(device, ctx)), ...(await check.run(device, ctx))];
      expect(findings).toEqual([]);
      expect(mock.state.lockedUntil).toBe(0);
      expect(mock.state.failedLogins).toBeLessThan(3);
      // The banner grab counted as one failure, anonymous FTP as the second: nothing more was tried.
      expect(mock.state.loginAttempts).toBe(1);
      const lines = ledgerOf(ctx).coverage()[device.id]!;
      expect(lines.every((line) => line.reason !== undefined)).toBe(true);
      expect(notes.join('\n')).toMatch(/not fully checked: telnet on :2323 budget/);
    });
  });

  describe('orders guesses by what the device says itself', () => {
    const unknownMake = (ip: string, ports: PortInfo[]) => ({ ...makeDevice(ip, ports), vendor: null, model: null });

    it('tries first the pair whose user a telnet greeting names, where the list order would spend the budget first', async () => {
      const banner = 'Log in as support (password on the label)\r\n';
      mock = await startMockDevice('127.81.10.30', [{ type: 'telnet', port: 2323, banner, prompt: '# ' }], {
        accounts: [{ username: 'support', password: 's3cret' }],
      });
      const device = unknownMake('127.81.10.30', [{ ...telnetPort(2323), banner: 'Log in as support (password on the label)' }]);
      const list = [credential('g-root-a', 'root', 'a', ['telnet']), credential('g-root-b', 'root', 'b', ['telnet']), credential('g-support', 'support', 's3cret', ['telnet'])];
      const { ctx } = makeContext([device], list);
      const findings = await check.run(device, ctx);
      expect(checksOf(findings)).toEqual(['default-credentials']);
      expect(findings[0]!.details).toMatchObject({ username: 'support' });
      // The hinted pair, then the random password for support: no root guess was spent.
      expect(mock.state.loginAttempts).toBe(2);
    });

    it('takes a make an HTTP realm names as the vendor of a device identification could not name', async () => {
      mock = await startMockDevice('127.81.10.31', [{ type: 'http', port: 8080, title: 'Router', auth: 'basic', realm: 'HOVELO HomeLink 3', afterLogin: 'Configuration' }], {
        accounts: [{ username: 'admin', password: 'hov-1234' }],
      });
      const device = unknownMake('127.81.10.31', [{ ...basicPort(8080), http: { status: 401, authScheme: 'basic', realm: 'HOVELO HomeLink 3', headers: {} } }]);
      const list = [
        credential('g-admin-admin', 'admin', 'admin', ['http']),
        credential('g-admin-password', 'admin', 'password', ['http']),
        credential('hovelo-admin', 'admin', 'hov-1234', ['http'], 'Hovelo'),
      ];
      const { ctx } = makeContext([device], list);
      const findings = await check.run(device, ctx);
      expect(checksOf(findings)).toEqual(['default-credentials']);
      expect(mock.state.loginAttempts).toBe(2);
    });

    it('without a hint keeps the list order (and so misses what is past the budget)', async () => {
      mock = await startMockDevice('127.81.10.32', [{ type: 'telnet', port: 2323, banner: 'BusyBox\r\n', prompt: '# ' }], {
        accounts: [{ username: 'support', password: 's3cret' }],
      });
      const device = unknownMake('127.81.10.32', [{ ...telnetPort(2323), banner: 'BusyBox' }]);
      const list = [credential('g-root-a', 'root', 'a', ['telnet']), credential('g-root-b', 'root', 'b', ['telnet']), credential('g-support', 'support', 's3cret', ['telnet'])];
      const { ctx } = makeContext([device], list);
      expect(await check.run(device, ctx)).toEqual([]);
      expect(mock.state.loginAttempts).toBe(2);
    });
  });
});

