// What every human-readable report shows, in one language, as plain cleaned text: the household
// summary, the top actions, a card per device, what was scanned, the sources. Renderers only escape
// and lay it out.

import { PHASES, type AdviceItem, type AuditResult, type CheckCoverage, type Device, type Finding, type Lang, type Phase, type Risk } from '../model.js';
import { coverageOf } from '../model/coverage.js';
import { defaultAdviceKnowledge } from '../advice/load.js';
import { orderAdvice, topActions } from '../advice/order.js';
import { compareSeverity, riskRank } from '../model/severity.js';
import { deviceName } from '../model/device-name.js';
import { kindText } from '../advice/label-words.js';
import { answeredQuestion, settledText } from '../advice/answer-text.js';
import { inLanguage } from '../advice/phrase-text.js';
import type { AdviceKnowledge } from '../advice/types.js';
import { safe } from './secrets.js';
import { knowledgeNotes } from '../knowledge/report-notes.js';
import { compareIpv4 } from '../util/ipv4.js';

export interface AdviceView {
  id: string;
  phase: Phase;
  text: string;
  priority: number;
  source: string;
  standards: string[];
  /** Short name of the device the item is about, null for the household. */
  device: string | null;
  /** Position in the advice's own order (harm, priority, phase): lower comes first. */
  rank: number;
}

export interface FindingView {
  id: string;
  severity: Finding['severity'];
  severityLabel: string;
  title: string;
  evidence: string[];
  standards: string[];
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
  /** The risk in words; "not checked" instead of "no findings" where the checks did not all run. */
  riskLabel: string;
  coverage: CheckCoverage;
  /** Why an empty or short list of findings is not an all-clear, null when every check ran. */
  coverageNote: string | null;
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
  /** Set when nothing in scope answered: what was scanned, and that this is no all-clear. */
  nothingAnswered: { message: string; tryThis: string } | null;
  top: AdviceView[];
  household: PhaseGroup[];
  devices: DeviceView[];
  scan: {
    targets: string[];
    startedAt: string;
    finishedAt: string;
    duration: string;
    hostsInScope: number;
    loginAttempts: number;
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
  const names = new Map(result.devices.map((d) => [d.id, deviceName(d, lang, knowledge.labels)]));
  const rankOf = new Map(orderAdvice(result.advice).map((item, index) => [item.id, index]));
  const toView = (item: AdviceItem): AdviceView => ({
    rank: rankOf.get(item.id) ?? Number.MAX_SAFE_INTEGER,
    id: item.id,
    phase: item.phase,
    text: safe(inLanguage(item.text[lang], lang, knowledge), 2000),
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
    .sort((a, b) => riskRank(a.risk) - riskRank(b.risk) || compareIpv4(a.ip, b.ip))
    .map((device): DeviceView => {
      const coverage = coverageOf(result, device.id);
      return {
        id: device.id,
        kind: kindText(lang, device, labels),
        name: names.get(device.id) ?? device.ip,
        vendorModel: [device.vendor, device.model].filter((v): v is string => Boolean(v)).map((v) => safe(v, 80)).join(' ') || null,
        ip: safe(device.ip, 45),
        mac: device.mac,
        firmware: device.firmware === null ? null : firmwareText(device, words),
        risk: device.risk,
        riskLabel: riskWords(device.risk, coverage, words, labels.severities[device.risk][lang]),
        coverage,
        coverageNote: coverage === 'all' ? null : coverageNoteOf(result, device.id, words, (text) => inLanguage(text, lang, knowledge)),
        services: device.services.map((s) => `${safe(s.name, 30)} ${s.port}/${s.transport}`),
        findings: result.findings
          .filter((f) => f.deviceId === device.id)
          .sort((a, b) => compareSeverity(a.severity, b.severity))
          .map((f) => ({
            id: f.id,
            severity: f.severity,
            severityLabel: labels.severities[f.severity][lang],
            title: safe(inLanguage(f.title[lang], lang, knowledge)),
            evidence: f.evidence.map((e) => safe(inLanguage(e, lang, knowledge), 500)),
            standards: [...f.standards],
            settled: f.settledBy === undefined ? null : safe(settledText(f.settledBy, lang, labels, answeredAtOf(result, f))),
          })),
        advice: group(result.advice.filter((a) => a.deviceId === device.id)),
      };
    });
  return {
    lang,
    words,
    summaryLine,
    aborted: result.aborted,
    nothingAnswered:
      result.devices.length === 0 && !result.aborted
        ? {
            message: fill(words.nothingAnswered ?? '', { targets: result.scope.targets.map((t) => safe(t, 60)).join(', '), hosts: String(result.stats.hostsInScope) }),
            tryThis: words.nothingAnsweredTry ?? '',
          }
        : null,
    top: topActions(result.advice).map(toView),
    household: group(result.advice.filter((a) => a.deviceId === null)),
    devices,
    scan: {
      targets: result.scope.targets.map((t) => safe(t, 60)),
      startedAt: displayTime(result.startedAt),
      finishedAt: displayTime(result.finishedAt),
      duration: displayDuration(result.stats.durationMs),
      hostsInScope: result.stats.hostsInScope,
      loginAttempts: result.stats.loginAttempts,
      problems: [
        ...result.stats.sourceProblems.map((p) => `${p.source}: ${safe(p.message)}`),
        ...(result.stats.checkProblems ?? []).map((p) => safe(inLanguage(p, lang, knowledge))),
      ],
    },
    knowledgeAsOf: result.knowledgeAsOf,
    knowledgeNotes: knowledgeNotes(result, lang).map((note) => safe(note)),
    sources: collectSources(result.advice),
  };
}

/** When the answer that settled a finding was given, if the result knows. */
function answeredAtOf(result: AuditResult, finding: Finding): string | undefined {
  const question = finding.settledBy ? answeredQuestion(finding.settledBy) : null;
  return question && finding.deviceId ? result.answeredAt?.[finding.deviceId]?.[question] : undefined;
}

/** A clean device says so only when every check ran on it; otherwise it is "(not fully) checked". */
function riskWords(risk: Risk, coverage: CheckCoverage, words: Record<string, string>, severityWords: string): string {
  if (coverage === 'all') return severityWords;
  const unchecked = (coverage === 'none' ? words.notChecked : words.partlyChecked) ?? '';
  return risk === 'none' ? unchecked : `${severityWords}, ${unchecked}`;
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

/** Why a device was not fully checked, in the household's words: a stopped scan, or logins the budget left untried. */
function coverageNoteOf(result: AuditResult, deviceId: string, words: Record<string, string>, translate: (text: string) => string): string | null {
  if (result.aborted) return words.notCheckedNote ?? null;
  const untried = (result.loginCoverage?.[deviceId] ?? []).filter((line) => line.result === 'partly-tried' || line.result === 'not-tried');
  if (untried.length > 0 && untried.every((line) => line.reason?.startsWith('budget'))) {
    const services = [...new Set(untried.map((line) => `${translate(line.label)} (${line.port})`))].join(', ');
    return fill(words.loginsPartlyNote ?? '', { services: safe(services, 300) });
  }
  return words.partlyCheckedNote ?? null;
}

/** ETSI before OWASP, provisions in numeric order (5.1-1 < 5.3-13 < 6-1; I2 < I10). */
function compareStandards(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** "2026-11-21 20:30:41 CET": the local time with its zone (TZ decides; tests pin Europe/Amsterdam). */
export function displayTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return safe(iso, 40);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')}`;
}

export function displayDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
