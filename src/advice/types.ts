// The shapes of the advice knowledge (knowledge/advice/*.yaml, schema/advice.schema.json).

import type { CheckId, DeviceKind, Phase, Severity, Text } from '../model.js';
import type { VendorFacts } from '../knowledge/types.js';

export type MatchValue = string | number | boolean;

/** One piece of advice with placeholders, and when it applies. */
export interface AdviceTemplate {
  id: string;
  /** finding: once per matching finding; device: once per device of `kinds`; household: once. */
  on: 'finding' | 'device' | 'household';
  check?: CheckId;
  /** Finding details (and derived values) that must be equal; an array means any of these. */
  match?: Record<string, MatchValue | MatchValue[]>;
  /** Applies only when no `match` template of the same check and phase applied. */
  otherwise?: boolean;
  kinds?: DeviceKind[];
  /** Fold every matching finding of one device into a single item. */
  onePerDevice?: boolean;
  phase: Phase;
  /** Urgency of an item that no finding drives (default info). */
  urgency?: Severity;
  /** The task whose vendor-specific steps fill {steps}. */
  steps?: string;
  text: Text;
  source: string;
  url?: string;
  standards: string[];
  /** Exactly one: confirmed against the source on this date, or only written down (reported). */
  checked?: string;
  reported?: string;
}

/** Where in one vendor's pages (or generically, vendors ['*']) a task is done. */
export interface StepEntry {
  id: string;
  task: string;
  vendors: string[];
  text: Text;
  source: string;
  url?: string;
  /** Confirmed against the source on this date; otherwise `reported` says when it was written down. */
  checked?: string;
  reported?: string;
}

export interface KindLabel extends Text {
  nlArticle: 'de' | 'het';
  /** The English article before the label, 'a' when absent ("an energy meter"). */
  enArticle?: 'a' | 'an';
  /** The word for a narrow column (the dashboard's kind column); the full label otherwise. */
  short?: Text;
}

export interface SeverityLabel extends Text {
  short?: Text;
}

export interface AdviceLabels {
  kinds: Record<DeviceKind, KindLabel>;
  phases: Record<Phase, Text>;
  severities: Record<Severity | 'none', SeverityLabel>;
  words: Record<string, Text>;
  report: Record<string, Text>;
  /** By check id, or "check.variant" (the finding's service, sensor, advice …): see short-title.ts. */
  shortTitles: Record<string, Text>;
  /** The questions the user may answer (--answers, the dashboard), by question id. */
  answers: Record<string, Text>;
}

export interface AdviceKnowledge {
  templates: AdviceTemplate[];
  steps: StepEntry[];
  labels: AdviceLabels;
  /** Vendor ecosystem facts, for the two-step-verification how-to. */
  vendors: VendorFacts[];
  /** English evidence phrases and their Dutch, in the order they are applied (phrases.yaml). */
  phrases: Array<{ match: RegExp; nl: string }>;
}

/** One advice data file as it is on disk: any of the three sections. */
export interface AdviceFile {
  templates?: AdviceTemplate[];
  steps?: StepEntry[];
  labels?: Partial<AdviceLabels>;
  phrases?: Array<{ match: string; nl: string }>;
}
