// How a settled finding reads: the checks record "answer: mfa-enabled = yes"; a person reads
// "two-step verification is on" (labels.answers), in the language of the report, and when it was answered.

import type { Lang } from '../model.js';
import type { AdviceLabels } from './types.js';

const RECORDED = /^answer: ([\w-]+) = (.+)$/;

/** The question id a check's settledBy names, if it names one. */
export function answeredQuestion(settledBy: string): string | null {
  return RECORDED.exec(settledBy)?.[1] ?? null;
}

export function settledText(settledBy: string, lang: Lang, labels: Pick<AdviceLabels, 'answers'>, answeredAt?: string): string {
  const question = answeredQuestion(settledBy);
  const words = question ? labels.answers[question]?.[lang] : undefined;
  const base = words ?? settledBy;
  if (!answeredAt) return base;
  return `${base} (${lang === 'nl' ? 'beantwoord op' : 'answered on'} ${answeredAt.slice(0, 10)})`;
}
