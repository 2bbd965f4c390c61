// Firmware read after a confirmed factory password: only on a device whose web login was confirmed, only
// with the probes that fit it, GET only, counted in the device's request budget; Digest answers its challenge.

import { describe, expect, it } from 'vitest';
import type { Device } from '../../../src/model.js';
import { identify, loadFingerprints } from '../../../src/identify/index.js';
import { toDevice } from '../../../src/audit/devices.js';
import { loadVersionProbes } from '../../../src/knowledge/version-probes.js';
import { DEFAULT_VERSION_PROBE_CAPS, readFirmwareAfterLogin, type ConfirmedWebLogin, type ProbeGet } from '../../../src/identify/version-probes/index.js';
import { basicAuthorization } from '../../../src/protocols/http/digest.js';
import { ConfirmedLogins } from '../../../src/audit/firmware-after-login.js';
import { emptyFacts } from '../../helpers/host-facts.js';

const probes = loadVersionProbes();
const fingerprints = loadFingerprints();

const web = (port: number, realm: string, scheme: 'basic' | 'digest') => ({
  transport: 'tcp' as const, port, name: 'http', http: { status: 401, authScheme: scheme, realm, headers: { 'www-authenticate': `${scheme === 'basic' ? 'Basic' : 'Digest'} realm="${realm}"` } },
});
const camera = toDevice(emptyFacts({ ip: '192.0.2.20', ports: [web(80, 'DS-2CD2042WD-I', 'digest')], discoveredBy: ['tcp'] }), identify(emptyFacts({ ip: '192.0.2.20', ports: [web(80, 'DS-2CD2042WD-I', 'digest')], discoveredBy: ['tcp'] }), fingerprints), []);
const unknownRouter: Device = toDevice(emptyFacts({ ip: '192.0.2.1', ports: [web(80, 'HomeGate 5', 'basic')], discoveredBy: ['tcp'] }), identify(emptyFacts({ ip: '192.0.2.1', ports: [web(80, 'HomeGate 5', 'basic')], discoveredBy: ['tcp'] }), fingerprints), []);

const DEVICE_INFO = '<?xml version="1.0" encoding="UTF-8"?><DeviceInfo xmlns="http://www.hikvision.com/ver20/XMLSchema"><model>DS-2CD2042WD-I</model><firmwareVersion>V5.4.0</firmwareVersion><firmwareReleasedDate>build 160530</firmwareReleasedDate></DeviceInfo>';
const digestLogin: ConfirmedWebLogin = { kind: 'http-digest', port: 80, tls: false, username: 'admin', password: '12345' };
const basicLogin: ConfirmedWebLogin = { kind: 'http-basic', port: 80, tls: false, username: 'admin', password: 'password' };

/** A device behind a login: 401 with a challenge without credentials, the page with them. Every request recorded. */
function deviceBehindLogin(pages: Record<string, string>, expectAuthorization: (header: string) => boolean) {
  const requests: Array<{ url: string; authorization?: string }> = [];
  const get: ProbeGet = async (url, caps) => {
    const authorization = caps.headers?.authorization;
    requests.push({ url, ...(authorization ? { authorization } : {}) });
    if (!authorization || !expectAuthorization(authorization)) {
      return { status: 401, body: Buffer.from('no'), headers: { 'www-authenticate': 'Digest realm="DS-2CD2042WD-I", nonce="abc123", qop="auth"' } };
    }
    const page = pages[new URL(url).pathname];
    return page === undefined ? { status: 404, body: Buffer.from('') } : { status: 200, body: Buffer.from(page) };
  };
  return { get, requests };
}

function run(devices: Device[], confirmed: Map<string, ConfirmedWebLogin[]>, get: ProbeGet, spentBefore = 0) {
  return readFirmwareAfterLogin(devices, confirmed, probes, { ...DEFAULT_VERSION_PROBE_CAPS, get, signal: new AbortController().signal, spentBefore: () => spentBefore });
}

describe('firmware read after a confirmed factory password', () => {
  it('names the camera Hikvision with no firmware before any login', () => {
    expect(camera.vendor).toBe('Hikvision');
    expect(camera.firmware).toBeNull();
  });

  it('sends nothing to a device whose factory password was not confirmed', async () => {
    const { get, requests } = deviceBehindLogin({}, () => true);
    const [device] = await run([camera, unknownRouter], new Map(), get);
    expect(requests).toEqual([]);
    expect(device).toBe(camera);
  });

  it('reads Hikvision ISAPI deviceInfo with the Digest login: the challenge, then one GET with the answer', async () => {
    const { get, requests } = deviceBehindLogin({ '/ISAPI/System/deviceInfo': DEVICE_INFO }, (header) => header.startsWith('Digest ') && header.includes('username="admin"') && header.includes('uri="/ISAPI/System/deviceInfo"'));
    const [device] = await run([camera], new Map([[camera.id, [digestLogin]]]), get);
    expect(requests.map((r) => r.url)).toEqual(['http://192.0.2.20:80/ISAPI/System/deviceInfo', 'http://192.0.2.20:80/ISAPI/System/deviceInfo']);
    expect(requests[0]!.authorization).toBeUndefined();
    expect(device!.firmware).toBe('V5.4.0 build 160530');
    expect(device!.identity.firmwareEvidence).toMatchObject({ via: 'after-login', probeId: 'hikvision-isapi-device-info' });
    expect(device!.identity.firmwareEvidence!.detail).toContain('read after login');
    expect(device!.identity.firmwareEvidence!.detail).not.toContain('12345');
  });

  it('reads the firmware line of an unknown make\'s admin page with its Basic login, in one request', async () => {
    const { get, requests } = deviceBehindLogin({ '/': '<h1>HomeGate 5</h1><p>Firmware version 3.2.7</p>' }, (header) => header === basicAuthorization('admin', 'password'));
    const [device] = await run([unknownRouter], new Map([[unknownRouter.id, [basicLogin]]]), get);
    expect(requests).toHaveLength(1);
    expect(device!.firmware).toBe('3.2.7');
    expect(device!.identity.firmwareEvidence).toMatchObject({ via: 'after-login', probeId: 'admin-page-firmware-word' });
  });

  it('keeps to the device\'s request budget: with one request left, Digest is not begun', async () => {
    const { get, requests } = deviceBehindLogin({ '/ISAPI/System/deviceInfo': DEVICE_INFO }, () => true);
    const [device] = await run([camera], new Map([[camera.id, [digestLogin]]]), get, DEFAULT_VERSION_PROBE_CAPS.maxRequestsPerDevice - 1);
    expect(requests).toEqual([]);
    expect(device!.firmware).toBeNull();
  });

  it('leaves a device alone whose firmware is already known', async () => {
    const known = { ...unknownRouter, firmware: '1.0', identity: { ...unknownRouter.identity, firmware: '1.0' } };
    const { get, requests } = deviceBehindLogin({}, () => true);
    await run([known], new Map([[known.id, [basicLogin]]]), get);
    expect(requests).toEqual([]);
  });

  it('keeps only web logins from what the login check confirms (a telnet password is never reused)', () => {
    const logins = new ConfirmedLogins();
    logins.add('d1', { kind: 'telnet', port: 23, tls: false, username: 'root', password: 'xc3511' });
    logins.add('d1', { kind: 'http-basic', port: 80, tls: false, username: 'admin', password: 'password' });
    expect(logins.byDevice.get('d1')).toEqual([{ kind: 'http-basic', port: 80, tls: false, username: 'admin', password: 'password' }]);
  });
});
