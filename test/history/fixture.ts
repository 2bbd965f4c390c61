// Small audit results for history tests: a home of a few devices, with findings that change between scans.

import type { AuditResult, Device, Finding } from '../../src/model.js';

export function device(id: string, ip: string, kind: Device['kind'], vendor: string): Device {
  const facts = { ip, mac: null, macVendor: null, hostnames: [], mdns: [], ssdp: [], snmp: null, ports: [], discoveredBy: ['tcp' as const] };
  return {
    id, ip, mac: null, names: [`${vendor} ${kind}`], vendor, model: null, firmware: null, kind,
    services: [], discoveredBy: ['tcp'], risk: 'none',
    identity: { vendor, model: null, firmware: null, kind, confidence: 0.9, attributes: { vendor: 0.9, model: 0.9, kind: 0.9 }, evidence: [], components: [] },
    facts,
  };
}

export function finding(check: Finding['check'], deviceId: string, key: string, severity: Finding['severity'] = 'high'): Finding {
  return {
    id: `${check}:${deviceId}:${key}`, deviceId, check, severity,
    title: { en: `${check} on ${deviceId}`, nl: `${check} op ${deviceId}` },
    evidence: [`seen on ${key}`], standards: ['ETSI EN 303 645 5.1-1'], confidence: 'confirmed', details: {},
  };
}

export function result(devices: Device[], findings: Finding[], startedAt = '2026-11-01T10:00:00.000Z'): AuditResult {
  return {
    startedAt, finishedAt: startedAt.replace('10:00:00', '10:00:05'),
    scope: { targets: ['127.77.0.0/24'], hosts: ['127.77.0.1'], multicastInterfaces: [] },
    devices, findings, advice: [],
    stats: { durationMs: 5000, hostsInScope: 254, hostsResponding: devices.length, devices: devices.length, findings: findings.length, loginAttempts: 0, sourceProblems: [], checkProblems: [], stageMs: {} },
    knowledgeAsOf: '2026-11-01', aborted: false,
  };
}
