// The shapes every login probe shares: where to knock, what came back, and how long we may wait.

import type { FormLoginSpec } from '../http/form-spec.js';

export interface LoginTarget {
  ip: string;
  port: number;
  tls?: boolean;
}

export type LoginOutcome = 'success' | 'denied' | 'locked-out' | 'error';

/** A login counts only with proof: a status AND something seen only after login. */
export interface LoginResult {
  outcome: LoginOutcome;
  /** What showed the login worked, e.g. "page after login shows 'Configuration'". */
  proof?: string;
  /** Protocol status: HTTP/RTSP status, FTP reply code, MQTT CONNACK return code. */
  status?: number;
  /** Why it was denied or failed, for logs and lock-out signs. */
  detail?: string;
  /** The greeting the service sent this time (telnet/FTP/SSH): a change is a lock-out sign. */
  banner?: string;
}

export interface ProbeOptions {
  signal: AbortSignal;
  /** Per connection/request, ms. */
  timeoutMs: number;
}

/** A probe that tries one username/password pair on one service. */
export type LoginProbe = (
  target: LoginTarget,
  username: string,
  password: string,
  options: ProbeOptions,
) => Promise<LoginResult>;

/** A login service to try: where it is, and what its protocol's prober needs to know of it. */
export interface LoginServiceTarget extends LoginTarget {
  /** The login service kind ("http-digest", "telnet", …): one protocol may speak several. */
  kind: string;
  /** The protected page for HTTP Basic/Digest. */
  path?: string;
  /** The form definition for an HTTP form login. */
  form?: FormLoginSpec;
}

/** The prober a protocol's table row names: tries one pair on one login service. */
export type ServiceLoginProbe = (
  target: LoginServiceTarget,
  username: string,
  password: string,
  options: ProbeOptions,
) => Promise<LoginResult>;

/** Something went wrong talking to a device: names the protocol and the address. */
export class LoginProbeError extends Error {
  override name = 'LoginProbeError';
  constructor(
    readonly protocol: string,
    readonly target: LoginTarget,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${protocol} ${target.ip}:${target.port}: ${problem}`, options);
  }
}

/** Turns any thrown value into an 'error' result that says where it happened. */
export function errorResult(protocol: string, target: LoginTarget, error: unknown): LoginResult {
  const message = error instanceof Error ? error.message : String(error);
  const detail = error instanceof LoginProbeError ? message : `${protocol} ${target.ip}:${target.port}: ${message}`;
  return { outcome: 'error', detail };
}

/** How a reader says a deadline or size cap ended the conversation (a device that streams or stalls). */
export const CUT_OFF = /\bcut off\b/;

/** Words devices use when they stop accepting logins for a while. */
export const LOCKOUT_WORDS = /locked|too many|try again later|temporarily (?:blocked|disabled)/i;
