// Loads every part of the knowledge base once, validated, before anything is contacted.

import type { CheckKnowledge } from '../knowledge/types.js';
import { loadCheckKnowledge, knowledgeAsOf } from '../knowledge/check-knowledge.js';
import { loadFingerprints } from '../identify/index.js';
import type { FingerprintKnowledge } from '../identify/types.js';
import { loadVersionProbes, type VersionProbe } from '../knowledge/version-probes.js';
import { loadAdviceKnowledge, type AdviceKnowledge } from '../advice/index.js';

export interface Knowledge {
  fingerprints: FingerprintKnowledge;
  checks: CheckKnowledge;
  advice: AdviceKnowledge;
  /** Unauthenticated pages that give a matched device's firmware version. */
  versionProbes: VersionProbe[];
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
      versionProbes: loadVersionProbes(),
      asOf: knowledgeAsOf(checks),
    };
  }
  return cached;
}
