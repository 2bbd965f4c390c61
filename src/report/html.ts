// The printable hand-out: one self-contained HTML file (inline CSS, no scripts, nothing fetched),
// A4 when printed, in Dutch or English. Everything that came from a device is escaped.

import type { AuditResult, Lang } from '../model.js';
import type { AdviceKnowledge } from '../advice/types.js';
import { escapeHtml as h } from './escape.js';
import { HANDOUT_CSS } from './html-style.js';
import { buildReportView, type AdviceView, type DeviceView, type PhaseGroup, type ReportView } from './view.js';

// Nothing may load from anywhere, even if a device name slipped past the escaping.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function toHtml(result: AuditResult, lang: Lang, knowledge?: AdviceKnowledge): string {
  const view = buildReportView(result, lang, knowledge);
  const w = (key: string) => h(view.words[key] ?? key);
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${w('title')}: ${h(view.scan.finishedAt)}</title>`,
    `<style>${HANDOUT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${w('title')}</h1>`,
    `<p class="summary" id="summary">${h(view.summaryLine)}</p>`,
    `<p class="meta">${w('finished')}: ${h(view.scan.finishedAt)} · ${w('targets')}: ${h(view.scan.targets.join(', '))} · ${w('knowledgeDate')}: ${h(view.knowledgeAsOf)}</p>`,
    view.aborted ? `<p class="warning">${w('aborted')}</p>` : '',
    ...view.knowledgeNotes.map((note) => `<p class="warning">${h(note)}</p>`),
    '</header>',
    topSection(view),
    devicesSection(view),
    `<section id="household"><h2>${w('household')}</h2>${phaseGroups(view.household)}</section>`,
    scanSection(view),
    sourcesSection(view),
    `<footer>${w('footer')}</footer>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function adviceItem(item: AdviceView, withDevice = false): string {
  const about = withDevice && item.device ? `<strong>${h(item.device)}</strong>: ` : '';
  return `<li>${about}${h(item.text)}<span class="src">${h(item.source)} · ${h(item.standards.join(', '))}</span></li>`;
}

function topSection(view: ReportView): string {
  const items = view.top.map((item) => adviceItem(item, true)).join('\n');
  return `<section class="top" id="top-actions"><h2>${h(view.words.topActions ?? '')}</h2><ol>\n${items}\n</ol></section>`;
}

function devicesSection(view: ReportView): string {
  const w = (key: string) => h(view.words[key] ?? key);
  const rows = view.devices
    .map((d) => `<tr><td><span class="badge sev-${d.risk}">${h(d.riskLabel)}</span></td><td>${h(d.kind)}</td><td>${h(d.name)}</td><td>${h(d.vendorModel ?? '–')}</td><td>${h(d.ip)}</td></tr>`)
    .join('\n');
  const table = `<table><thead><tr><th>${w('risk')}</th><th>${w('kind')}</th><th>${w('name')}</th><th>${w('vendorModel')}</th><th>${w('address')}</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
  return `<section id="devices"><h2>${w('devices')}</h2>${table}\n${view.devices.map((d) => deviceCard(d, view)).join('\n')}</section>`;
}

function deviceCard(device: DeviceView, view: ReportView): string {
  const w = (key: string) => h(view.words[key] ?? key);
  const facts = [
    device.vendorModel ? `<dt>${w('vendorModel')}</dt><dd>${h(device.vendorModel)}</dd>` : '',
    `<dt>${w('address')}</dt><dd>${h(device.ip)}${device.mac ? ` · ${h(device.mac)}` : ''}</dd>`,
    device.firmware ? `<dt>${w('firmware')}</dt><dd>${h(device.firmware)}</dd>` : '',
    device.services.length > 0 ? `<dt>${w('services')}</dt><dd>${h(device.services.join(', '))}</dd>` : '',
  ].join('');
  const findings =
    device.findings.length === 0
      ? `<p class="muted">${w('noFindings')}</p>`
      : `<ul>${device.findings
          .map((f) => {
            const settled = f.settled ? ` <em>(${w('settled')}: ${h(f.settled)})</em>` : '';
            const evidence = f.evidence.map((e) => `<span class="evidence">${w('evidence')}: ${h(e)}</span>`).join('<br>');
            return `<li><span class="badge sev-${f.severity}">${h(f.severityLabel)}</span> ${h(f.title)}${settled}<br>${evidence}</li>`;
          })
          .join('')}</ul>`;
  const advice = device.advice.length > 0 ? `<h4>${w('advice')}</h4>${phaseGroups(device.advice)}` : '';
  return [
    `<article class="card sev-${device.risk}" data-device-id="${h(device.id)}">`,
    `<h3><span>${h(device.kind)} “${h(device.name)}”</span><span class="badge sev-${device.risk}">${h(device.riskLabel)}</span></h3>`,
    `<dl>${facts}</dl>`,
    `<h4>${w('findings')}</h4>${findings}`,
    advice,
    '</article>',
  ].join('\n');
}

function phaseGroups(groups: PhaseGroup[]): string {
  return groups
    .map((g) => `<div class="phase-group" data-phase="${g.phase}"><p class="phase">${h(g.label)}</p><ul>${g.items.map((i) => adviceItem(i)).join('')}</ul></div>`)
    .join('\n');
}

function scanSection(view: ReportView): string {
  const w = (key: string) => h(view.words[key] ?? key);
  const s = view.scan;
  const rows: Array<[string, string]> = [
    [w('targets'), h(s.targets.join(', '))],
    [w('started'), h(s.startedAt)],
    [w('finished'), h(s.finishedAt)],
    [w('duration'), h(s.duration)],
    [w('hostsInScope'), String(s.hostsInScope)],
    [w('knowledgeDate'), h(view.knowledgeAsOf)],
  ];
  if (s.problems.length > 0) rows.push([w('sourceProblems'), s.problems.map(h).join('<br>')]);
  const body = rows.map(([k, v]) => `<tr><th>${k}</th><td>${v}</td></tr>`).join('');
  return `<section id="scan"><h2>${w('scanned')}</h2><table>${body}</table></section>`;
}

function sourcesSection(view: ReportView): string {
  const items = view.sources.map((s) => `<li>${h(s.source)}<span class="src">${h(s.standards.join(', '))}</span></li>`).join('');
  return `<section id="sources"><h2>${h(view.words.sources ?? '')}</h2><ul>${items}</ul></section>`;
}
