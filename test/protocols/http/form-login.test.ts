import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { probeHttpFormLogin } from '../../../src/protocols/http/form-login.js';
import { compileLoginForm, findLoginForm, loadLoginForms, type LoginFormEntry } from '../../../src/checks/login/login-forms.js';
import { probeOptions, startMockDevice, type MockDevice } from '../mock-device.js';

// Loopback sub-range for this file: 127.81.7.0/24.
let device: MockDevice | undefined;
afterEach(async () => {
  await device?.close();
  device = undefined;
});

const entry: LoginFormEntry = {
  id: 'test-form',
  source: 'test',
  checked: '2025-01-01',
  match: { titles: ['^Acme Cam'] },
  loginPage: '/login',
  csrf: { field: 'csrf_token', pagePattern: 'name="csrf_token" value="([^"]+)"' },
  post: { path: '/login', userField: 'username', passField: 'password' },
  success: { redirectTo: '^/home$', cookie: 'SESSIONID', pageText: 'System status' },
  failure: ['Invalid user name or password'],
};
const form = compileLoginForm('test', entry);

describe('probeHttpFormLogin against the web persona', () => {
  it('needs the redirect, the cookie and the page after login together', async () => {
    device = await startMockDevice('127.81.7.1', [{ type: 'http', port: 8080, title: 'Acme Cam', auth: 'form' }]);
    const target = { ip: '127.81.7.1', port: 8080 };
    const ok = await probeHttpFormLogin(target, form, 'admin', '12345', probeOptions());
    expect(ok.outcome).toBe('success');
    expect(ok.proof).toMatch(/redirect to \/home.*SESSIONID.*System status/);
    const bad = await probeHttpFormLogin(target, form, 'admin', 'nope', probeOptions());
    expect(bad.outcome).toBe('denied');
    expect(device.state.loginAttempts).toBe(2);
  });

  it('does not count a login when the promised page text is missing', async () => {
    device = await startMockDevice('127.81.7.2', [{ type: 'http', port: 8080, title: 'Acme Cam', auth: 'form', afterLogin: 'Dashboard' }]);
    const result = await probeHttpFormLogin({ ip: '127.81.7.2', port: 8080 }, form, 'admin', '12345', probeOptions());
    expect(result.outcome).toBe('denied');
  });

  it('stops on the lock-out page', async () => {
    device = await startMockDevice('127.81.7.3', [{ type: 'http', port: 8080, title: 'Acme Cam', auth: 'form' }], {
      knobs: { lockoutAfter: 1 },
    });
    const target = { ip: '127.81.7.3', port: 8080 };
    await probeHttpFormLogin(target, form, 'admin', 'nope', probeOptions());
    const locked = await probeHttpFormLogin(target, form, 'admin', '12345', probeOptions());
    expect(locked.outcome).toBe('locked-out');
  });
});

describe('login form definitions', () => {
  it('the shipped definitions load and validate', () => {
    const forms = loadLoginForms();
    expect(forms.length).toBeGreaterThan(0);
    for (const f of forms) expect(f.source.length).toBeGreaterThan(2);
  });

  it('matches by vendor before title', () => {
    const byVendor = compileLoginForm('t', { ...entry, id: 'v', match: { vendors: ['Acme*'] } });
    expect(findLoginForm([form, byVendor], { vendor: 'Acme Corp', model: null }, 'Acme Cam')?.id).toBe('v');
    expect(findLoginForm([form, byVendor], { vendor: 'Other', model: null }, 'Acme Cam 2')?.id).toBe('test-form');
    expect(findLoginForm([form], { vendor: 'Other', model: null }, 'Router')).toBeUndefined();
  });

  it('a bad regex fails at load with the file and the entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forms-'));
    writeFileSync(
      join(dir, 'bad.yaml'),
      'forms:\n  - id: broken\n    source: test file\n    checked: 2025-01-01\n    match: { titles: ["("] }\n    loginPage: /\n    post: { path: /, userField: u, passField: p }\n    success: { cookie: S }\n',
    );
    expect(() => loadLoginForms(dir)).toThrow(/bad\.yaml.*broken.*could not compile regex/);
  });
});

describe('shipped Synology DSM definition against a DSM-like form persona', () => {
  it('logs in with the factory account and is denied otherwise', async () => {
    const dsm = loadLoginForms().find((f) => f.id === 'synology-dsm-webapi')!;
    device = await startMockDevice(
      '127.81.7.4',
      [{ type: 'http', port: 5000, title: 'DiskStation - Synology DiskStation', auth: 'form', form: { path: '/webapi/auth.cgi', userField: 'account', passField: 'passwd', successPath: '/webman/index.cgi', cookieName: 'id' } }],
      { accounts: [{ username: 'admin', password: '' }], vendor: 'Synology' },
    );
    const target = { ip: '127.81.7.4', port: 5000 };
    const ok = await probeHttpFormLogin(target, dsm, 'admin', '', probeOptions());
    expect(ok.outcome).toBe('success');
    expect(ok.proof).toMatch(/cookie id set/);
    expect((await probeHttpFormLogin(target, dsm, 'admin', 'admin', probeOptions())).outcome).toBe('denied');
  });
});
