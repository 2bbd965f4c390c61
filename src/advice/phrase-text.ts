// Evidence lines are written by the checks in English; a Dutch report says them in Dutch, phrase by
// phrase (knowledge/advice/phrases.yaml). Text the device sent, between quotes, is left alone.

import type { Lang } from '../model.js';
import type { AdviceKnowledge } from './types.js';

const QUOTED = /('[^']*'|"[^"]*")/;

export function inLanguage(line: string, lang: Lang, knowledge: Pick<AdviceKnowledge, 'phrases'>): string {
  if (lang !== 'nl' || knowledge.phrases.length === 0) return line;
  // Odd pieces are quoted device text or source titles: they stay as they were.
  return line
    .split(QUOTED)
    .map((piece, index) => (index % 2 === 1 ? piece : knowledge.phrases.reduce((text, phrase) => text.replace(phrase.match, phrase.nl), piece)))
    .join('');
}
