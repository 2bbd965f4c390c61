// Before the scan: what will be contacted and whether factory passwords will be tried.

import type { Lang } from '../../model.js';
import { cleanText } from '../clean-text.js';
import { t } from '../strings.js';
import type { ScanPlan } from '../types.js';
import { blank, line, type Line, wrapped } from './line.js';

export function confirmLines(plan: ScanPlan, lang: Lang, width: number): Line[] {
  const targets = plan.targets.map(cleanText).join(', ') || '-';
  return [
    line(t(lang, 'confirmTitle'), { bold: true }),
    blank(),
    ...wrapped(targets, width, {}, `  ${t(lang, 'confirmTargets')}: `),
    line(`  ${t(lang, 'confirmHosts')}: ${plan.hostsInScope}`),
    blank(),
    ...wrapped(
      plan.login ? t(lang, 'confirmLoginOn', { n: plan.maxAttempts }) : t(lang, 'confirmLoginOff'),
      width,
      { bold: plan.login },
      '  ',
    ),
    ...wrapped(t(lang, 'confirmOnlyScope'), width, { dim: true }, '  '),
    blank(),
    line(`  ${t(lang, 'confirmPrompt')}`, { bold: true }),
  ];
}
