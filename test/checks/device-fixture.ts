// Hand-made device records and check contexts for the check tests: what discovery and identification
// would have produced for a device at `ip`.

import type { CheckContext, CheckOptions } from '../../src/checks/types.js';
import type { CredentialEntry } from '../../src/knowledge/types.js';
import type { Device, DeviceKind, Finding, PortInfo, SsdpInfo, SnmpInfo } from '../../src/model.js';
import { emptyFacts } from '../helpers/host-facts.js';

export function makeDevice(
  ip: string,
  ports: PortInfo[],
  extra: { vendor?: string; model?: string; kind?: DeviceKind; ssdp?: SsdpInfo[]; snmp?: SnmpInfo | null } = {},
): Device {
  const vendor = extra.vendor ?? 'Acme';
  const model = extra.model ?? 'X1';
  const kind = extra.kind ?? 'camera';
  return {
    id: `dev-${ip}`,
    ip,
    mac: null,
    names: [],
    vendor,
    model,
    firmware: null,
    kind,
    services: ports.map((p) => ({ transport: p.transport, port: p.port, name: p.name })),
    discoveredBy: ['tcp'],
    risk: 'none',
    identity: { vendor, model, firmware: null, kind, confidence: 1, attributes: { vendor: 1, model: 1, kind: 1 }, evidence: [], components: [] },
    facts: emptyFacts({ ip, ssdp: extra.ssdp ?? [], snmp: extra.snmp ?? null, ports, discoveredBy: ['tcp'] }),
  };
}

export function credential(id: string, username: string, password: string, protocols: CredentialEntry['protocols'], vendor = '*', models?: string[]): CredentialEntry {
  return { id, vendor, ...(models ? { models } : {}), protocols, username, password, source: 'test', checked: '2025-01-01' };
}

export interface ContextRecorder {
  ctx: CheckContext;
  attempts: Array<{ deviceId: string; service: string; port: number }>;
  /** What the check told the user besides findings (ctx.onNote). */
  notes: string[];
}

export function makeContext(
  devices: Device[],
  credentials: CredentialEntry[],
  options: Partial<CheckOptions> = {},
): ContextRecorder {
  const attempts: ContextRecorder['attempts'] = [];
  const notes: string[] = [];
  const ctx: CheckContext = {
    signal: new AbortController().signal,
    knowledge: { credentials, firmware: [], vendors: [] },
    devices,
    options: { login: true, maxAttempts: 5, timeoutMs: 3000, attemptSpacingMs: 0, ...options },
    answers: {},
    onLoginAttempt: (deviceId, service, port) => attempts.push({ deviceId, service, port }),
    onNote: (deviceId, message) => notes.push(`${deviceId}: ${message}`),
    now: () => new Date('2025-06-01T12:00:00Z'),
  };
  return { ctx, attempts, notes };
}

export const checksOf = (findings: Finding[]): string[] => findings.map((f) => f.check).sort();
