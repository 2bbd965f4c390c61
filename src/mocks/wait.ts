// Abortable waits for the behaviour knobs: a closed persona never leaves a timer behind.

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
  return { signal: AbortSignal.any([parent, own.signal]), end: () => own.abort() };
}
