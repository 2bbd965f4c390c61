// The Markdown report: the same content as the HTML hand-out, for pasting into tickets and notes.

import type { AuditResult, Lang } from '../model.js';
import type { AdviceKnowledge } from '../advice/types.js';
import { escapeMarkdown as md } from './escape.js';
import { buildReportView, type AdviceView, type DeviceView, type PhaseGroup, type ReportView } from './view.js';

export function toMarkdown(result: AuditResult, lang: Lang, knowledge?: AdviceKnowledge): string {
  const view = buildReportView(result, lang, knowledge);
  const w = view.words;
  const lines: string[] = [`# ${md(w.title ?? '')}`, '', md(view.summaryLine), ''];
  if (view.aborted) lines.push(`> **${md(w.aborted ?? '')}**`, '');
  if (view.nothingAnswered) lines.push(`> **${md(view.nothingAnswered.message)}**`, '>', `> ${md(view.nothingAnswered.tryThis)}`, '');
  lines.push(`## ${md(w.topActions ?? '')}`, '');
  view.top.forEach((item, index) => lines.push(`${index + 1}. ${adviceLine(item, true)}`));
  lines.push('', `## ${md(w.devices ?? '')}`, '', deviceTable(view), '');
  for (const device of view.devices) lines.push(...deviceCard(device, view), '');
  lines.push(`## ${md(w.household ?? '')}`, '');
  lines.push(...phaseGroups(view.household, '###'));
  lines.push(...scanSection(view), ...sourcesSection(view), `_${md(w.footer ?? '')}_`, '');
  return lines.join('\n');
}

function adviceLine(item: AdviceView, withDevice = false): string {
  const about = withDevice && item.device ? `**${md(item.device)}**: ` : '';
  return `${about}${md(item.text)} _(${md(item.source)}; ${md(item.standards.join(', '))})_`;
}

function deviceTable(view: ReportView): string {
  const w = view.words;
  const head = `| ${md(w.risk ?? '')} | ${md(w.kind ?? '')} | ${md(w.name ?? '')} | ${md(w.vendorModel ?? '')} | ${md(w.address ?? '')} |`;
  const rows = view.devices.map((d) => `| ${md(d.riskLabel)} | ${md(d.kind)} | ${md(d.name)} | ${md(d.vendorModel ?? '–')} | ${md(d.ip)} |`);
  return [head, '|---|---|---|---|---|', ...rows].join('\n');
}

function deviceCard(device: DeviceView, view: ReportView): string[] {
  const w = view.words;
  const lines = [`### ${md(device.kind)} “${md(device.name)}” (${md(device.riskLabel)})`, ''];
  if (device.vendorModel) lines.push(`- ${md(w.vendorModel ?? '')}: ${md(device.vendorModel)}`);
  lines.push(`- ${md(w.address ?? '')}: ${md(device.ip)}${device.mac ? ` (${md(device.mac)})` : ''}`);
  if (device.firmware) lines.push(`- ${md(w.firmware ?? '')}: ${md(device.firmware)}`);
  if (device.services.length > 0) lines.push(`- ${md(w.services ?? '')}: ${md(device.services.join(', '))}`);
  lines.push('', `**${md(w.findings ?? '')}**`, '');
  if (device.coverageNote) lines.push(`> ${md(device.coverageNote)}`, '');
  if (device.findings.length === 0 && !device.coverageNote) lines.push(md(w.noFindings ?? ''));
  for (const finding of device.findings) {
    const settled = finding.settled ? ` (${md(w.settled ?? '')}: ${md(finding.settled)})` : '';
    lines.push(`- **${md(finding.severityLabel)}**: ${md(finding.title)}${settled}`);
    for (const evidence of finding.evidence) lines.push(`  - ${md(w.evidence ?? '')}: ${md(evidence)}`);
  }
  if (device.advice.length > 0) lines.push('', `**${md(w.advice ?? '')}**`, '', ...phaseGroups(device.advice, null));
  return lines;
}

function phaseGroups(groups: PhaseGroup[], heading: string | null): string[] {
  const lines: string[] = [];
  for (const group of groups) {
    lines.push(heading ? `${heading} ${md(group.label)}` : `*${md(group.label)}*`, '');
    for (const item of group.items) lines.push(`- ${adviceLine(item)}`);
    lines.push('');
  }
  return lines;
}

function scanSection(view: ReportView): string[] {
  const w = view.words;
  const s = view.scan;
  const lines = [
    `## ${md(w.scanned ?? '')}`,
    '',
    `- ${md(w.targets ?? '')}: ${md(s.targets.join(', '))}`,
    `- ${md(w.started ?? '')}: ${md(s.startedAt)}`,
    `- ${md(w.finished ?? '')}: ${md(s.finishedAt)}`,
    `- ${md(w.duration ?? '')}: ${md(s.duration)}`,
    `- ${md(w.hostsInScope ?? '')}: ${s.hostsInScope}`,
    `- ${md(w.knowledgeDate ?? '')}: ${md(view.knowledgeAsOf)}`,
    ...view.knowledgeNotes.map((note) => `- ${md(note)}`),
  ];
  if (s.problems.length > 0) lines.push(`- ${md(w.sourceProblems ?? '')}: ${md(s.problems.join('; '))}`);
  return [...lines, ''];
}

function sourcesSection(view: ReportView): string[] {
  const lines = [`## ${md(view.words.sources ?? '')}`, ''];
  for (const { source, standards } of view.sources) lines.push(`- ${md(source)}: ${md(standards.join(', '))}`);
  return [...lines, ''];
}
