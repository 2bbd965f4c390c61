// Pure selectors over what the scan produced: the orderings and groupings every result view shares.

import type { AdviceItem, AuditResult, CheckCoverage, Device, Finding, Lang, Risk, Severity } from '../model.js';
import { answeredQuestion, defaultAdviceKnowledge, inLanguage, orderAdvice, settledText, shortTitle as shortTitleFrom, topActions } from '../advice/index.js';
import { coverageOf } from '../model/coverage.js';
import { deviceName as nameOfDevice } from '../model/device-name.js';
import { cleanText } from './clean-text.js';
import { compareSeverity, riskRank } from '../model/severity.js';
import type { AnswerableQuestion } from './types.js';
import type { ScanState } from './scan-state.js';
import { compareIpv4 } from '../util/ipv4.js';

/** What the result views read: the final result when there is one, else what the events brought. */
export interface ResultData {
  devices: Device[];
  findings: Finding[];
  advice: AdviceItem[];
  result: AuditResult | null;
  /** How far the checks got on a device: without a result, a stopped scan checked nothing for sure. */
  coverage(deviceId: string): CheckCoverage;
}

export function resultData(scan: ScanState): ResultData {
  const result = scan.result;
  return {
    devices: result?.devices ?? scan.devices,
    findings: result?.findings ?? scan.findings,
    advice: result?.advice ?? [],
    result,
    coverage: (deviceId) => (result ? coverageOf(result, deviceId) : scan.aborted || scan.phase === 'failed' ? 'none' : 'all'),
  };
}

const openFindings = (findings: Finding[]): Finding[] => findings.filter((finding) => !finding.settledBy);

export function findingsOf(deviceId: string, findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.deviceId === deviceId).sort(bySeverity);
}

export function bySeverity(a: Finding, b: Finding): number {
  return compareSeverity(a.severity, b.severity) || Number(Boolean(a.settledBy)) - Number(Boolean(b.settledBy));
}

/** The worst open finding of a device, if any. */
export function worstFinding(deviceId: string, findings: Finding[]): Finding | undefined {
  return openFindings(findingsOf(deviceId, findings))[0];
}

/** The device's risk from its open findings; falls back to the recorded risk when no findings are known. */
export function deviceRisk(device: Device, findings: Finding[]): Risk {
  const worst = worstFinding(device.id, findings);
  if (worst) return worst.severity;
  return findings.some((finding) => finding.deviceId === device.id) ? 'none' : device.risk;
}

/** Worst risk first; among equals, more open findings first, then by address. */
export function sortDevicesByRisk(devices: Device[], findings: Finding[]): Device[] {
  const openCount = (device: Device): number => openFindings(findingsOf(device.id, findings)).length;
  return devices
    .slice()
    .sort(
      (a, b) =>
        riskRank(deviceRisk(a, findings)) - riskRank(deviceRisk(b, findings)) ||
        openCount(b) - openCount(a) ||
        compareIpv4(a.ip, b.ip),
    );
}

/** The name the reports give the device (model/device-name), so screen and hand-out agree. */
export function deviceName(device: Device, lang: Lang): string {
  return nameOfDevice(device, lang, defaultAdviceKnowledge().labels);
}

/** "Google Nest Mini", also when the model already starts with the vendor ("Google Nest Mini"). */
export function vendorModel(device: Device): string {
  const vendor = cleanText(device.vendor);
  const model = cleanText(device.model);
  if (!vendor || !model) return vendor || model;
  const repeatsVendor = model.toLowerCase() === vendor.toLowerCase() || model.toLowerCase().startsWith(`${vendor.toLowerCase()} `);
  return repeatsVendor ? model : `${vendor} ${model}`;
}

export function filterFindings(findings: Finding[], severity: Severity | null): Finding[] {
  return findings.filter((finding) => severity === null || finding.severity === severity).sort(bySeverity);
}

/** Advice in the reports' order: priority, then acting now before buying. */
export function orderedAdvice(advice: AdviceItem[]): AdviceItem[] {
  return orderAdvice(advice);
}

export function adviceOf(deviceId: string, advice: AdviceItem[]): AdviceItem[] {
  return orderAdvice(advice.filter((item) => item.deviceId === deviceId));
}

/** "Do these first": the same picks as the reports make, so screen and hand-out agree. */
export function topAdvice(advice: AdviceItem[], count = 3): AdviceItem[] {
  return topActions(advice, count);
}

/** The first open finding of the device the user can settle, with its question. */
export function answerableFinding(
  deviceId: string,
  findings: Finding[],
  questions: AnswerableQuestion[],
): { finding: Finding; question: AnswerableQuestion } | undefined {
  for (const finding of findingsOf(deviceId, findings)) {
    if (finding.settledBy) continue;
    const question = questions.find((candidate) => candidate.check === finding.check);
    if (question) return { finding, question };
  }
  return undefined;
}

/** A few words for the worst-finding column: the data's short title, else the full title. */
export function shortTitle(finding: Finding, lang: Lang): string {
  return shortTitleFrom(finding, lang, defaultAdviceKnowledge().labels);
}

/** The settled finding of the device whose answer can be taken back (`u`), with its question. */
export function settledAnswer(
  deviceId: string,
  findings: Finding[],
  questions: AnswerableQuestion[],
): { finding: Finding; question: AnswerableQuestion } | undefined {
  for (const finding of findingsOf(deviceId, findings)) {
    if (!finding.settledBy) continue;
    const question = questions.find((candidate) => candidate.check === finding.check);
    if (question) return { finding, question };
  }
  return undefined;
}

/** "2026-11-21" per settled finding of the device, from when its answer was given. */
export function answeredOn(data: ResultData, deviceId: string): Record<string, string> {
  const given = data.result?.answeredAt?.[deviceId] ?? {};
  const out: Record<string, string> = {};
  for (const finding of data.findings) {
    if (finding.deviceId !== deviceId || !finding.settledBy) continue;
    const question = answeredQuestion(finding.settledBy);
    const at = question ? given[question] : undefined;
    if (at) out[finding.id] = at.slice(0, 10);
  }
  return out;
}

/** "two-step verification is on" for the check's "answer: mfa-enabled = yes". */
export function settledWords(settledBy: string, lang: Lang): string {
  return settledText(settledBy, lang, defaultAdviceKnowledge().labels);
}

/** An evidence line in the language on screen (the checks write English). */
export function evidenceWords(line: string, lang: Lang): string {
  return inLanguage(line, lang, defaultAdviceKnowledge());
}
