// Loads every part of the knowledge base once, validated, before anything is contacted.

import type { CheckKnowledge } from '../knowledge/types.js';
import { loadCheckKnowledge, knowledgeAsOf } from '../knowledge/check-knowledge.js';
import { loadOverlay, mergeKnowledge, overlayEntryIds } from '../knowledge/overlay.js';
import { loadFingerprints } from '../identify/index.js';
import type { FingerprintKnowledge } from '../identify/types.js';
import { loadAdviceKnowledge, type AdviceKnowledge } from '../advice/index.js';

export interface Knowledge {
  fingerprints: FingerprintKnowledge;
  checks: CheckKnowledge;
  advice: AdviceKnowledge;
  /** The oldest "checked" date of the facts the checks rest on. */
  asOf: string;
  /** The knowledge overlay merged over the built-in entries, and the ids taken from it. */
  overlay: { dir: string; entries: string[] } | null;
}

const cached = new Map<string, Knowledge>();

/** The built-in knowledge, with the overlay folder (if any) merged over it; loaded once per overlay. */
export function loadKnowledge(overlayDir: string | null = null): Knowledge {
  const key = overlayDir ?? '';
  let knowledge = cached.get(key);
  if (!knowledge) {
    const builtIn = loadCheckKnowledge();
    const checks = overlayDir ? mergeKnowledge(builtIn, loadOverlay(overlayDir)) : builtIn;
    knowledge = {
      fingerprints: loadFingerprints(),
      checks,
      advice: loadAdviceKnowledge(),
      asOf: knowledgeAsOf(checks),
      overlay: overlayDir ? { dir: overlayDir, entries: overlayEntryIds(checks) } : null,
    };
    cached.set(key, knowledge);
  }
  return knowledge;
}
