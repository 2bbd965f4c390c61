// Every persona's login attempt goes through tryLogin, so lock-out, accept-any and counters agree.

import { randomUUID } from 'node:crypto';
import { accountsFor, tryLogin, type LoginOutcome } from '../accounts.js';
import type { Account, PersonaContext } from '../types.js';

export function serviceAccounts(ctx: PersonaContext, own?: Account[]): Account[] {
  return accountsFor(ctx.device, own);
}

/**
 * One login attempt. `password` undefined means the protocol proved no password (a Digest or VNC
 * answer that matched none): a value no account can hold then stands in, so only accept-any lets it in.
 */
export function attemptLogin(
  ctx: PersonaContext,
  accounts: Account[],
  username: string,
  password: string | undefined,
): LoginOutcome {
  return tryLogin(ctx.device, ctx.state, accounts, username, password ?? `\u0000unproven-${randomUUID()}`);
}

/** Seconds until a lock-out ends (at least 1), for Retry-After and refusal texts. */
export function lockoutSecondsLeft(ctx: PersonaContext, now: number = Date.now()): number {
  return Math.max(1, Math.ceil((ctx.state.lockedUntil - now) / 1000));
}
