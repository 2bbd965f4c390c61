// After the checks: a device whose factory web password was confirmed and whose firmware is still unknown
// gets its status page read with that login (identify/version-probes/after-login), and when a version is
// read there, the outdated-firmware check judges the device again, its earlier "not visible" finding replaced.

import type { Device, Finding } from '../model.js';
import type { VersionProbe } from '../knowledge/version-probes.js';
import type { CheckContext, ConfirmedFactoryLogin } from '../checks/types.js';
import { outdatedFirmwareCheck } from '../checks/outdated-firmware.js';
import { compareFindings } from '../checks/run-checks.js';
import { createProbeTransports, readFirmwareAfterLogin, type AfterLoginOptions, type ConfirmedWebLogin } from '../identify/version-probes/index.js';

const WEB_LOGIN_KINDS = new Set(['http-basic', 'http-digest']);

/** Collects the confirmed factory logins the checks report, web logins only (the rest is never reused). */
export class ConfirmedLogins {
  readonly byDevice = new Map<string, ConfirmedWebLogin[]>();

  add = (deviceId: string, login: ConfirmedFactoryLogin): void => {
    if (!WEB_LOGIN_KINDS.has(login.kind)) return;
    const list = this.byDevice.get(deviceId) ?? [];
    list.push({ ...login, kind: login.kind as ConfirmedWebLogin['kind'] });
    this.byDevice.set(deviceId, list);
  };
}

export async function firmwareAfterLogin(
  devices: Device[],
  findings: Finding[],
  logins: ConfirmedLogins,
  probes: readonly VersionProbe[],
  options: Omit<AfterLoginOptions, 'get'> & Partial<Pick<AfterLoginOptions, 'get'>>,
  checkContext: CheckContext,
): Promise<{ devices: Device[]; findings: Finding[] }> {
  if (logins.byDevice.size === 0) return { devices, findings };
  // Its own client, made only when some factory web password was confirmed; tests inject the GET.
  const own = options.get ? undefined : createProbeTransports(options.timeoutMs);
  let read: Device[];
  try {
    read = await readFirmwareAfterLogin(devices, logins.byDevice, probes, { ...options, get: options.get ?? own!.get });
  } finally {
    await own?.close();
  }
  let judged = findings;
  for (const [index, device] of read.entries()) {
    if (device === devices[index] || !outdatedFirmwareCheck.appliesTo(device)) continue;
    const again = await outdatedFirmwareCheck.run(device, { ...checkContext, devices: read });
    judged = [...judged.filter((finding) => !(finding.deviceId === device.id && finding.check === 'outdated-firmware')), ...again];
  }
  return { devices: read, findings: judged === findings ? findings : judged.sort(compareFindings) };
}
