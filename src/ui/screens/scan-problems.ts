// Under the device table, when there is room: the discovery sources and checks that had problems, so
// the user knows the picture may be incomplete.

import type { AuditResult, Lang } from '../../model.js';
import { cleanText } from '../clean-text.js';
import { TONE_COLOURS } from '../severity-style.js';
import { t } from '../strings.js';
import { truncate } from '../text-layout.js';
import { blank, line, type Line } from './line.js';

export function scanProblemLines(result: AuditResult | null, options: { lang: Lang; width: number; colour: boolean; room: number }): Line[] {
  const { lang, width, colour, room } = options;
  if (!result || room < 3) return [];
  const problems = [
    ...result.stats.sourceProblems.map((problem) => `${problem.source}: ${cleanText(problem.message)}`),
    ...(result.stats.checkProblems ?? []).map((problem) => cleanText(problem)),
  ];
  if (problems.length === 0) return [];
  const shown = problems.slice(0, room - 2);
  return [
    blank(),
    line(t(lang, 'scanProblems'), { bold: true }),
    ...shown.map((problem) => line(truncate(`  ! ${problem}`, width), { colour: colour ? TONE_COLOURS.warning : undefined })),
  ];
}
