// Loads every part of the knowledge base once, validated, before anything is contacted.

import type { CheckKnowledge } from '../knowledge/types.js';
import { loadCheckKnowledge, knowledgeAsOf } from '../knowledge/check-knowledge.js';
import { loadFingerprints } from '../identify/index.js';
import type { FingerprintKnowledge } from '../identify/types.js';
import { loadAdviceKnowledge, type AdviceKnowledge } from '../advice/index.js';

export interface Knowledge {
  fingerprints: FingerprintKnowledge;
  checks: CheckKnowledge;
  advice: AdviceKnowledge;
  /** The oldest "checked" date of the facts the checks rest on. */
  asOf: string;
}

let cached: Knowledge | undefined;

export function loadKnowledge(): Knowledge {
  if (!cached) {
    const checks = loadCheckKnowledge();
    cached = {
      fingerprints: loadFingerprints(),
      checks,
      advice: loadAdviceKnowledge(),
      asOf: knowledgeAsOf(checks),
    };
  }
  return cached;
}
