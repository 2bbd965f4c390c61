// The keys, on `?`.

import type { Lang } from '../../model.js';
import { t, type UiKey } from '../strings.js';
import { blank, line, type Line } from './line.js';

const HELP_KEYS: UiKey[] = ['helpTab', 'helpMove', 'helpEnter', 'helpEsc', 'helpFilter', 'helpAnswer', 'helpLang', 'helpExport', 'helpQuit'];

export function helpLines(lang: Lang): Line[] {
  return [
    line(t(lang, 'helpTitle'), { bold: true }),
    blank(),
    ...HELP_KEYS.map((key) => line(`  ${t(lang, key)}`)),
    blank(),
    line(`  ${t(lang, 'helpSeverity')}`),
    blank(),
    line(`  ${t(lang, 'helpClose')}`, { dim: true }),
  ];
}
