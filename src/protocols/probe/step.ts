// A login step's deadline, and the random tokens the login checks use as decoys.

import { deadline } from '../../util/wait.js';

/** The caller's signal combined with a timeout for one step. */
export function stepSignal(signal: AbortSignal, timeoutMs: number): AbortSignal {
  return AbortSignal.any([signal, deadline(timeoutMs)]);
}

/** A short random token: for baseline paths and the "any password" probe. */
export function randomToken(length = 12): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(Math.random() * alphabet.length)];
  return out;
}
