// A persona's lifetime signal: the knob waits (util/wait) listen to it, so a closed persona leaves no timer behind.

import { setMaxListeners } from 'node:events';

const MAX_PENDING_WAITS = 10_000;

/** A persona's own lifetime: aborted by the fleet's signal or by the persona's close(). */
export function personaLifetime(parent: AbortSignal): { signal: AbortSignal; end(): void } {
  const own = new AbortController();
  const signal = AbortSignal.any([parent, own.signal]);
  // Every pending knob wait listens here; a burst of queries is normal, not a leak. (Not 0: on
  // Node 20, getMaxListeners throws for an AbortSignal set to 0.)
  setMaxListeners(MAX_PENDING_WAITS, signal);
  return { signal, end: () => own.abort() };
}
