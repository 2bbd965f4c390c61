// Whether a knowledge entry was confirmed against its source, and how evidence says so.

import type { CheckKnowledge, Sourced } from './types.js';

/** True when the entry was confirmed against its source (it has a `checked` date). */
export function isVerified(entry: Sourced): boolean {
  return entry.checked !== undefined;
}

/** "checked 2026-11-22" or "not verified, reported 2026-11-22": for evidence lines. */
export function provenanceNote(entry: Sourced): string {
  const note = isVerified(entry) ? `checked ${entry.checked}` : `not verified, reported ${entry.reported ?? 'undated'}`;
  // Entries from a knowledge overlay (a helpdesk's own folder) say so wherever they are cited.
  const overlay = (entry as { overlay?: string }).overlay;
  return overlay ? `${note}, from the knowledge overlay ${overlay}` : note;
}

export interface VerificationCount {
  verified: number;
  unverified: number;
}

/** How many entries of each kind are confirmed: the figures docs/knowledge.md quotes. */
export function verificationSummary(knowledge: CheckKnowledge): Record<keyof CheckKnowledge, VerificationCount> & { kevConfirmed: string[] } {
  const count = (entries: Sourced[]): VerificationCount => {
    const verified = entries.filter(isVerified).length;
    return { verified, unverified: entries.length - verified };
  };
  const kevConfirmed = knowledge.firmware
    .filter(isVerified)
    .flatMap((entry) => entry.vulnerable ?? [])
    .flatMap((range) => range.kev ?? []);
  return {
    credentials: count(knowledge.credentials),
    firmware: count(knowledge.firmware),
    vendors: count(knowledge.vendors),
    kevConfirmed: [...new Set(kevConfirmed)].sort(),
  };
}
