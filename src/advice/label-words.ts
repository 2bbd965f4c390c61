// The words for kinds, risks and phases, from knowledge/advice/labels.yaml: the one table that the
// reports, the dashboard and `history` all read (the dashboard's narrow columns take the `short` word).

import type { DeviceKind, Lang, Phase, Risk } from '../model.js';
import { defaultAdviceKnowledge } from './load.js';
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
