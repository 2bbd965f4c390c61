// A finding's title in a few words, for narrow columns: from labels.shortTitles (data), by check and variant.

import type { Finding, Lang } from '../model.js';
import type { AdviceLabels } from './types.js';

/** The variants a short title may be keyed by, most specific first. */
function variants(finding: Finding): string[] {
  const d = finding.details;
  return [
    typeof d.service === 'string' ? d.service : '',
    d.cves ? 'cves' : '',
    typeof d.advice === 'string' ? d.advice : '',
    d.version === 'unknown' ? 'unknown' : '',
    typeof d.sensor === 'string' ? d.sensor : '',
  ].filter(Boolean);
}

export function shortTitle(finding: Pick<Finding, 'check' | 'details' | 'title'>, lang: Lang, labels: Pick<AdviceLabels, 'shortTitles'>): string {
  for (const variant of variants(finding as Finding)) {
    const text = labels.shortTitles[`${finding.check}.${variant}`];
    if (text) return text[lang];
  }
  return labels.shortTitles[finding.check]?.[lang] ?? finding.title[lang];
}
