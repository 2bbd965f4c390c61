// During the scan: each stage with its count and time, devices as they are identified, and the
// discovery sources that had problems.

import { STAGES, type Lang } from '../../model.js';
import { cleanText } from '../clean-text.js';
import { TONE_COLOURS } from '../severity-style.js';
import { deviceName, vendorModel } from '../result-model.js';
import type { ScanState, StageProgress } from '../scan-state.js';
import { kindLabel, stageLabel, t } from '../strings.js';
import { fit, formatElapsed, truncate } from '../text-layout.js';
import { blank, line, segment, type Line } from './line.js';

const stageSymbol = (progress: StageProgress): string =>
  progress.status === 'done' ? '✓' : progress.status === 'running' ? '▸' : '·';

function stageLine(scan: ScanState, stage: (typeof STAGES)[number], lang: Lang, colour: boolean): Line {
  const progress = scan.stages[stage];
  const count = progress.total !== null ? `${progress.done}/${progress.total}` : progress.done > 0 ? String(progress.done) : '';
  const time = progress.ms !== null ? `${(progress.ms / 1000).toFixed(1)} s` : '';
  const extra =
    stage === 'discovery' && scan.hostsSeen.length > 0
      ? `${scan.hostsSeen.length} ${t(lang, 'hostsSeen')}`
      : stage === 'checks' && scan.loginAttempts > 0
        ? `${scan.loginAttempts} ${t(lang, 'loginAttempts')}`
        : '';
  return [
    segment(` ${stageSymbol(progress)} `, {
      bold: progress.status === 'running',
      colour: colour && progress.status === 'done' ? TONE_COLOURS.good : undefined,
    }),
    segment(fit(stageLabel(lang, stage), 16), { bold: progress.status === 'running', dim: progress.status === 'waiting' }),
    segment(fit(count, 12)),
    segment(fit(time, 9), { dim: true }),
    segment(extra, { dim: true }),
  ];
}

function deviceRows(scan: ScanState, lang: Lang, width: number, room: number): Line[] {
  const identified = new Set(scan.devices.map((device) => device.ip));
  const nameWidth = Math.max(10, Math.floor((width - 34) / 2));
  const restWidth = Math.max(0, width - 34 - nameWidth - 1);
  const rows: Line[] = scan.devices.map((device) => [
    segment('  '),
    segment(fit(kindLabel(lang, device), 14), { bold: true }),
    segment(fit(deviceName(device, lang), nameWidth)),
    segment(' '),
    segment(fit(device.ip, 16)),
    segment(truncate(vendorModel(device), restWidth), { dim: true }),
  ]);
  for (const ip of scan.hostsSeen.filter((seen) => !identified.has(seen))) {
    rows.push([
      segment('  '),
      segment(fit('…', 14), { dim: true }),
      segment(fit(t(lang, 'identifying'), nameWidth), { dim: true }),
      segment(' '),
      segment(fit(cleanText(ip), 16)),
    ]);
  }
  // Keep the newest in view when the list outgrows the room left on screen.
  return rows.length > room ? [line(`  … +${rows.length - room + 1}`, { dim: true }), ...rows.slice(rows.length - room + 1)] : rows;
}

export function progressLines(scan: ScanState, options: { lang: Lang; width: number; height: number; now: number; colour: boolean }): Line[] {
  const { lang, width, height, now, colour } = options;
  const elapsed = scan.startedAt === null ? 0 : (scan.finishedAt ?? now) - scan.startedAt;
  const title = scan.phase === 'stopping' ? t(lang, 'stopping') : t(lang, 'scanning');
  const head: Line[] = [
    [segment(title, { bold: true }), segment(`   ${t(lang, 'elapsed')} ${formatElapsed(elapsed)}`, { dim: true })],
    blank(),
    ...STAGES.map((stage) => stageLine(scan, stage, lang, colour)),
    blank(),
  ];
  const problems: Line[] =
    scan.problems.length === 0
      ? []
      : [
          blank(),
          line(t(lang, 'problems'), { bold: true }),
          ...scan.problems.slice(-3).map((problem) =>
            line(truncate(`  ! ${problem.source}: ${cleanText(problem.message)}`, width), { colour: colour ? TONE_COLOURS.warning : undefined }),
          ),
        ];
  const room = Math.max(1, height - head.length - problems.length - 1);
  const devices = deviceRows(scan, lang, width, room);
  return [
    ...head,
    line(`${t(lang, 'devicesFound')} (${scan.devices.length})`, { bold: true }),
    ...devices,
    ...problems,
  ];
}
