// The plain summary printed when stdout is not a terminal: devices by risk, findings, the top
// actions. Plain text only: no colours, no escape sequences, device text sanitised.

import type { AuditResult, Lang } from '../model.js';
import type { AdviceKnowledge } from '../advice/types.js';
import { buildReportView } from './view.js';

export function toPlainSummary(result: AuditResult, lang: Lang, knowledge?: AdviceKnowledge): string {
  const view = buildReportView(result, lang, knowledge);
  const w = (key: string) => view.words[key] ?? key;
  const lines: string[] = [`${w('title')}: ${view.summaryLine}`];
  if (view.aborted) lines.push(w('aborted'));
  if (view.nothingAnswered) lines.push(view.nothingAnswered.message, view.nothingAnswered.tryThis);
  lines.push('', `${w('devices')}:`);
  const riskWidth = Math.max(0, ...view.devices.map((d) => d.riskLabel.length));
  for (const d of view.devices) {
    const what = [d.kind, `"${d.name}"`, d.vendorModel].filter(Boolean).join('  ');
    lines.push(`  ${d.riskLabel.toUpperCase().padEnd(riskWidth)}  ${d.ip.padEnd(15)}  ${what}`);
  }
  const findings = view.devices.flatMap((d) => d.findings.map((f) => ({ device: d.name, f })));
  lines.push('', `${w('findings')}:`);
  // "No problems found" only when every device was fully checked and something answered.
  const allChecked = view.devices.every((d) => d.coverage === 'all');
  if (findings.length === 0) lines.push(`  ${allChecked && !view.nothingAnswered ? w('noFindings') : '-'}`);
  for (const { device, f } of findings) {
    const settled = f.settled ? ` (${w('settled')}: ${f.settled})` : '';
    lines.push(`  [${f.severityLabel}] ${device}: ${f.title}${settled}`);
  }
  lines.push('', `${w('topActions')}:`);
  view.top.forEach((item, index) => lines.push(`  ${index + 1}. ${item.device ? `${item.device}: ` : ''}${item.text}`));
  lines.push('', `${w('knowledgeDate')}: ${view.knowledgeAsOf}`, ...view.knowledgeNotes, '');
  return lines.join('\n');
}
