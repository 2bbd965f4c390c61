// The exit codes of `scan` and `demo`, in one place (documented in README "Exit codes").

import type { AuditResult, Severity } from '../model.js';
import { atOrAbove } from '../model/severity.js';

export const EXIT = {
  ok: 0,
  findings: 1,
  error: 2,
  /** Nothing in scope answered: most often the wrong network, never an all-clear. */
  nothingAnswered: 3,
  /** Stopped with Ctrl-C (SIGINT), the dashboard's Ctrl-C, or a cancelled confirmation: 128 + 2, the shell's convention. */
  interrupted: 130,
  /** Stopped with SIGTERM: 128 + 15. */
  terminated: 143,
} as const;

/** The abort reason main() gives the scan's signal, so the exit code can say which signal stopped it. */
export class StoppedBySignal extends Error {
  override name = 'StoppedBySignal';
  constructor(readonly signalName: 'SIGINT' | 'SIGTERM') {
    super(`stopped by ${signalName}`);
  }
}

export function stoppedExitCode(signal: AbortSignal): number {
  const reason: unknown = signal.aborted ? signal.reason : undefined;
  return reason instanceof StoppedBySignal && reason.signalName === 'SIGTERM' ? EXIT.terminated : EXIT.interrupted;
}

/** Stopped before nothing answered before findings: a partial or empty result is never reported as clean. */
export function exitCodeFor(result: AuditResult, failOn: Severity | undefined, signal?: AbortSignal): number {
  if (result.aborted) return signal ? stoppedExitCode(signal) : EXIT.interrupted;
  if (result.devices.length === 0) return EXIT.nothingAnswered;
  if (!failOn) return EXIT.ok;
  return result.findings.some((f) => !f.settledBy && atOrAbove(f.severity, failOn)) ? EXIT.findings : EXIT.ok;
}
