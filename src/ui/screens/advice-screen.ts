// The household's advice: the three most urgent items first, then everything by phase (buy, install,
// use, and what to do after an incident or to complain).

import { PHASES, type AdviceItem, type Device, type Lang } from '../../model.js';
import { cleanText } from '../clean-text.js';
import { deviceName, orderedAdvice, topAdvice } from '../result-model.js';
import { phaseLabel, t } from '../strings.js';
import { blank, line, type Line, wrapped } from './line.js';

function itemLines(item: AdviceItem, devices: Map<string, Device>, lang: Lang, width: number, bullet: string): Line[] {
  const device = item.deviceId ? devices.get(item.deviceId) : undefined;
  const who = device ? deviceName(device, lang) : t(lang, 'household');
  return [
    ...wrapped(cleanText(item.text[lang]), width, {}, bullet),
    ...wrapped(`${who} · ${t(lang, 'source')}: ${cleanText(item.source)}`, width, { dim: true }, ' '.repeat(bullet.length)),
  ];
}

export function adviceScreenLines(advice: AdviceItem[], deviceList: Device[], options: { lang: Lang; width: number }): Line[] {
  const { lang, width } = options;
  if (advice.length === 0) return [line(t(lang, 'noAdvice'), { dim: true })];
  const devices = new Map(deviceList.map((device) => [device.id, device]));
  const top = topAdvice(advice);
  const sorted = orderedAdvice(advice);
  return [
    line(t(lang, 'topThree'), { bold: true }),
    ...top.flatMap((item, index) => itemLines(item, devices, lang, width, ` ${index + 1}. `)),
    ...PHASES.flatMap((phase) => {
      const inPhase = sorted.filter((item) => item.phase === phase);
      if (inPhase.length === 0) return [];
      return [blank(), line(phaseLabel(lang, phase), { bold: true }), ...inPhase.flatMap((item) => itemLines(item, devices, lang, width, '  • '))];
    }),
  ];
}
