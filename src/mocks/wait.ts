// Abortable waits for the behaviour knobs: a closed persona never leaves a timer behind.

import { setMaxListeners } from 'node:events';

const MAX_PENDING_WAITS = 10_000;

/** Resolves true after `ms`, or false as soon as `signal` aborts (never rejects). */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A persona's own lifetime: aborted by the fleet's signal or by the persona's close(). */
export function personaLifetime(parent: AbortSignal): { signal: AbortSignal; end(): void } {
  const own = new AbortController();
  const signal = AbortSignal.any([parent, own.signal]);
  // Every pending knob wait listens here; a burst of queries is normal, not a leak. (Not 0: on
  // Node 20, getMaxListeners throws for an AbortSignal set to 0.)
  setMaxListeners(MAX_PENDING_WAITS, signal);
  return { signal, end: () => own.abort() };
}
