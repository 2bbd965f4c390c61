// The one abortable wait: every pause in the product (spacing, listening windows, mock knobs) uses it.

import { setTimeout as sleep } from 'node:timers/promises';

/** Waits ms; resolves true when the time passed, false as soon as the signal aborts (never rejects). */
export async function wait(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return false;
  if (ms <= 0) return true;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/**
 * A signal that aborts with a TimeoutError after ms. Not AbortSignal.timeout: inside AbortSignal.any that
 * signal can be garbage-collected before it fires (nodejs/node#57736), and the wait it bounds never ends.
 * Here the timer's callback holds the controller, so the signal lives until it fires.
 */
export function deadline(ms: number): AbortSignal {
  return timeLimit(ms).signal;
}

export interface TimeLimit {
  signal: AbortSignal;
  /** The work it bounds is over: the timer goes, and with it the controller and what listens to it. */
  end(): void;
}

/**
 * A deadline to end as soon as its work is done. A deadline left to run holds its timer, controller
 * and the signals combined with it for its whole span (seconds), long enough to reach the old heap:
 * thousands of finished steps kept that way set the peak memory of a full audit.
 */
export function timeLimit(ms: number): TimeLimit {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`deadline of ${ms} ms passed`, 'TimeoutError')), ms);
  timer.unref();
  return { signal: controller.signal, end: () => clearTimeout(timer) };
}
