// A check is a plain object in the explicit registry (registry.ts): it reads a device record and
// returns findings as data. It never prints; it is abortable through ctx.signal.

import type { Answers, CheckId, Device, Finding } from '../model.js';
import type { CheckKnowledge } from '../knowledge/types.js';
import type { LoginLedger } from './login/ledger.js';

export interface CheckOptions {
  /** Try factory passwords (false with --no-login). */
  login: boolean;
  /** Login attempts per service, at most (--max-attempts, default 5). */
  maxAttempts: number;
  /** Per-connection/request timeout, ms. */
  timeoutMs: number;
  /** Pause between two login attempts on the same device, ms (spreads attempts over time). */
  attemptSpacingMs: number;
  /** All checks of one device together, ms (default DEVICE_CHECK_BUDGET_MS). */
  deviceBudgetMs?: number;
}

/** A factory password the default-credentials check confirmed, with the service it opened. */
export interface ConfirmedFactoryLogin {
  /** The login service kind: http-basic, http-digest, telnet, … */
  kind: string;
  port: number;
  tls: boolean;
  username: string;
  password: string;
}

export interface CheckContext {
  signal: AbortSignal;
  knowledge: CheckKnowledge;
  /** Every device of the household (the router's port mappings point at other devices). */
  devices: Device[];
  options: CheckOptions;
  answers: Answers;
  /** Called before every login attempt: counted in stats and shown by the dashboard. */
  onLoginAttempt(deviceId: string, service: string, port: number): void;
  /** Something the user should know that is no finding, e.g. "stopped trying passwords: HTTP 429". */
  onNote?(deviceId: string, message: string, check?: CheckId): void;
  /** Every login-like contact per device (budgets, spacing, coverage); one per context when absent. */
  loginLedger?: LoginLedger;
  /** Told of each factory password confirmed (its random-password decoy refused): the audit reads the firmware after login with it. */
  onFactoryPasswordConfirmed?(deviceId: string, login: ConfirmedFactoryLogin): void;
  now(): Date;
}

export interface Check {
  id: CheckId;
  /** One line for `--help`-style listings and the dashboard. */
  description: string;
  appliesTo(device: Device): boolean;
  run(device: Device, ctx: CheckContext): Promise<Finding[]>;
}
