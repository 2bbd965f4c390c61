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
