// The JSON report of one audit in one language: the fixed contract, schema/report.schema.json.

import type { AuditResult, CheckCoverage, Device, Finding, Lang, LoginCoverage } from '../model.js';
import { coverageOf } from '../model/coverage.js';
import { topActions } from '../advice/order.js';
import { safe, scrubDetails } from './secrets.js';
import { STALE_AFTER_DAYS } from '../knowledge/freshness.js';
import { knowledgeIsStale } from '../knowledge/report-notes.js';
import type { JsonDevice, JsonFinding, JsonReport } from './types.js';

export interface JsonReportOptions {
  lang: Lang;
  toolVersion: string;
}

export const TOOL_NAME = 'homeaudit';

export function toJsonReport(result: AuditResult, options: JsonReportOptions): JsonReport {
  const { lang } = options;
  return {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: options.toolVersion },
    lang,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    scope: { targets: [...result.scope.targets] },
    devices: result.devices.map((d) => toJsonDevice(d, coverageOf(result, d.id), result.loginCoverage?.[d.id])),
    findings: result.findings.map((f) => toJsonFinding(f, lang)),
    advice: result.advice.map((a) => ({
      id: a.id,
      phase: a.phase,
      deviceId: a.deviceId,
      findingIds: [...a.findingIds],
      priority: a.priority,
      text: a.text[lang],
      source: a.source,
      standards: [...a.standards],
    })),
    topActions: topActions(result.advice).map((a) => a.id),
    stats: {
      durationMs: result.stats.durationMs,
      hostsInScope: result.stats.hostsInScope,
      hostsResponding: result.stats.hostsResponding,
      devices: result.stats.devices,
      findings: result.stats.findings,
      loginAttempts: result.stats.loginAttempts,
      ...(result.stats.loginAttemptsByDevice ? { loginAttemptsByDevice: structuredClone(result.stats.loginAttemptsByDevice) } : {}),
      sourceProblems: result.stats.sourceProblems.map((p) => ({ source: p.source, message: safe(p.message) })),
      checkProblems: (result.stats.checkProblems ?? []).map((p) => safe(p)),
      stageMs: { ...result.stats.stageMs },
      aborted: result.aborted,
    },
    knowledge: {
      asOf: result.knowledgeAsOf,
      // Only when they apply, so a fresh built-in report stays as it was.
      ...(knowledgeIsStale(result) ? { stale: true, staleAfterDays: STALE_AFTER_DAYS } : {}),
      ...(result.knowledgeOverlay ? { overlay: { dir: safe(result.knowledgeOverlay.dir), entries: [...result.knowledgeOverlay.entries] } } : {}),
    },
  };
}

function toJsonDevice(device: Device, checked: CheckCoverage, loginCoverage: LoginCoverage[] | undefined): JsonDevice {
  return {
    id: device.id,
    ip: device.ip,
    mac: device.mac,
    names: device.names.map((n) => safe(n, 120)).filter((n) => n !== ''),
    vendor: device.vendor === null ? null : safe(device.vendor, 120),
    model: device.model === null ? null : safe(device.model, 120),
    firmware: device.firmware === null ? null : safe(device.firmware, 120),
    ...(device.firmware !== null && device.identity.firmwareEvidence
      ? { firmwareEvidence: { via: device.identity.firmwareEvidence.via, detail: safe(device.identity.firmwareEvidence.detail, 300) } }
      : {}),
    kind: device.kind,
    services: device.services.map((s) => ({
      transport: s.transport,
      port: s.port,
      name: safe(s.name, 40),
      ...(s.banner !== undefined ? { banner: safe(s.banner) } : {}),
    })),
    discoveredBy: [...device.discoveredBy],
    risk: device.risk,
    checked,
    identification: {
      confidence: device.identity.confidence,
      attributes: { ...device.identity.attributes },
      evidence: device.identity.evidence.map((e) => safe(`${e.source}: ${e.detail}`)),
    },
    ...(loginCoverage ? { loginCoverage: loginCoverage.map(toJsonCoverage) } : {}),
  };
}

function toJsonFinding(finding: Finding, lang: Lang): JsonFinding {
  return {
    id: finding.id,
    deviceId: finding.deviceId,
    check: finding.check,
    severity: finding.severity,
    title: safe(finding.title[lang]),
    evidence: finding.evidence.map((e) => safe(e, 500)),
    standards: [...finding.standards],
    confidence: finding.confidence,
    details: scrubDetails(finding.details),
    ...(finding.settledBy !== undefined ? { settled: safe(finding.settledBy) } : {}),
  };
}

/** A device's login services as the checks left them: what was tried, what was not and why. */
function toJsonCoverage(line: LoginCoverage): LoginCoverage {
  return {
    service: line.service,
    port: line.port,
    label: safe(line.label, 40),
    attempts: line.attempts,
    accounts: line.accounts.map((a) => safe(a, 40)),
    result: line.result,
    ...(line.reason !== undefined ? { reason: safe(line.reason) } : {}),
    lockout: line.lockout,
  };
}
