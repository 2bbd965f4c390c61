// Firmware read after a confirmed factory password: the device's status page or API, fetched with that
// login, GET only (no form is submitted, nothing is changed). Only a device whose factory password the
// default-credentials check confirmed on a Basic or Digest web login, only the probes marked afterLogin
// that fit it, within what is left of the device's probe request budget (Digest costs its challenge too).

import type { Device } from '../../model.js';
import type { AfterLoginService, VersionProbe } from '../../knowledge/version-probes.js';
import { basicAuthorization, digestAuthorization, parseDigestChallenge } from '../../protocols/http/digest.js';
import { readVersion } from './read-answer.js';
import { withFirmware, type ProbeGet } from './run-probes.js';

/** A web login the factory password opened, as the login check confirmed it. */
export interface ConfirmedWebLogin {
  kind: AfterLoginService;
  port: number;
  tls: boolean;
  username: string;
  password: string;
}

export interface AfterLoginOptions {
  get: ProbeGet;
  signal: AbortSignal;
  timeoutMs: number;
  maxBytes: number;
  maxRequestsPerDevice: number;
  /** Requests the device already had from the probes before the checks. */
  spentBefore: (deviceId: string) => number;
  onRequest?: (deviceId: string, url: string) => void;
  /** Told of each request that carries the login, so it is announced and counted like a login attempt. */
  onLoginUse?: (deviceId: string, kind: AfterLoginService, port: number) => void;
}

/** The after-login probes that fit a device, each paired with a login it may use. */
export function afterLoginProbesFor(device: Device, logins: readonly ConfirmedWebLogin[], probes: readonly VersionProbe[]): Array<{ probe: VersionProbe; login: ConfirmedWebLogin }> {
  const vendor = device.vendor?.toLowerCase();
  const pairs: Array<{ probe: VersionProbe; login: ConfirmedWebLogin }> = [];
  for (const probe of probes) {
    if (!probe.afterLogin || !('path' in probe.request)) continue;
    const byVendor = vendor !== undefined && (probe.match.vendors ?? []).some((name) => name.toLowerCase() === vendor);
    if (!byVendor && !probe.match.anyDevice) continue;
    if (probe.match.kinds && !probe.match.kinds.includes(device.kind)) continue;
    const login = logins.find((candidate) => probe.afterLogin!.includes(candidate.kind));
    if (login) pairs.push({ probe, login });
  }
  return pairs;
}

/** GET url with the login: Basic at once, Digest after its challenge. Every request is counted, and none past the budget. */
async function getWithLogin(url: string, path: string, login: ConfirmedWebLogin, options: AfterLoginOptions, spend: (withLogin: boolean) => boolean): Promise<{ status: number; body: Buffer } | null> {
  const caps = { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, signal: options.signal };
  if (login.kind === 'http-basic') {
    if (!spend(true)) return null;
    return options.get(url, { ...caps, headers: { authorization: basicAuthorization(login.username, login.password) } });
  }
  if (!spend(false)) return null;
  const challenge = await options.get(url, caps);
  const header = challenge.headers?.['www-authenticate'];
  const parsed = challenge.status === 401 && header ? parseDigestChallenge(header) : undefined;
  if (!parsed || !spend(true)) return null;
  const authorization = digestAuthorization(parsed, { method: 'GET', uri: path, username: login.username, password: login.password, nc: 1 });
  return options.get(url, { ...caps, headers: { authorization } });
}

async function readDevice(device: Device, logins: readonly ConfirmedWebLogin[], probes: readonly VersionProbe[], options: AfterLoginOptions): Promise<Device> {
  let spent = options.spentBefore(device.id);
  for (const { probe, login } of afterLoginProbesFor(device, logins, probes)) {
    if (options.signal.aborted || spent >= options.maxRequestsPerDevice) break;
    // Digest needs its challenge first: with one request left it could not read anything.
    if (login.kind === 'http-digest' && options.maxRequestsPerDevice - spent < 2) continue;
    const path = (probe.request as { path: string }).path;
    const url = `${login.tls ? 'https' : 'http'}://${device.ip}:${login.port}${path}`;
    const spend = (withLogin: boolean): boolean => {
      if (spent >= options.maxRequestsPerDevice) return false;
      spent += 1;
      options.onRequest?.(device.id, url);
      if (withLogin) options.onLoginUse?.(device.id, login.kind, login.port);
      return true;
    };
    let answer: { status: number; body: Buffer } | null;
    try {
      answer = await getWithLogin(url, path, login, options, spend);
    } catch {
      continue; // no answer in time, refused: the version stays unknown
    }
    if (!answer || answer.status !== 200) continue;
    const version = readVersion(probe.reader, answer.body.toString('utf8'));
    if (!version) continue;
    const how = login.kind === 'http-basic' ? 'HTTP Basic' : 'HTTP Digest';
    return withFirmware(device, version, {
      via: 'after-login',
      detail: `read after login: GET ${login.tls ? 'https' : 'http'}://…:${login.port}${path} with the factory password (${how}, ${login.username}) → ${version}`,
      probeId: probe.id,
    });
  }
  return device;
}

/** Devices whose firmware is still unknown and whose factory web login was confirmed, read with that login. */
export async function readFirmwareAfterLogin(
  devices: readonly Device[],
  confirmed: ReadonlyMap<string, readonly ConfirmedWebLogin[]>,
  probes: readonly VersionProbe[],
  options: AfterLoginOptions,
): Promise<Device[]> {
  const read: Device[] = [];
  for (const device of devices) {
    const logins = confirmed.get(device.id);
    read.push(device.firmware !== null || !logins || logins.length === 0 || options.signal.aborted ? device : await readDevice(device, logins, probes, options));
  }
  return read;
}
