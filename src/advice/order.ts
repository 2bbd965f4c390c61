// What to do first: the harm the problem can do (HARM below), then the priority from the worst finding
// behind an item (or the template's urgency), then the phase: acting now (install, use) before what to
// do if something happens, and buying last. Documented in docs/report.md "Do these first".

import type { AdviceItem, Finding, Phase, Severity } from '../model.js';
import { riskRank } from '../model/severity.js';

const PHASE_ORDER: Record<Phase, number> = { install: 0, use: 1, incident: 2, complaint: 3, buy: 4 };

/** Services that hand whoever reaches them a command line. */
const SHELLS = new Set(['telnet', 'ssh', 'adb', 'rdp', 'vnc']);

/**
 * Harm classes, worst first: 0 a shell reachable from the internet; 1 anything else reachable from
 * the internet; 2 anyone in the home can take the device over (a factory or any password, open MQTT,
 * writable SNMP, anonymous FTP); 3 a known vulnerability or no more security updates; 4 the rest.
 */
export function harmOf(findings: Finding[]): number {
  const harm = (f: Finding): number => {
    if (f.check === 'exposed-by-port-mapping') return SHELLS.has(String(f.details.service ?? '')) ? 0 : 1;
    if (['default-credentials', 'accepts-any-password', 'mqtt-no-auth', 'snmp-write-community', 'anonymous-ftp'].includes(f.check)) return 2;
    if (f.check === 'outdated-firmware' && (f.details.cves || f.details.advice === 'replace')) return 3;
    return 4;
  };
  return findings.length === 0 ? 4 : Math.min(...findings.map(harm));
}

/** 1 (critical) … 5 (info): the worst severity among the findings, else the given urgency. */
export function priorityOf(findings: Finding[], urgency: Severity = 'info'): number {
  const worst = findings.length > 0 ? Math.min(...findings.map((f) => riskRank(f.severity))) : riskRank(urgency);
  return worst + 1;
}

/** Sorted copy: priority, then phase; otherwise the order items were made in (stable sort). */
export function orderAdvice(items: AdviceItem[]): AdviceItem[] {
  return [...items].sort((a, b) => (a.harm ?? 4) - (b.harm ?? 4) || a.priority - b.priority || PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase]);
}

const ACT_NOW: ReadonlySet<Phase> = new Set(['install', 'use']);

/**
 * The n most urgent things to do now: install/use items driven by findings, each about findings no
 * earlier pick already covers; topped up with general install/use items when there are fewer.
 */
export function topActions(advice: AdviceItem[], n = 3): AdviceItem[] {
  const ordered = orderAdvice(advice).filter((item) => ACT_NOW.has(item.phase));
  const picked: AdviceItem[] = [];
  const covered = new Set<string>();
  for (const item of ordered) {
    if (picked.length >= n) break;
    if (item.findingIds.length === 0 || item.findingIds.every((id) => covered.has(id))) continue;
    picked.push(item);
    item.findingIds.forEach((id) => covered.add(id));
  }
  for (const item of ordered) {
    if (picked.length >= n) break;
    if (item.findingIds.length === 0) picked.push(item);
  }
  return picked;
}
