// What `homeaudit history` says, in the user's language ("u" in Dutch).

import type { Lang } from '../model.js';
import { fillWords } from './fill-words.js';

const texts = {
  noScans: { nl: 'Er zijn nog geen scans bewaard.', en: 'No scans kept yet.' },
  listRow: { nl: '{devices} apparaten  {findings} problemen  ergste: {worst}', en: '{devices} devices  {findings} findings  worst: {worst}' },
  stoppedEarly: { nl: '(vroegtijdig gestopt)', en: '(stopped early)' },
  deleted: { nl: 'Scan {id} verwijderd.', en: 'Deleted scan {id}.' },
  purgeAsk: {
    nl: 'Alle {count} bewaarde scans en alle onthouden antwoorden verwijderen? Dit kan niet ongedaan worden. [j/N] ',
    en: 'Delete all {count} kept scans and every remembered answer? This cannot be undone. [y/N] ',
  },
  purgeNeedsYes: {
    nl: 'history purge verwijdert alle {count} bewaarde scans; zonder terminal om het te vragen is --yes nodig',
    en: 'history purge deletes all {count} kept scans; without a terminal to ask on it needs --yes',
  },
  purgeKept: { nl: 'Niets verwijderd.', en: 'Nothing deleted.' },
  purged: { nl: '{count} scans en de onthouden antwoorden verwijderd.', en: 'Deleted {count} scans and the remembered answers.' },
  pruned: { nl: '{count} scans ouder dan {days} dagen verwijderd.', en: 'Deleted {count} scans older than {days} days.' },
} as const satisfies Record<string, Record<Lang, string>>;

export function historyText(lang: Lang, key: keyof typeof texts, params: Record<string, string | number> = {}): string {
  return fillWords(texts[key][lang], params);
}
