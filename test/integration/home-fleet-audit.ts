// Shared by the whole-fleet tests: the built-in home fleet on its own loopback /24, audited in-process
// through the real pipeline (scope → discovery → identification → checks), device ids mapped back to
// the fleet file's ids so expectations read like the fleet.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { AuditEvent, AuditResult, Device, Finding } from '../../src/model.js';
import { HOME_FLEET_FILE, loadFleet, startFleet, type RunningFleet } from '../../src/mocks/index.js';
import type { DeviceSpec, Fleet } from '../../src/mocks/types.js';
import { runAudit } from '../../src/audit/run-audit.js';
import { loadKnowledge } from '../../src/audit/knowledge.js';
import { resolveScope } from '../../src/scope/index.js';
import type { ProbeTransports } from '../../src/identify/version-probes/index.js';

export function loadHomeFleetOn(range: string): Fleet {
  return loadFleet(HOME_FLEET_FILE, { range });
}

export async function startHomeFleet(range: string): Promise<RunningFleet> {
  return startFleet(loadHomeFleetOn(range));
}

export interface AuditOfFleet {
  result: AuditResult;
  /** Fleet device id → the device the audit reported at its address (absent when not found). */
  devices: Map<string, Device>;
  /** Fleet device id → its findings. */
  findings: Map<string, Finding[]>;
  /** Fleet device id → login attempts the pipeline announced (login-attempt events). */
  announcedAttempts: Map<string, number>;
}

export async function auditFleet(
  running: RunningFleet,
  options: { login: boolean; versionProbeTransports?: Partial<ProbeTransports>; /** A small fleet's test may wait longer on SNMP. */ snmpTimeoutMs?: number },
): Promise<AuditOfFleet> {
  const announcedByDeviceId = new Map<string, number>();
  const onEvent = (event: AuditEvent): void => {
    if (event.type === 'login-attempt') announcedByDeviceId.set(event.deviceId, (announcedByDeviceId.get(event.deviceId) ?? 0) + 1);
  };
  const result = await runAudit({
    scope: resolveScope({ targets: [running.target] }),
    knowledge: loadKnowledge(),
    login: options.login,
    maxAttempts: 5,
    answers: {},
    // The fleet runs in this process, beside other suites on two shared cores: a loaded event loop can
    // answer later than the defaults wait (700 ms connect, 800 ms mDNS, 1.2 s SSDP), and a device seen
    // by one source only (the Tuya plug's one port, the mDNS-only Nest, Home Assistant, DIRIGERA)
    // would be lost. What is compared is what the wire shows, not how fast.
    discovery: {
      tcp: { connectTimeoutMs: 3000 },
      mdns: { hostTimeoutMs: 3000 },
      ssdp: { waitMs: 3000 },
      ...(options.snmpTimeoutMs === undefined ? {} : { snmp: { timeoutMs: options.snmpTimeoutMs } }),
    },
    ...(options.versionProbeTransports ? { versionProbeTransports: options.versionProbeTransports } : {}),
  }, { onEvent });
  const byIp = new Map(running.fleet.devices.map((device) => [device.address, device] as const));
  const devices = new Map<string, Device>();
  const findings = new Map<string, Finding[]>(running.fleet.devices.map((device) => [device.id, []]));
  const idOf = new Map<string, string>();
  for (const device of result.devices) {
    const spec = byIp.get(device.ip);
    if (!spec) continue;
    devices.set(spec.id, device);
    idOf.set(device.id, spec.id);
  }
  for (const finding of result.findings) {
    const fleetId = finding.deviceId ? idOf.get(finding.deviceId) : undefined;
    if (fleetId) findings.get(fleetId)!.push(finding);
  }
  const announcedAttempts = new Map(running.fleet.devices.map((device) => [device.id, 0]));
  for (const [deviceId, count] of announcedByDeviceId) {
    const fleetId = idOf.get(deviceId);
    if (fleetId) announcedAttempts.set(fleetId, count);
  }
  return { result, devices, findings, announcedAttempts };
}

/** A finding id with the address-derived device id replaced by the fleet's id: stable across ranges. */
export function portableFindingId(finding: Finding, device: Device, spec: DeviceSpec): string {
  return finding.id.split(device.id).join(spec.id);
}

/** One finding as the expectation file lists it. */
export interface ExpectedFinding {
  check: string;
  severity: string;
  id: string;
}

export const EXPECTED_FINDINGS_FILE = join(import.meta.dirname, '..', 'fixtures', 'integration', 'home-expected-findings.yaml');

/** Fleet device id → its expected findings, sorted by id. */
/** An entry marked `withLogin: false` holds only without logins (what a login reveals replaces it), `withLogin: true` only with them. */
type ExpectedEntry = ExpectedFinding & { withLogin?: boolean };

export function loadExpectedFindings(mode: 'login' | 'no-login' = 'login'): Record<string, ExpectedFinding[]> {
  const file = parse(readFileSync(EXPECTED_FINDINGS_FILE, 'utf8')) as { devices: Record<string, ExpectedEntry[]> };
  const holds = (entry: ExpectedEntry) => entry.withLogin === undefined || entry.withLogin === (mode === 'login');
  return Object.fromEntries(
    Object.entries(file.devices).map(([id, findings]) => [id, sortedById((findings ?? []).filter(holds).map(({ withLogin: _, ...entry }) => entry))]),
  );
}

export function sortedById(findings: ExpectedFinding[]): ExpectedFinding[] {
  return [...findings].sort((a, b) => a.id.localeCompare(b.id));
}

/** The audit's findings per fleet device, in the expectation file's shape, sorted by id. */
export function reportedFindings(audit: AuditOfFleet, running: RunningFleet): Record<string, ExpectedFinding[]> {
  const byDevice: Record<string, ExpectedFinding[]> = {};
  for (const spec of running.fleet.devices) {
    const device = audit.devices.get(spec.id);
    byDevice[spec.id] = sortedById(
      (audit.findings.get(spec.id) ?? []).map((finding) => ({
        check: finding.check,
        severity: finding.severity,
        id: device ? portableFindingId(finding, device, spec) : finding.id,
      })),
    );
  }
  return byDevice;
}
