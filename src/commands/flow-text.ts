// What `scan` and `demo` say on stderr around the audit, in the language of the run ("u" in Dutch).

import type { Lang, Stage } from '../model.js';
import { stageLabel } from '../ui/strings.js';
import { fillWords } from './fill-words.js';

const texts = {
  scanning: { nl: 'bezig met scannen van {targets} ({hosts} adressen)', en: 'scanning {targets} ({hosts} addresses)' },
  stageDone: { nl: '{stage} klaar in {secs} s', en: '{stage} done in {secs} s' },
  wrote: { nl: 'geschreven: {file}', en: 'wrote {file}' },
  stopped: {
    nl: 'gestopt voordat alles gecontroleerd was; het rapport bevat wat tot dan gevonden was en noemt wat niet gecontroleerd is.',
    en: 'stopped before everything was checked; the report holds what was found until then and names what was not checked.',
  },
  nothingAnswered: {
    nl: 'niets antwoordde: dit is geen goedkeuring. Kijk of u het goede netwerk scant (zie hierboven).',
    en: 'nothing answered: this is not an all-clear. Check that you scan the right network (see above).',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export function flowText(lang: Lang, key: keyof typeof texts, params: Record<string, string | number> = {}): string {
  return fillWords(texts[key][lang], params);
}

/** The stage names the dashboard shows, so the plain progress lines say the same. */
export const stageName = (lang: Lang, stage: Stage): string => stageLabel(lang, stage);
