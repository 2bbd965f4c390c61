// The printable hand-out: one self-contained HTML file (inline CSS and SVG, no scripts, nothing
// fetched), A4 when printed, in Dutch or English. Page 1 is the household's overview (a picture of the
// devices by risk, the top actions, what was and was not checked); then a short section per device that
// needs action; evidence, norms and the scan's details in an appendix. Everything from a device is escaped.

import type { AuditResult, Lang } from '../model.js';
import type { AdviceKnowledge } from '../advice/types.js';
import { escapeHtml as h } from './escape.js';
import { HANDOUT_CSS } from './html-style.js';
import { riskPicture } from './risk-picture.js';
import { buildReportView, fill, type AdviceView, type DeviceView, type PhaseGroup, type ReportView } from './view.js';

// Nothing may load from anywhere, even if a device name slipped past the escaping.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Phases a household acts on now; buying advice and the rest go to the appendix. */
const ACT_NOW = new Set(['install', 'use', 'incident']);

/** The hand-out names at most this many actions per device; the rest stand in the appendix. */
const ACTIONS_PER_DEVICE = 3;

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
    overviewPage(view),
    actionSection(view),
    appendix(view),
    `<footer>${w('footer')}</footer>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function overviewPage(view: ReportView): string {
  const w = (key: string) => h(view.words[key] ?? key);
  return [
    '<section class="overview" id="overview">',
    '<header>',
    `<h1>${w('title')}</h1>`,
    `<p class="summary" id="summary">${h(view.summaryLine)}</p>`,
    `<p class="meta">${w('finished')}: ${h(view.scan.finishedAt)} · ${w('targets')}: ${h(view.scan.targets.join(', '))} · ${w('knowledgeDate')}: ${h(view.knowledgeAsOf)}</p>`,
    view.aborted ? `<p class="warning" id="stopped">${w('aborted')}</p>` : '',
    ...view.knowledgeNotes.map((note) => `<p class="warning">${h(note)}</p>`),
    view.nothingAnswered ? `<p class="warning" id="nothing-answered">${h(view.nothingAnswered.message)}<br>${h(view.nothingAnswered.tryThis)}</p>` : '',
    '</header>',
    view.devices.length > 0 ? `<figure id="picture"><figcaption>${w('picture')}</figcaption>${riskPicture(view)}</figure>` : '',
    topSection(view),
    checkedSection(view),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function topSection(view: ReportView): string {
  if (view.top.length === 0) return '';
  const items = view.top.map((item) => `<li>${item.device ? `<strong>${h(item.device)}</strong>: ` : ''}${h(item.text)}</li>`).join('\n');
  return `<section class="top" id="top-actions"><h2>${h(view.words.topActions ?? '')}</h2><ol>\n${items}\n</ol></section>`;
}

function checkedSection(view: ReportView): string {
  const words = view.words;
  const full = view.devices.filter((d) => d.coverage === 'all').length;
  const notFull = view.devices.filter((d) => d.coverage !== 'all').map((d) => d.name);
  const lines = [
    fill(words.checkedAll ?? '', { count: full }),
    notFull.length > 0 ? fill((view.aborted ? words.checkedNot : words.checkedNotPartly) ?? '', { names: notFull.join(', ') }) : '',
    view.scan.loginAttempts > 0 ? fill(words.checkedLogins ?? '', { count: view.scan.loginAttempts }) : (words.checkedNoLogins ?? ''),
    view.scan.problems.length > 0 ? fill(words.checkedProblems ?? '', { count: view.scan.problems.length }) : '',
    words.checkedNever ?? '',
  ].filter(Boolean);
  return `<section id="checked"><h2>${h(words.checkedTitle ?? '')}</h2><ul>${lines.map((line) => `<li>${h(line)}</li>`).join('')}</ul></section>`;
}

/** A device needs action when it has an open finding or was not fully checked. */
const needsAction = (device: DeviceView): boolean => device.findings.some((f) => !f.settled) || device.coverage !== 'all';

function actionSection(view: ReportView): string {
  const w = (key: string) => h(view.words[key] ?? key);
  const acting = view.devices.filter(needsAction);
  const fine = view.devices.filter((d) => !needsAction(d));
  const rest = fine.length > 0 ? `<p class="fine"><strong>${w('noActionNeeded')}:</strong> ${fine.map((d) => h(d.name)).join(', ')}</p>` : '';
  if (acting.length === 0 && !rest) return '';
  return `<section id="devices"><h2>${w('needsAction')}</h2>\n${acting.map((d) => actionCard(d, view)).join('\n')}\n${rest}</section>`;
}

function actionCard(device: DeviceView, view: ReportView): string {
  const w = (key: string) => h(view.words[key] ?? key);
  const open = device.findings.filter((f) => !f.settled);
  const all = actNow(device);
  const todo = all.slice(0, ACTIONS_PER_DEVICE);
  const more = all.length - todo.length;
  return [
    `<article class="card sev-${device.risk}" data-device-id="${h(device.id)}">`,
    `<h3><span>${h(device.kind)} “${h(device.name)}”</span><span class="badge sev-${device.risk}">${h(device.riskLabel)}</span></h3>`,
    `<p class="muted">${[device.vendorModel, device.ip].filter(Boolean).map((v) => h(v ?? '')).join(' · ')}</p>`,
    device.coverageNote ? `<p class="warning">${h(device.coverageNote)}</p>` : '',
    open.length > 0 ? `<h4>${w('whatIsWrong')}</h4><ul>${open.map((f) => `<li><span class="badge sev-${f.severity}">${h(f.severityLabel)}</span> ${h(f.title)}</li>`).join('')}</ul>` : '',
    todo.length > 0 ? `<h4>${w('whatToDo')}</h4><ol>${todo.map((item) => `<li>${h(item.text)}</li>`).join('')}</ol>` : '',
    more > 0 ? `<p class="muted">${h(fill(view.words.moreInAppendix ?? '', { count: more }))}</p>` : '',
    '</article>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** The device's advice to act on now, in the advice's order. */
function actNow(device: DeviceView): AdviceView[] {
  return device.advice
    .filter((g) => ACT_NOW.has(g.phase))
    .flatMap((g) => g.items)
    .sort((a, b) => a.rank - b.rank);
}

function appendix(view: ReportView): string {
  const w = (key: string) => h(view.words[key] ?? key);
  const buying = view.devices.flatMap((d) => d.advice.filter((g) => !ACT_NOW.has(g.phase)).flatMap((g) => g.items.map((i) => ({ ...i, device: d.name }))));
  return [
    `<section class="appendix" id="appendix"><h2>${w('appendix')}</h2>`,
    devicesTable(view),
    `<div class="columns">${view.devices.map((d) => evidenceBlock(d, view)).join('\n')}</div>`,
    buying.length > 0 ? `<h3>${w('buyingAdvice')}</h3><div class="columns"><ul class="small">${buying.map((item) => adviceItem(item, true)).join('')}</ul></div>` : '',
    view.household.length > 0 ? `<h3>${w('household')}</h3><div class="columns">${phaseGroups(view.household)}</div>` : '',
    scanSection(view),
    sourcesSection(view),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}

function devicesTable(view: ReportView): string {
  const w = (key: string) => h(view.words[key] ?? key);
  const rows = view.devices
    .map((d) => `<tr><td><span class="badge sev-${d.risk}">${h(d.riskLabel)}</span></td><td>${h(d.kind)}</td><td>${h(d.name)}</td><td>${h(d.vendorModel ?? '–')}</td><td>${h(d.ip)}</td></tr>`)
    .join('\n');
  return `<table id="device-table"><thead><tr><th>${w('risk')}</th><th>${w('kind')}</th><th>${w('name')}</th><th>${w('vendorModel')}</th><th>${w('address')}</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** Per device: how it was recognised, its services and every finding with its evidence and norms. */
function evidenceBlock(device: DeviceView, view: ReportView): string {
  const w = (key: string) => h(view.words[key] ?? key);
  const facts = [
    `${w('address')}: ${h(device.ip)}${device.mac ? ` · ${h(device.mac)}` : ''}`,
    device.firmware ? `${w('firmware')}: ${h(device.firmware)}` : '',
    device.services.length > 0 ? `${w('services')}: ${h(device.services.join(', '))}` : '',
  ].filter(Boolean);
  const findings = device.findings
    .map((f) => {
      const settled = f.settled ? ` <em>(${w('settled')}: ${h(f.settled)})</em>` : '';
      const evidence = f.evidence.map((e) => `<span class="evidence">${w('evidence')}: ${h(e)}</span>`).join('<br>');
      const norms = f.standards.length > 0 ? `<br><span class="evidence">${w('norms')}: ${h(f.standards.join(', '))}</span>` : '';
      return `<li>${h(f.title)}${settled}<br>${evidence}${norms}</li>`;
    })
    .join('');
  const later = actNow(device).slice(ACTIONS_PER_DEVICE);
  return [
    `<div class="evidence-block" data-device-id="${h(device.id)}">`,
    `<h4>${h(device.kind)} “${h(device.name)}”</h4>`,
    `<p class="evidence">${facts.join(' · ')}</p>`,
    findings ? `<ul class="small">${findings}</ul>` : '',
    later.length > 0 ? `<p class="phase">${w('moreAdvice')}</p><ul class="small">${later.map((item) => adviceItem(item)).join('')}</ul>` : '',
    '</div>',
  ]
    .filter(Boolean)
    .join('\n');
}

function adviceItem(item: AdviceView, withDevice = false): string {
  const about = withDevice && item.device ? `<strong>${h(item.device)}</strong>: ` : '';
  return `<li>${about}${h(item.text)}<span class="src">${h(item.source)} · ${h(item.standards.join(', '))}</span></li>`;
}

function phaseGroups(groups: PhaseGroup[]): string {
  return groups
    .map((g) => `<div class="phase-group" data-phase="${g.phase}"><p class="phase">${h(g.label)}</p><ul class="small">${g.items.map((i) => adviceItem(i)).join('')}</ul></div>`)
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
  return `<div id="scan"><h3>${w('scanned')}</h3><table>${body}</table></div>`;
}

function sourcesSection(view: ReportView): string {
  const items = view.sources.map((s) => `<li>${h(s.source)}<span class="src">${h(s.standards.join(', '))}</span></li>`).join('');
  return `<div id="sources"><h3>${h(view.words.sources ?? '')}</h3><ul class="small">${items}</ul></div>`;
}
