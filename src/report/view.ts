// What every human-readable report shows, in one language, as plain cleaned text: the household
// summary, the top actions, a card per device, what was scanned, the sources. Renderers only escape
// and lay it out.

import { PHASES, type AdviceItem, type AuditResult, type Device, type Finding, type Lang, type Phase, type Risk } from '../model.js';
import { defaultAdviceKnowledge } from '../advice/load.js';
import { topActions } from '../advice/order.js';
import { compareSeverity, riskRank } from '../model/severity.js';
import { deviceName } from '../model/device-name.js';
import type { AdviceKnowledge } from '../advice/types.js';
import { safe } from './secrets.js';
import { knowledgeNotes } from '../knowledge/report-notes.js';

export interface AdviceView {
  id: string;
  phase: Phase;
  text: string;
  priority: number;
  source: string;
  standards: string[];
  /** Short name of the device the item is about, null for the household. */
  device: string | null;
}

export interface FindingView {
  id: string;
  severity: Finding['severity'];
  severityLabel: string;
  title: string;
  evidence: string[];
  settled: string | null;
}

export interface PhaseGroup {
  phase: Phase;
  label: string;
  items: AdviceView[];
}

export interface DeviceView {
  id: string;
  kind: string;
  name: string;
  vendorModel: string | null;
  ip: string;
  mac: string | null;
  firmware: string | null;
  risk: Risk;
  riskLabel: string;
  services: string[];
  findings: FindingView[];
  advice: PhaseGroup[];
}

/** The version and how it was read ("1.56.324896 (from a status page without a login)"). */
function firmwareText(device: Device, words: Record<string, string>): string {
  const version = safe(device.firmware ?? '', 80);
  const via = device.identity.firmwareEvidence?.via;
  const how = via ? words[`firmwareVia-${via}`] : undefined;
  return how ? `${version} (${how})` : version;
}

export interface ReportView {
  lang: Lang;
  /** The report's own words (headings), in this language. */
  words: Record<string, string>;
  summaryLine: string;
  aborted: boolean;
  top: AdviceView[];
  household: PhaseGroup[];
  devices: DeviceView[];
  scan: {
    targets: string[];
    startedAt: string;
    finishedAt: string;
    duration: string;
    hostsInScope: number;
    problems: string[];
  };
  knowledgeAsOf: string;
  /** Staleness warning and overlay provenance, when they apply (src/knowledge/report-notes.ts). */
  knowledgeNotes: string[];
  sources: Array<{ source: string; standards: string[] }>;
}

export function buildReportView(result: AuditResult, lang: Lang, knowledge: AdviceKnowledge = defaultAdviceKnowledge()): ReportView {
  const labels = knowledge.labels;
  const words = Object.fromEntries(Object.entries(labels.report).map(([key, text]) => [key, text[lang]]));
  const names = new Map(result.devices.map((d) => [d.id, deviceName(d, lang, knowledge.labels.kinds)]));
  const toView = (item: AdviceItem): AdviceView => ({
    id: item.id,
    phase: item.phase,
    text: safe(item.text[lang], 2000),
    priority: item.priority,
    source: safe(item.source),
    standards: [...item.standards],
    device: item.deviceId === null ? null : (names.get(item.deviceId) ?? null),
  });
  const group = (items: AdviceItem[]): PhaseGroup[] =>
    PHASES.map((phase) => ({ phase, label: labels.phases[phase][lang], items: items.filter((a) => a.phase === phase).map(toView) })).filter(
      (g) => g.items.length > 0,
    );
  const count = (severity: Finding['severity']) => result.findings.filter((f) => f.severity === severity && !f.settledBy).length;
  const summaryLine = fill(words.summaryLine ?? '', {
    devices: String(result.devices.length),
    findings: String(result.findings.filter((f) => !f.settledBy).length),
    critical: String(count('critical')),
    high: String(count('high')),
  });
  const devices = [...result.devices]
    .sort((a, b) => riskRank(a.risk) - riskRank(b.risk) || compareIp(a.ip, b.ip))
    .map((device): DeviceView => ({
      id: device.id,
      kind: (labels.kinds[device.kind] ?? labels.kinds.unknown)[lang],
      name: names.get(device.id) ?? device.ip,
      vendorModel: [device.vendor, device.model].filter((v): v is string => Boolean(v)).map((v) => safe(v, 80)).join(' ') || null,
      ip: safe(device.ip, 45),
      mac: device.mac,
      firmware: device.firmware === null ? null : firmwareText(device, words),
      risk: device.risk,
      riskLabel: labels.severities[device.risk][lang],
      services: device.services.map((s) => `${safe(s.name, 30)} ${s.port}/${s.transport}`),
      findings: result.findings
        .filter((f) => f.deviceId === device.id)
        .sort((a, b) => compareSeverity(a.severity, b.severity))
        .map((f) => ({
          id: f.id,
          severity: f.severity,
          severityLabel: labels.severities[f.severity][lang],
          title: safe(f.title[lang]),
          evidence: f.evidence.map((e) => safe(e, 500)),
          settled: f.settledBy === undefined ? null : safe(f.settledBy),
        })),
      advice: group(result.advice.filter((a) => a.deviceId === device.id)),
    }));
  return {
    lang,
    words,
    summaryLine,
    aborted: result.aborted,
    top: topActions(result.advice).map(toView),
    household: group(result.advice.filter((a) => a.deviceId === null)),
    devices,
    scan: {
      targets: result.scope.targets.map((t) => safe(t, 60)),
      startedAt: displayTime(result.startedAt),
      finishedAt: displayTime(result.finishedAt),
      duration: displayDuration(result.stats.durationMs),
      hostsInScope: result.stats.hostsInScope,
      problems: [
        ...result.stats.sourceProblems.map((p) => `${p.source}: ${safe(p.message)}`),
        ...(result.stats.checkProblems ?? []).map((p) => safe(p)),
      ],
    },
    knowledgeAsOf: result.knowledgeAsOf,
    knowledgeNotes: knowledgeNotes(result, lang).map((note) => safe(note)),
    sources: collectSources(result.advice),
  };
}

function collectSources(advice: AdviceItem[]): Array<{ source: string; standards: string[] }> {
  const bySource = new Map<string, Set<string>>();
  for (const item of advice) {
    const set = bySource.get(item.source) ?? new Set<string>();
    item.standards.forEach((s) => set.add(s));
    bySource.set(item.source, set);
  }
  return [...bySource.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([source, standards]) => ({ source: safe(source), standards: [...standards].sort(compareStandards) }));
}

/** ETSI before OWASP, provisions in numeric order (5.1-1 < 5.3-13 < 6-1; I2 < I10). */
function compareStandards(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

function compareIp(a: string, b: string): number {
  const key = (ip: string) => ip.split('.').map((part) => part.padStart(3, '0')).join('.');
  return key(a).localeCompare(key(b));
}

/** "2026-11-21 19:30:41 UTC": the same on every machine, so reports and golden files are stable. */
export function displayTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : safe(iso, 40);
}

export function displayDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
