// Every finding of the household, worst first, optionally narrowed to one severity.

import { SEVERITIES, type Device, type Finding, type Lang, type Severity } from '../../model.js';
import { cleanText } from '../clean-text.js';
import { deviceName, evidenceWords, filterFindings } from '../result-model.js';
import { riskColour, riskSymbol } from '../severity-style.js';
import { riskLabel, t } from '../strings.js';
import { line, segment, type Line, wrapped } from './line.js';

function filterLine(filter: Severity | null, lang: Lang, counts: Map<Severity, number>): Line {
  const choices = SEVERITIES.map((severity, index) => {
    const label = `${index + 1} ${riskLabel(lang, severity)}(${counts.get(severity) ?? 0})`;
    return segment(` ${label} `, { bold: filter === severity, inverse: filter === severity, dim: filter !== null && filter !== severity });
  });
  return [segment(`${t(lang, 'filterLabel')}: `, { bold: true }), segment(` 0 ${t(lang, 'filterAll')} `, { inverse: filter === null, bold: filter === null }), ...choices];
}

export function findingsScreenLines(
  findings: Finding[],
  devices: Device[],
  options: { lang: Lang; width: number; filter: Severity | null; colour: boolean },
): Line[] {
  const { lang, width, filter, colour } = options;
  const counts = new Map<Severity, number>();
  for (const finding of findings) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  const byId = new Map(devices.map((device) => [device.id, device]));
  const shown = filterFindings(findings, filter);
  const rows = shown.flatMap((finding): Line[] => {
    const device = finding.deviceId ? byId.get(finding.deviceId) : undefined;
    const settled = Boolean(finding.settledBy);
    return [
      [
        segment(`${riskSymbol(finding.severity)} ${riskLabel(lang, finding.severity)}`.padEnd(13), {
          colour: settled ? undefined : riskColour(finding.severity, colour),
          bold: !settled,
          dim: settled,
        }),
        segment(`${device ? deviceName(device, lang) : t(lang, 'household')}: `, { bold: true, dim: settled }),
        segment(cleanText(finding.title[lang]) + (settled ? ` (✓ ${t(lang, 'settled')})` : ''), { dim: settled }),
      ],
      ...(finding.evidence[0] ? wrapped(cleanText(evidenceWords(finding.evidence[0], lang)), width, { dim: true }, ' '.repeat(13)) : []),
    ];
  });
  return [filterLine(filter, lang, counts), ...(rows.length > 0 ? rows : [line(t(lang, 'noFindings'), { dim: true })])];
}
