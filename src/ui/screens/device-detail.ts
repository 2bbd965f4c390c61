// One device: first what is wrong and what to do (a household reads no further), then what it is
// and why we think so, its open services, and the evidence of each finding. A finding the user can
// settle says which key does it.

import { type AdviceItem, type CheckCoverage, type Device, type Finding, type Lang, type Phase } from '../../model.js';
import { cleanText } from '../clean-text.js';
import { adviceOf, deviceName, deviceRisk, evidenceWords, findingsOf, settledWords, vendorModel } from '../result-model.js';
import { riskColour, riskSymbol, TONE_COLOURS } from '../severity-style.js';
import { kindLabel, kindPhrase, phaseLabel, riskLabel, t } from '../strings.js';
import type { AnswerableQuestion } from '../types.js';
import { wrap } from '../text-layout.js';
import { blank, line, segment, type Line, wrapped } from './line.js';

/** What to do now comes before what to do next time: buying advice last. */
const DO_FIRST: readonly Phase[] = ['install', 'use', 'incident', 'complaint', 'buy'];

interface DetailOptions {
  lang: Lang;
  width: number;
  colour: boolean;
  questions: AnswerableQuestion[];
  coverage?: CheckCoverage;
  /** When each settled finding was answered ("2026-11-21"), by finding id. */
  answeredOn?: Record<string, string>;
}

/** How sure each attribute is on its own, in whole percent. */
function attributePercents(device: Device): Record<string, number> {
  const { vendor, model, kind } = device.identity.attributes;
  return { vendor: Math.round(vendor * 100), model: Math.round(model * 100), kind: Math.round(kind * 100) };
}

function identityLines(device: Device, lang: Lang, width: number): Line[] {
  const unknown = t(lang, 'unknown');
  const field = (label: string, value: string | null) => `${label}: ${cleanText(value) || unknown}`;
  const names = device.names.map(cleanText).filter(Boolean);
  return [
    line(t(lang, 'whatItIs'), { bold: true }),
    ...wrapped(
      [
        kindPhrase(lang, device),
        field(t(lang, 'vendor'), device.vendor),
        field(t(lang, 'model'), device.model),
        field(t(lang, 'firmware'), device.firmware),
        field(t(lang, 'mac'), device.mac),
      ].join(' · '),
      width,
      {},
      '  ',
    ),
    ...(names.length > 0 ? wrapped(`${t(lang, 'names')}: ${names.join(', ')}`, width, { dim: true }, '  ') : []),
    blank(),
    line(t(lang, 'whyWeThink', { pct: Math.round(device.identity.confidence * 100) }), { bold: true }),
    line(`  ${t(lang, 'attributeConfidence', attributePercents(device))}`, { dim: true }),
    ...(device.identity.evidence.length === 0 ? [line(`  ${t(lang, 'noEvidence')}`, { dim: true })] : []),
    ...device.identity.evidence.flatMap((evidence) =>
      wrapped(`${evidence.source}: ${cleanText(evidenceWords(evidence.detail, lang))}`, width, { dim: true }, '  • ', 4),
    ),
  ];
}

function serviceLines(device: Device, lang: Lang, width: number): Line[] {
  const rows =
    device.services.length === 0
      ? [line(`  ${t(lang, 'noServices')}`, { dim: true })]
      : device.services.flatMap((service) => {
          const banner = cleanText(service.banner);
          return wrapped(`${service.transport}/${service.port} ${cleanText(service.name)}${banner ? `  “${banner}”` : ''}`, width, {}, '  ', 4);
        });
  return [line(t(lang, 'services'), { bold: true }), ...rows];
}

function findingLines(finding: Finding, options: DetailOptions): Line[] {
  const { lang, width, colour, questions } = options;
  const settled = Boolean(finding.settledBy);
  const label = `  ${riskSymbol(finding.severity)} ${riskLabel(lang, finding.severity)}  `;
  // Titles wrap under themselves rather than being cut: the title is what the finding says.
  const titleRows = wrap(cleanText(finding.title[lang]), Math.max(10, width - label.length));
  const titleStyle = { bold: !settled, dim: settled };
  const head: Line[] = titleRows.map((row, index) =>
    index === 0
      ? [segment(label, { colour: settled ? undefined : riskColour(finding.severity, colour), bold: !settled, dim: settled }), segment(row, titleStyle)]
      : [segment(' '.repeat(label.length) + row, titleStyle)],
  );
  const on = options.answeredOn?.[finding.id];
  const answered = on ? ` (${t(lang, 'answeredOn', { date: on })})` : '';
  if (settled) head.push([segment(`      ✓ ${t(lang, 'settled')}: ${cleanText(settledWords(finding.settledBy ?? '', lang))}${answered}`, { colour: colour ? TONE_COLOURS.good : undefined })]);
  if (settled && questions.some((candidate) => candidate.check === finding.check)) head.push(line(`      → ${t(lang, 'undoHint')}`, { dim: true }));
  const question = settled ? undefined : questions.find((candidate) => candidate.check === finding.check);
  return [...head, ...(question ? [line(`      → ${t(lang, 'answerHint', { prompt: question.prompt[lang] })}`, { bold: true })] : [])];
}

/** The evidence of one finding, below the advice: for whoever wants to know how we know. */
function evidenceLines(finding: Finding, lang: Lang, width: number): Line[] {
  return [
    ...wrapped(`${riskSymbol(finding.severity)} ${cleanText(finding.title[lang])}`, width, {}, '  ', 4),
    ...finding.evidence.flatMap((evidence) => wrapped(cleanText(evidenceWords(evidence, lang)), width, { dim: true }, `    ${t(lang, 'evidence')}: `, 6)),
    ...(finding.standards.length > 0 ? wrapped(finding.standards.join(', '), width, { dim: true }, `    ${t(lang, 'standards')}: `, 6) : []),
  ];
}

function adviceLines(items: AdviceItem[], lang: Lang, width: number): Line[] {
  if (items.length === 0) return [line(`  ${t(lang, 'noAdvice')}`, { dim: true })];
  return DO_FIRST.flatMap((phase) => {
    const inPhase = items.filter((item) => item.phase === phase);
    if (inPhase.length === 0) return [];
    return [
      line(`  ${phaseLabel(lang, phase)}`, { bold: true }),
      ...inPhase.flatMap((item) => wrapped(cleanText(item.text[lang]), width, {}, '    • ', 6)),
    ];
  });
}

export function deviceDetailLines(device: Device, findings: Finding[], advice: AdviceItem[], options: DetailOptions): Line[] {
  const { lang, width, colour } = options;
  const risk = deviceRisk(device, findings);
  const own = findingsOf(device.id, findings);
  const name = deviceName(device, lang);
  const model = vendorModel(device);
  const coverage = options.coverage ?? 'all';
  const riskText = risk === 'none' && coverage !== 'all' ? `? ${t(lang, coverage === 'none' ? 'notChecked' : 'partlyChecked')}` : `${riskSymbol(risk)} ${riskLabel(lang, risk)}`;
  const noFindings = coverage === 'all' ? t(lang, 'noFindings') : t(lang, 'notCheckedNote');
  return [
    // The risk right after the name, so a narrow terminal cuts the details, not the verdict.
    [
      segment(name, { bold: true }),
      segment('  '),
      segment(riskText, { colour: risk === 'none' && coverage !== 'all' ? undefined : riskColour(risk, colour), bold: true }),
      segment(`  ${[kindLabel(lang, device), name === model ? '' : model, device.ip].filter(Boolean).join(' · ')}`),
    ],
    ...(coverage !== 'all' && own.length > 0 ? wrapped(t(lang, 'notCheckedNote'), width, { bold: true }, '') : []),
    blank(),
    line(`${t(lang, 'whatIsWrong')} (${own.length})`, { bold: true }),
    ...(own.length === 0 ? wrapped(noFindings, width, { dim: coverage === 'all', bold: coverage !== 'all' }, '  ') : own.flatMap((finding) => findingLines(finding, options))),
    blank(),
    line(t(lang, 'whatToDo'), { bold: true }),
    ...adviceLines(adviceOf(device.id, advice), lang, width),
    blank(),
    ...identityLines(device, lang, width),
    blank(),
    ...serviceLines(device, lang, width),
    ...(own.length > 0 ? [blank(), line(t(lang, 'howWeKnow'), { bold: true }), ...own.flatMap((finding) => evidenceLines(finding, lang, width))] : []),
  ];
}
