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
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException(`deadline of ${ms} ms passed`, 'TimeoutError')), ms).unref();
  return controller.signal;
}
