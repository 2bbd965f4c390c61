// How old the knowledge is at scan time. Vulnerability and end-of-support facts change monthly (CISA adds
// KEV entries every week), so knowledge last confirmed more than 180 days before the scan is called stale.

export const STALE_AFTER_DAYS = 180;

export interface Freshness {
  asOf: string;
  ageDays: number | null;
  stale: boolean;
}

export function knowledgeFreshness(asOf: string, now: Date, staleAfterDays = STALE_AFTER_DAYS): Freshness {
  const asOfTime = Date.parse(`${asOf}T00:00:00Z`);
  if (Number.isNaN(asOfTime)) return { asOf, ageDays: null, stale: true };
  const ageDays = Math.floor((now.getTime() - asOfTime) / 86_400_000);
  return { asOf, ageDays, stale: ageDays > staleAfterDays };
}

export function stalenessWarning(freshness: Freshness, lang: 'nl' | 'en'): string | null {
  if (!freshness.stale) return null;
  const age = freshness.ageDays === null ? (lang === 'nl' ? 'onbekend' : 'unknown') : `${freshness.ageDays}`;
  return lang === 'nl'
    ? `De kennis (kwetsbaarheden, einde ondersteuning) is van ${freshness.asOf}, ${age} dagen oud: werk homeaudit bij of lees een nieuwe KEV-catalogus in (homeaudit knowledge import-kev).`
    : `The knowledge (vulnerabilities, end of support) dates from ${freshness.asOf}, ${age} days old: update homeaudit or import a fresh KEV catalogue (homeaudit knowledge import-kev).`;
}
