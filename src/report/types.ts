// The published JSON report (schemaVersion 1): the contract in DESIGN.md, described by
// schema/report.schema.json. Texts are in one language; secrets appear masked only.

import type { AttributeConfidence, CheckCoverage, Confidence, DeviceKind, FirmwareSource, DiscoverySource, Lang, LoginCoverage, Phase, Risk, Severity, SourceProblem } from '../model.js';

export interface JsonService {
  transport: 'tcp' | 'udp';
  port: number;
  name: string;
  banner?: string;
}

export interface JsonDevice {
  id: string;
  ip: string | null;
  mac: string | null;
  names: string[];
  vendor: string | null;
  model: string | null;
  firmware: string | null;
  /** How the firmware was read: announcement, banner, status page. */
  firmwareEvidence?: { via: FirmwareSource; detail: string };
  kind: DeviceKind;
  services: JsonService[];
  discoveredBy: DiscoverySource[];
  risk: Risk;
  checked: CheckCoverage;
  /** `attributes`: how sure identification is of each of vendor, model and kind on its own. */
  identification: { confidence: number; attributes: AttributeConfidence; evidence: string[] };
  /** Each login service: tried how far, or not and why (absent when the checks did not run). */
  loginCoverage?: LoginCoverage[];
}

export interface JsonFinding {
  id: string;
  deviceId: string | null;
  check: string;
  severity: Severity;
  title: string;
  evidence: string[];
  standards: string[];
  confidence: Confidence;
  details: Record<string, string | number | boolean>;
  settled?: string;
}

export interface JsonAdvice {
  id: string;
  phase: Phase;
  deviceId: string | null;
  findingIds: string[];
  priority: number;
  text: string;
  source: string;
  standards: string[];
}

export interface JsonStats {
  durationMs: number;
  hostsInScope: number;
  hostsResponding: number;
  devices: number;
  findings: number;
  loginAttempts: number;
  loginAttemptsByDevice?: Record<string, Record<string, number>>;
  sourceProblems: SourceProblem[];
  checkProblems: string[];
  stageMs: Record<string, number>;
  aborted: boolean;
}

export interface JsonReport {
  schemaVersion: 1;
  tool: { name: string; version: string };
  lang: Lang;
  startedAt: string;
  finishedAt: string;
  scope: { targets: string[] };
  devices: JsonDevice[];
  findings: JsonFinding[];
  advice: JsonAdvice[];
  /** Ids of the advice items to do first, most urgent first. */
  topActions: string[];
  stats: JsonStats;
  knowledge: { asOf: string; stale?: true; staleAfterDays?: number; overlay?: { dir: string; entries: string[] } };
  /** Set by toAnonymizedReport: identifiers were removed. */
  anonymized?: boolean;
}
