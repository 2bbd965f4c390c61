// A constructed household: a router, a camera with its factory password, a speaker, a smart plug
// whose cloud account lacks MFA, a NAS and a device with a hostile name. Plus a fake audit that
// replays it as events over time.

import type { AdviceItem, AuditEvent, AuditResult, Device, DeviceKind, Finding, Severity } from '../../src/model.js';
import type { RunAudit } from '../../src/ui/types.js';
import { emptyFacts } from '../helpers/host-facts.js';

interface DeviceInput {
  id: string;
  ip: string;
  kind: DeviceKind;
  names: string[];
  vendor: string | null;
  model: string | null;
  firmware?: string | null;
  risk: Device['risk'];
  services?: Device['services'];
  evidence?: string[];
}

function device(input: DeviceInput): Device {
  const services = input.services ?? [];
  return {
    id: input.id,
    ip: input.ip,
    mac: null,
    names: input.names,
    vendor: input.vendor,
    model: input.model,
    firmware: input.firmware ?? null,
    kind: input.kind,
    services,
    discoveredBy: ['tcp'],
    risk: input.risk,
    identity: {
      vendor: input.vendor,
      model: input.model,
      firmware: input.firmware ?? null,
      kind: input.kind,
      confidence: 0.9,
      attributes: { vendor: 0.9, model: 0.9, kind: 0.9 },
      evidence: (input.evidence ?? []).map((detail) => ({ source: 'mdns' as const, detail })),
      components: [],
    },
    facts: emptyFacts({ ip: input.ip, discoveredBy: ['tcp'] }),
  };
}

function finding(id: string, deviceId: string, check: Finding['check'], severity: Severity, en: string, nl: string, evidence: string[]): Finding {
  return {
    id,
    deviceId,
    check,
    severity,
    title: { en, nl },
    evidence,
    standards: ['ETSI EN 303 645 5.1-1'],
    confidence: 'confirmed',
    details: {},
  };
}

export const HOSTILE_NAME = '\u001B[31mEvil\u001B]0;pwned\u0007Cam\u0000';

export const devices: Device[] = [
  device({
    id: 'dev-speaker', ip: '127.40.0.14', kind: 'speaker', names: ['Keuken'], vendor: 'Google', model: 'Google Home Mini', risk: 'none',
    services: [{ transport: 'tcp', port: 8009, name: 'cast' }], evidence: ['_googlecast._tcp TXT md=Google Home Mini'],
  }),
  device({
    id: 'dev-router', ip: '127.40.0.1', kind: 'router', names: ['fritz.box'], vendor: 'AVM', model: 'FRITZ!Box 7590', firmware: '7.29', risk: 'high',
    services: [{ transport: 'tcp', port: 80, name: 'http' }], evidence: ['SSDP manufacturer=AVM modelName=FRITZ!Box 7590'],
  }),
  device({
    id: 'dev-camera', ip: '127.40.0.12', kind: 'camera', names: ['Voordeur'], vendor: 'Hikvision', model: 'DS-2CD2032-I', firmware: 'V5.4.0', risk: 'critical',
    services: [
      { transport: 'tcp', port: 80, name: 'http', banner: 'App-webs/' },
      { transport: 'tcp', port: 554, name: 'rtsp' },
    ],
    evidence: ['HTTP title "Hikvision Web Viewer"'],
  }),
  device({ id: 'dev-plug', ip: '127.40.0.20', kind: 'plug', names: ['Wasmachine'], vendor: 'TP-Link', model: 'Kasa HS110', risk: 'medium' }),
  device({ id: 'dev-nas', ip: '127.40.0.30', kind: 'nas', names: ['Opslag'], vendor: 'Synology', model: 'DS220+', risk: 'low' }),
  device({
    id: 'dev-hostile', ip: '127.40.0.66', kind: 'unknown', names: [HOSTILE_NAME], vendor: null, model: null, risk: 'info',
    services: [{ transport: 'tcp', port: 23, name: 'telnet', banner: 'login:\u001B[2J\u001B[H' }],
  }),
];

export const findings: Finding[] = [
  finding('default-credentials:dev-camera:http:80', 'dev-camera', 'default-credentials', 'critical',
    'The factory password works on the web admin', 'Het fabriekswachtwoord werkt op de beheerpagina',
    ['HTTP 80 login admin / 1•••5 accepted, page "Live View" seen after login']),
  finding('remote-access:dev-router:upnp', 'dev-router', 'remote-access', 'high',
    'Port 8080 is open to the internet through UPnP', 'Poort 8080 staat open naar internet via UPnP',
    ['UPnP mapping TCP 8080 → 127.40.0.12:80 "Camera"']),
  finding('missing-mfa:dev-plug:kasa', 'dev-plug', 'missing-mfa', 'medium',
    'Turn on two-step verification in the Kasa app', 'Zet tweestapsverificatie aan in de Kasa-app',
    ['Vendor facts: TP-Link Kasa offers optional MFA']),
  finding('outdated-firmware:dev-nas:dsm', 'dev-nas', 'outdated-firmware', 'low',
    'Firmware is not the latest', 'De firmware is niet de nieuwste', ['DSM 7.1 seen, 7.2 available']),
  finding('plain-http-admin:dev-hostile:http', 'dev-hostile', 'plain-http-admin', 'info',
    'Admin page without encryption', 'Beheerpagina zonder versleuteling', ['banner \u001B[31mred\u001B[0m']),
];

export const advice: AdviceItem[] = [
  { id: 'a1', phase: 'install', deviceId: 'dev-camera', findingIds: [findings[0]!.id], priority: 1,
    text: { en: 'Change the camera password now.', nl: 'Verander nu het wachtwoord van de camera.' },
    source: 'Autoriteit Persoonsgegevens, Slimme apparaten', standards: [] },
  { id: 'a2', phase: 'use', deviceId: 'dev-router', findingIds: [findings[1]!.id], priority: 2,
    text: { en: 'Turn off UPnP on the router.', nl: 'Zet UPnP uit op de router.' },
    source: 'Autoriteit Persoonsgegevens, Slimme apparaten', standards: [] },
  { id: 'a3', phase: 'install', deviceId: 'dev-plug', findingIds: [findings[2]!.id], priority: 3,
    text: { en: 'Turn on two-step verification in the Kasa app.', nl: 'Zet tweestapsverificatie aan in de Kasa-app.' },
    source: 'TP-Link privacy statement', standards: [] },
  { id: 'a4', phase: 'buy', deviceId: null, findingIds: [], priority: 4,
    text: { en: 'Before buying, check how long the maker promises updates.', nl: 'Kijk voor de aankoop hoe lang de maker updates belooft.' },
    source: 'Autoriteit Persoonsgegevens, Slimme apparaten', standards: [] },
  { id: 'a5', phase: 'complaint', deviceId: null, findingIds: [], priority: 9,
    text: { en: 'You can file a complaint with the AP.', nl: 'Je kunt een klacht indienen bij de AP.' },
    source: 'Autoriteit Persoonsgegevens', standards: [] },
];

export function makeResult(overrides: Partial<AuditResult> = {}): AuditResult {
  return {
    startedAt: '2025-01-01T10:00:00.000Z',
    finishedAt: '2025-01-01T10:00:12.000Z',
    scope: { targets: ['127.40.0.0/24'], hosts: [], multicastInterfaces: [] },
    devices,
    findings,
    advice,
    stats: {
      durationMs: 12_000, hostsInScope: 254, hostsResponding: devices.length, devices: devices.length,
      findings: findings.length, loginAttempts: 3, sourceProblems: [], checkProblems: [], stageMs: {},
    },
    knowledgeAsOf: '2025-01-01',
    aborted: false,
    ...overrides,
  };
}

export const plan = { targets: ['127.40.0.0/24'], hostsInScope: 254, login: true, maxAttempts: 5 };

/** The events a real audit of the fixture would send, in order. */
export function fixtureEvents(result: AuditResult = makeResult()): AuditEvent[] {
  return [
    { type: 'stage-started', stage: 'scope' },
    { type: 'stage-finished', stage: 'scope', ms: 2 },
    { type: 'stage-started', stage: 'discovery', total: 254 },
    ...result.devices.map((d): AuditEvent => ({ type: 'host-found', ip: d.ip, source: 'tcp' })),
    { type: 'source-problem', problem: { source: 'mdns', message: 'port 5353 in use' } },
    { type: 'stage-progress', stage: 'discovery', done: 254, total: 254 },
    { type: 'stage-finished', stage: 'discovery', ms: 4000 },
    { type: 'stage-started', stage: 'identification', total: result.devices.length },
    ...result.devices.map((d): AuditEvent => ({ type: 'device-identified', device: d })),
    { type: 'stage-finished', stage: 'identification', ms: 30 },
    { type: 'stage-started', stage: 'checks', total: result.devices.length },
    { type: 'login-attempt', deviceId: 'dev-camera', service: 'http', port: 80 },
    ...result.findings.map((f): AuditEvent => ({ type: 'finding', finding: f })),
    { type: 'stage-finished', stage: 'checks', ms: 7000 },
    { type: 'stage-started', stage: 'advice' },
    { type: 'stage-finished', stage: 'advice', ms: 5 },
    { type: 'done', result },
  ];
}

/**
 * A fake audit that sends the fixture's events `stepMs` apart. With `holdAfter`, it sends that many
 * events and then waits for the abort, resolving with what it had (aborted: true), as the pipeline does.
 */
export function fakeAudit(options: { stepMs?: number; holdAfter?: number; result?: AuditResult; fail?: Error } = {}): RunAudit & { calls: number; signal?: AbortSignal } {
  const { stepMs = 1, holdAfter, result = makeResult(), fail } = options;
  const audit = (async (signal, onEvent) => {
    audit.calls += 1;
    audit.signal = signal;
    const events = fixtureEvents(result);
    const limit = holdAfter ?? events.length;
    const seenDevices: Device[] = [];
    for (const event of events.slice(0, limit)) {
      await new Promise((resolve) => setTimeout(resolve, stepMs));
      if (signal.aborted) break;
      if (event.type === 'device-identified') seenDevices.push(event.device);
      if (event.type === 'done') break;
      onEvent(event);
    }
    if (fail) throw fail;
    if (holdAfter !== undefined && !signal.aborted) {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    }
    if (signal.aborted) {
      const found = new Set(seenDevices.map((d) => d.id));
      return makeResult({ ...result, devices: seenDevices, findings: [], advice: [], aborted: true, stats: { ...result.stats, devices: found.size, findings: 0 } });
    }
    onEvent({ type: 'done', result });
    return result;
  }) as RunAudit & { calls: number; signal?: AbortSignal };
  audit.calls = 0;
  return audit;
}
