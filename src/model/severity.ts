// The one severity order: worst first. Checks, advice, reports, history and the dashboard all sort by it.

import { SEVERITIES, type Finding, type Risk, type Severity } from '../model.js';

/** Every severity, worst first, then 'none' for a device without an open finding. */
export const RISK_ORDER: readonly Risk[] = [...SEVERITIES, 'none'];

/** 0 for critical up to 5 for none: sorting by it puts the worst first. */
export function riskRank(risk: Risk): number {
  return RISK_ORDER.indexOf(risk);
}

/** Negative when a is worse than b: for sorting findings worst first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return riskRank(a) - riskRank(b);
}

/** Whether a severity is at or above a threshold ("high" is at or above "medium"). */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return riskRank(severity) <= riskRank(threshold);
}

/** The worst severity among the findings no answer settled; 'none' when there is none. */
export function worstOpenRisk(findings: Iterable<Pick<Finding, 'severity' | 'settledBy'>>): Risk {
  let worst: Risk = 'none';
  for (const finding of findings) {
    if (!finding.settledBy && riskRank(finding.severity) < riskRank(worst)) worst = finding.severity;
  }
  return worst;
}
