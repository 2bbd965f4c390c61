// What the report says about the knowledge itself, beside its as-of date: that it is stale at scan time, and
// which entries came from a knowledge overlay. Nothing when the knowledge is fresh and built in.

import type { AuditResult, Lang } from '../model.js';
import { knowledgeFreshness, stalenessWarning } from './freshness.js';

/** Stale as of the scan's end, not the day the report is read: a kept report stays the same. */
export function knowledgeIsStale(result: Pick<AuditResult, 'knowledgeAsOf' | 'finishedAt'>): boolean {
  return knowledgeFreshness(result.knowledgeAsOf, new Date(result.finishedAt)).stale;
}

export function knowledgeNotes(result: Pick<AuditResult, 'knowledgeAsOf' | 'finishedAt' | 'knowledgeOverlay'>, lang: Lang): string[] {
  const notes: string[] = [];
  const warning = stalenessWarning(knowledgeFreshness(result.knowledgeAsOf, new Date(result.finishedAt)), lang);
  if (warning) notes.push(warning);
  const overlay = result.knowledgeOverlay;
  if (overlay && overlay.entries.length > 0) {
    notes.push(
      lang === 'nl'
        ? `Uit de eigen kennismap ${overlay.dir} (niet meegeleverd met homeaudit): ${overlay.entries.join(', ')}.`
        : `From the knowledge overlay ${overlay.dir} (not shipped with homeaudit): ${overlay.entries.join(', ')}.`,
    );
  }
  return notes;
}
