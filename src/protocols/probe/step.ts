// A login step's deadline, and the random tokens the login checks use as decoys.

import { timeLimit, type TimeLimit } from '../../util/wait.js';

/** The caller's signal combined with a timeout for one step; end() it when the step is over. */
export function stepLimit(signal: AbortSignal, timeoutMs: number): TimeLimit {
  const limit = timeLimit(timeoutMs);
  return { signal: AbortSignal.any([signal, limit.signal]), end: limit.end };
}

/** A short random token: for baseline paths and the "any password" probe. */
export function randomToken(length = 12): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}
