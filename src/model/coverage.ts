// How far the checks got on one device, read the same way by reports, dashboard and history.

import type { AuditResult, CheckCoverage } from '../model.js';

/** A device's coverage; older kept scans carry none, and then only a stopped scan casts doubt. */
export function coverageOf(result: Pick<AuditResult, 'checkCoverage' | 'aborted'>, deviceId: string): CheckCoverage {
  return result.checkCoverage?.[deviceId] ?? (result.aborted ? 'none' : 'all');
}
