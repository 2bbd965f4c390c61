// Runs the registered checks over every device: devices side by side (bounded), the checks of one
// device one after the other so that login attempts on a device stay spread out in time.

import { setMaxListeners } from 'node:events';
import type { AuditEvent, Device, Finding } from '../model.js';
import { mapLimit } from '../util/limit.js';
import { compareSeverity } from '../model/severity.js';
import type { Check, CheckContext } from './types.js';
import { timeLimit } from '../util/wait.js';

export interface CheckProblem {
  check: string;
  deviceId: string;
  message: string;
}

export interface CheckRun {
  findings: Finding[];
  problems: CheckProblem[];
}

export const DEVICES_AT_ONCE = 16;
/** No device holds the checks longer than this, whatever it does: the rest of its checks are reported as not run. */
export const DEVICE_CHECK_BUDGET_MS = 60_000;

export async function runChecks(
  devices: Device[],
  checks: readonly Check[],
  ctx: CheckContext,
  onEvent: (event: AuditEvent) => void = () => {},
): Promise<CheckRun> {
  const problems: CheckProblem[] = [];
  let done = 0;
  // Each device in flight waits on the signal (spacing between logins, probes): a few listeners per device.
  setMaxListeners(DEVICES_AT_ONCE * 4, ctx.signal);
  const perDevice = await mapLimit(
    devices,
    DEVICES_AT_ONCE,
    ctx.signal,
    async (device) => {
      const found: Finding[] = [];
      const budgetMs = ctx.options.deviceBudgetMs ?? DEVICE_CHECK_BUDGET_MS;
      const budgetLimit = timeLimit(budgetMs);
      const budget = budgetLimit.signal;
      const signal = AbortSignal.any([ctx.signal, budget]);
      setMaxListeners(0, signal);
      const deviceCtx: CheckContext = { ...ctx, signal };
      try {
        for (const check of checks) {
          if (ctx.signal.aborted) break;
          if (!check.appliesTo(device)) continue;
          if (budget.aborted) {
            problems.push({ check: check.id, deviceId: device.id, message: `not run: the device's check budget of ${budgetMs} ms was spent` });
            continue;
          }
          try {
            for (const finding of await check.run(device, deviceCtx)) {
              found.push(finding);
              onEvent({ type: 'finding', finding });
            }
          } catch (error) {
            // One check failing on one device never sinks the audit: it is reported with the rest.
            if (!ctx.signal.aborted) {
              const message = budget.aborted ? `cut off by the device's check budget of ${budgetMs} ms` : (error as Error).message;
              problems.push({ check: check.id, deviceId: device.id, message });
            }
          }
          if (budget.aborted && !ctx.signal.aborted && !problems.some((p) => p.deviceId === device.id && p.check === check.id)) {
            problems.push({ check: check.id, deviceId: device.id, message: `cut off by the device's check budget of ${budgetMs} ms: partly run` });
          }
        }
      } finally {
        // The budget ends with the device: its timer would otherwise hold the device's signals for a minute.
        budgetLimit.end();
      }
      done += 1;
      onEvent({ type: 'stage-progress', stage: 'checks', done, total: devices.length });
      return found;
    },
  );
  const findings = dedupe(perDevice.flat().filter((f): f is Finding => Boolean(f)));
  findings.sort(compareFindings);
  return { findings, problems };
}

/** Two checks may report the same exposure (e.g. the router's mapping seen twice): keep the first. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => (seen.has(f.id) ? false : (seen.add(f.id), true)));
}

/** Deterministic order: worst first, then by device and id, whatever order the network answered in. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareSeverity(a.severity, b.severity) ||
    (a.deviceId ?? '').localeCompare(b.deviceId ?? '') ||
    a.id.localeCompare(b.id)
  );
}
