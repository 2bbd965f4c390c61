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

/**
 * Added to timeoutMs for the answer to a password only: devices slow a refusal down on purpose (PAM's
 * fail delay is 2 s in pam_unix and 3 s in Debian's /etc/pam.d/login, busybox login pauses 3 s, vsftpd
 * adds its delay_failed_login of 1 s to PAM's), so a wrong password may take longer than a prompt.
 */
export const REFUSAL_GRACE_MS = 4000;

/** The options for waiting on the answer to a password: the caller's, with room for a slowed refusal. */
export function passwordAnswerOptions<O extends ProbeOptions>(options: O): O {
  return { ...options, timeoutMs: options.timeoutMs + REFUSAL_GRACE_MS };
}

/** A probe that tries one username/password pair on one service. */
export type LoginProbe<T extends LoginTarget = LoginTarget> = (
  target: T,
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
export type ServiceLoginProbe = LoginProbe<LoginServiceTarget>;

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
