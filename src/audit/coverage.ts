// Which checks finished on which device, so that a stopped scan never shows an unchecked device as clean.

import type { CheckCoverage, Device } from '../model.js';
import type { Check } from '../checks/types.js';

export interface CoverageTracker {
  /** The same checks, each noting when it finished on a device before the scan was stopped. */
  checks: Check[];
  /** `checksStarted` false: the scan was stopped before the checks, so nothing was checked. */
  of(devices: Device[], checksStarted: boolean): Record<string, CheckCoverage>;
}

export function trackCoverage(checks: readonly Check[], signal: AbortSignal): CoverageTracker {
  const finished = new Map<string, Set<string>>();
  const note = (deviceId: string, checkId: string): void => {
    if (!signal.aborted) (finished.get(deviceId) ?? finished.set(deviceId, new Set()).get(deviceId)!).add(checkId);
  };
  const wrapped = checks.map((check): Check => ({
    ...check,
    appliesTo: (device) => check.appliesTo(device),
    async run(device, ctx) {
      try {
        const found = await check.run(device, ctx);
        note(device.id, check.id);
        return found;
      } catch (error) {
        // A check that failed on its own is reported as a problem; only a stop leaves it unfinished.
        note(device.id, check.id);
        throw error;
      }
    },
  }));
  return {
    checks: wrapped,
    of(devices, checksStarted) {
      return Object.fromEntries(
        devices.map((device) => {
          if (!checksStarted) return [device.id, 'none'];
          const due = checks.filter((check) => check.appliesTo(device));
          const done = due.filter((check) => finished.get(device.id)?.has(check.id)).length;
          const coverage: CheckCoverage = done === due.length ? 'all' : done === 0 ? 'none' : 'partial';
          return [device.id, coverage];
        }),
      );
    },
  };
}

export { coverageOf } from '../model/coverage.js';
