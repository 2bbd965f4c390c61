// Connects the pure scan reducer to the audit: starts it when confirmed, feeds its events in, stops it
// on request, and aborts it when the dashboard goes away.

import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { AuditResult } from '../model.js';
import { initialScanState, scanReducer, type ScanState } from './scan-state.js';
import type { RunAudit } from './types.js';

export interface ScanControls {
  state: ScanState;
  start(): void;
  cancel(): void;
  stop(): void;
  applyResult(result: AuditResult): void;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}

export function useScan(runAudit: RunAudit, options: { autoStart: boolean; now: () => number }): ScanControls {
  const [state, dispatch] = useReducer(scanReducer, undefined, initialScanState);
  const controller = useRef<AbortController | null>(null);
  const { now } = options;

  const start = useCallback(() => {
    if (controller.current) return;
    const scanController = new AbortController();
    controller.current = scanController;
    dispatch({ type: 'confirmed', at: now() });
    Promise.resolve()
      .then(() => runAudit(scanController.signal, (event) => dispatch({ type: 'event', event })))
      .then(
        (result) => dispatch({ type: 'finished', result, at: now() }),
        (error: unknown) => dispatch({ type: 'failed', message: describeError(error), at: now() }),
      );
  }, [runAudit, now]);

  const stop = useCallback(() => {
    dispatch({ type: 'stop-requested' });
    controller.current?.abort();
  }, []);

  const cancel = useCallback(() => dispatch({ type: 'cancelled' }), []);
  const applyResult = useCallback((result: AuditResult) => dispatch({ type: 'result-updated', result }), []);

  useEffect(() => {
    if (options.autoStart) start();
    // Only the first mount decides whether to start without asking.
  }, []);

  // Leaving the dashboard, however it happens, stops the scan.
  useEffect(() => () => controller.current?.abort(), []);

  return { state, start, cancel, stop, applyResult };
}
