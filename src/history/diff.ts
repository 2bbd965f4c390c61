// What changed between two scans of the same home: what a helpdesk visit needs to see.

import type { AuditResult, Device, Finding } from '../model.js';

export interface ScanDiff {
  devicesNew: Device[];
  devicesGone: Device[];
  findingsNew: Finding[];
  findingsFixed: Finding[];
  findingsOpen: Finding[];
  /** Every device of either scan by id (the newer record wins): what each line names. */
  devices: Map<string, Device>;
}

/** Findings that count as open: not settled by the user's answer. */
const open = (result: AuditResult): Finding[] => result.findings.filter((f) => !f.settledBy);

/**
 * Devices match by id (MAC-based where the MAC was seen, else address); findings by their stable id.
 * A finding on a device that is gone counts as gone with the device, not as fixed.
 */
export function diffScans(before: AuditResult, after: AuditResult): ScanDiff {
  const beforeDevices = new Map(before.devices.map((d) => [d.id, d]));
  const afterDevices = new Map(after.devices.map((d) => [d.id, d]));
  const beforeFindings = new Map(open(before).map((f) => [f.id, f]));
  const afterFindings = new Map(open(after).map((f) => [f.id, f]));
  const stillThere = (f: Finding): boolean => f.deviceId === null || afterDevices.has(f.deviceId);
  return {
    devicesNew: after.devices.filter((d) => !beforeDevices.has(d.id)),
    devicesGone: before.devices.filter((d) => !afterDevices.has(d.id)),
    findingsNew: [...afterFindings.values()].filter((f) => !beforeFindings.has(f.id)),
    findingsFixed: [...beforeFindings.values()].filter((f) => !afterFindings.has(f.id) && stillThere(f)),
    findingsOpen: [...afterFindings.values()].filter((f) => beforeFindings.has(f.id)),
    devices: new Map([...beforeDevices, ...afterDevices]),
  };
}
