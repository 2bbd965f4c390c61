// After the scan: every device, worst risk first, one row each; the selected row stays in view.

import type { CheckCoverage, Device, Finding, Lang, Risk } from '../../model.js';
import { cleanText } from '../clean-text.js';
import { deviceName, deviceRisk, shortTitle, vendorModel, worstFinding } from '../result-model.js';
import { riskColour, riskSymbol } from '../severity-style.js';
import { kindLabel, riskLabel, t } from '../strings.js';
import { fit } from '../text-layout.js';
import { line, segment, type Line } from './line.js';

interface Columns {
  risk: number;
  kind: number;
  name: number;
  vendorModel: number;
  address: number;
  worst: number;
}

/** Below this width name and vendor/model share one column: two 11-column stubs said nothing. */
const SEPARATE_VENDOR_MODEL_FROM = 100;

/**
 * Short fields as wide as their longest value; the rest shared by name, vendor/model and worst finding.
 * `vendorModel` is 0 on narrow terminals, where the name column says "name · vendor model".
 */
export function tableColumns(width: number, longest: { risk: number; kind: number; address: number }): Columns {
  const risk = longest.risk + 1;
  const kind = Math.min(14, longest.kind + 1);
  const address = Math.min(16, longest.address + 1);
  const rest = Math.max(24, width - 2 - risk - kind - address);
  if (width < SEPARATE_VENDOR_MODEL_FROM) {
    const name = Math.floor(rest * 0.5);
    return { risk, kind, name, vendorModel: 0, address, worst: rest - name };
  }
  const name = Math.floor(rest * 0.3);
  const vendorModelWidth = Math.floor(rest * 0.3);
  return { risk, kind, name, vendorModel: vendorModelWidth, address, worst: rest - name - vendorModelWidth };
}

/** The name, and on narrow terminals what it is as well, unless the name already says it. */
function nameCell(device: Device, columns: Columns, lang: Lang): string {
  const name = deviceName(device, lang);
  if (columns.vendorModel > 0) return name;
  const model = vendorModel(device);
  const saysIt = (a: string, b: string): boolean => a.toLowerCase().includes(b.toLowerCase());
  return model && !saysIt(name, model) && !saysIt(model, name) ? `${name} · ${model}` : name;
}

/** A cell of `width` columns: the text and at least one space before the next cell. */
const cell = (text: string, width: number): string => fit(text, width - 1) + ' ';

function headerLine(columns: Columns, lang: Lang): Line {
  return [
    segment(
      '  ' +
        cell(t(lang, 'colRisk'), columns.risk) +
        cell(t(lang, 'colKind'), columns.kind) +
        cell(t(lang, columns.vendorModel > 0 ? 'colName' : 'colDevice'), columns.name) +
        (columns.vendorModel > 0 ? cell(t(lang, 'colVendorModel'), columns.vendorModel) : '') +
        cell(t(lang, 'colAddress'), columns.address) +
        fit(t(lang, 'colWorst'), columns.worst),
      { bold: true, dim: true },
    ),
  ];
}

/** "✓ none" only for a device whose checks all ran; otherwise "? not checked" (a stopped scan). */
export function riskCell(risk: Risk, coverage: CheckCoverage, lang: Lang): string {
  if (risk !== 'none' || coverage === 'all') return `${riskSymbol(risk)} ${riskLabel(lang, risk)}`;
  return `? ${t(lang, coverage === 'none' ? 'notChecked' : 'partlyChecked')}`;
}

interface RowOptions {
  lang: Lang;
  colour: boolean;
  selected: boolean;
  coverage: CheckCoverage;
}

function deviceRow(device: Device, findings: Finding[], columns: Columns, options: RowOptions): Line {
  const { lang, colour, selected, coverage } = options;
  const risk = deviceRisk(device, findings);
  const worst = worstFinding(device.id, findings);
  const unchecked = risk === 'none' && coverage !== 'all';
  return [
    segment(selected ? '› ' : '  ', { bold: true, inverse: selected }),
    segment(cell(riskCell(risk, coverage, lang), columns.risk), {
      colour: unchecked ? undefined : riskColour(risk, colour),
      bold: risk === 'critical',
      inverse: selected,
    }),
    segment(cell(kindLabel(lang, device), columns.kind), { inverse: selected }),
    segment(cell(nameCell(device, columns, lang), columns.name), { bold: true, inverse: selected }),
    ...(columns.vendorModel > 0 ? [segment(cell(vendorModel(device) || '-', columns.vendorModel), { inverse: selected })] : []),
    segment(cell(device.ip, columns.address), { inverse: selected }),
    segment(fit(worst ? worstCell(worst, lang, columns.worst) : '', columns.worst), { colour: worst ? riskColour(worst.severity, colour) : undefined, inverse: selected }),
  ];
}

/** The whole title where it fits, else the short title written for narrow columns: never "Factory password wo…". */
function worstCell(worst: Finding, lang: Lang, width: number): string {
  const full = cleanText(worst.title[lang]);
  return Array.from(full).length <= width ? full : cleanText(shortTitle(worst, lang));
}

/** Header plus the rows that fit in `height`, scrolled so that the selected device is visible. */
export function deviceTableLines(
  sorted: Device[],
  findings: Finding[],
  options: { lang: Lang; width: number; height: number; selected: number; colour: boolean; coverage?: (deviceId: string) => CheckCoverage },
): Line[] {
  const { lang, width, height, selected, colour } = options;
  const coverage = options.coverage ?? (() => 'all' as const);
  if (sorted.length === 0) return [line(t(lang, 'noDevices'))];
  const longest = (values: string[]): number => Math.max(...values.map((value) => Array.from(value).length));
  const columns = tableColumns(width, {
    risk: longest(sorted.map((device) => riskCell(deviceRisk(device, findings), coverage(device.id), lang)).concat(t(lang, "colRisk"))),
    kind: longest(sorted.map((device) => kindLabel(lang, device)).concat(t(lang, 'colKind'))),
    address: longest(sorted.map((device) => device.ip).concat(t(lang, 'colAddress'))),
  });
  const room = Math.max(1, height - 1);
  const first = Math.min(Math.max(0, selected - room + 1), Math.max(0, sorted.length - room));
  const visible = sorted.slice(first, first + room);
  return [
    headerLine(columns, lang),
    ...visible.map((device, index) =>
      deviceRow(device, findings, columns, { lang, colour, selected: first + index === selected, coverage: coverage(device.id) }),
    ),
  ];
}
