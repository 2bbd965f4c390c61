// After the scan: every device, worst risk first, one row each; the selected row stays in view.

import type { Device, Finding, Lang } from '../../model.js';
import { deviceName, deviceRisk, vendorModel, worstFinding } from '../result-model.js';
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

/** Fixed columns for the short fields; the rest shared by name, vendor/model and worst finding. */
export function tableColumns(width: number): Columns {
  const risk = 13;
  const kind = width >= 100 ? 14 : 11;
  const address = 16;
  const rest = Math.max(24, width - 2 - risk - kind - address);
  const name = Math.floor(rest * 0.3);
  const vendorModelWidth = Math.floor(rest * 0.3);
  return { risk, kind, name, vendorModel: vendorModelWidth, address, worst: rest - name - vendorModelWidth };
}

function headerLine(columns: Columns, lang: Lang): Line {
  return [
    segment(
      '  ' +
        fit(t(lang, 'colRisk'), columns.risk) +
        fit(t(lang, 'colKind'), columns.kind) +
        fit(t(lang, 'colName'), columns.name) +
        fit(t(lang, 'colVendorModel'), columns.vendorModel) +
        fit(t(lang, 'colAddress'), columns.address) +
        fit(t(lang, 'colWorst'), columns.worst),
      { bold: true, dim: true },
    ),
  ];
}

function deviceRow(device: Device, findings: Finding[], columns: Columns, options: { lang: Lang; colour: boolean; selected: boolean }): Line {
  const { lang, colour, selected } = options;
  const risk = deviceRisk(device, findings);
  const worst = worstFinding(device.id, findings);
  const cell = (text: string, width: number) => fit(text, width - 1) + ' ';
  return [
    segment(selected ? '› ' : '  ', { bold: true, inverse: selected }),
    segment(cell(`${riskSymbol(risk)} ${riskLabel(lang, risk)}`, columns.risk), { colour: riskColour(risk, colour), bold: risk === 'critical', inverse: selected }),
    segment(cell(kindLabel(lang, device.kind), columns.kind), { inverse: selected }),
    segment(cell(deviceName(device), columns.name), { bold: true, inverse: selected }),
    segment(cell(vendorModel(device) || '-', columns.vendorModel), { inverse: selected }),
    segment(cell(device.ip, columns.address), { inverse: selected }),
    segment(fit(worst ? worst.title[lang] : '', columns.worst), { colour: worst ? riskColour(worst.severity, colour) : undefined, inverse: selected }),
  ];
}

/** Header plus the rows that fit in `height`, scrolled so that the selected device is visible. */
export function deviceTableLines(
  sorted: Device[],
  findings: Finding[],
  options: { lang: Lang; width: number; height: number; selected: number; colour: boolean },
): Line[] {
  const { lang, width, height, selected, colour } = options;
  if (sorted.length === 0) return [line(t(lang, 'noDevices'))];
  const columns = tableColumns(width);
  const room = Math.max(1, height - 1);
  const first = Math.min(Math.max(0, selected - room + 1), Math.max(0, sorted.length - room));
  const visible = sorted.slice(first, first + room);
  return [
    headerLine(columns, lang),
    ...visible.map((device, index) =>
      deviceRow(device, findings, columns, { lang, colour, selected: first + index === selected }),
    ),
  ];
}
