// The words for kinds, risks and phases, from knowledge/advice/labels.yaml: the one table that the
// reports, the dashboard and `history` all read (the dashboard's narrow columns take the `short` word).

import type { DeviceKind, Lang, Phase, Risk } from '../model.js';
import { kindIsGuess, type KindAndConfidence } from '../model/device-name.js';
import { defaultAdviceKnowledge } from './load.js';
import { fillTemplate } from './render.js';
import type { AdviceLabels } from './types.js';

const labels = (): AdviceLabels => defaultAdviceKnowledge().labels;

/** "wifi-punt", "NAS": the kind in a narrow column. */
export function shortKindWord(lang: Lang, kind: DeviceKind, from: AdviceLabels = labels()): string {
  const label = from.kinds[kind] ?? from.kinds.unknown;
  return (label.short ?? label)[lang];
}

/** "kritiek" … "geen": the risk in a narrow column. */
export function shortRiskWord(lang: Lang, risk: Risk, from: AdviceLabels = labels()): string {
  const label = from.severities[risk];
  return (label.short ?? label)[lang];
}

export function phaseWord(lang: Lang, phase: Phase, from: AdviceLabels = labels()): string {
  return from.phases[phase][lang];
}

/** "possibly a router" / "mogelijk een router": a kind that is only a guess, as a phrase. */
export function possibleKindPhrase(lang: Lang, kind: DeviceKind, from: AdviceLabels = labels()): string {
  const label = from.kinds[kind] ?? from.kinds.unknown;
  return fillTemplate(wordOf(from, 'possibleKind', lang), { kind: label[lang], article: label.enArticle ?? 'a' }, '');
}

/** The kind as a report's column and heading show it: "router", or "possibly a router" where it is only a guess. */
export function kindText(lang: Lang, device: KindAndConfidence, from: AdviceLabels = labels()): string {
  if (kindIsGuess(device)) return possibleKindPhrase(lang, device.kind, from);
  return (from.kinds[device.kind] ?? from.kinds.unknown)[lang];
}

/** The kind in a narrow column: "NAS", or "NAS?" where it is only a guess. */
export function shortKindText(lang: Lang, device: KindAndConfidence, from: AdviceLabels = labels()): string {
  const word = shortKindWord(lang, device.kind, from);
  return kindIsGuess(device) ? fillTemplate(wordOf(from, 'possibleKindShort', lang), { kind: word }, '') : word;
}

function wordOf(from: AdviceLabels, key: string, lang: Lang): string {
  const word = from.words[key]?.[lang];
  if (word === undefined) throw new Error(`knowledge/advice/labels.yaml: words.${key}.${lang} is missing`);
  return word;
}
