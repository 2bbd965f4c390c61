// SSH login with password authentication only (ssh2 Client): 'ready' after the password is the proof.
// Also asks which methods a server offers, to tell password login from key-only.

import ssh2 from 'ssh2';
import type { AuthenticationType, ConnectConfig } from 'ssh2';
import { errorResult, LOCKOUT_WORDS, LoginProbeError, passwordAnswerOptions, type LoginResult, type LoginTarget, type ProbeOptions } from '../probe/types.js';

const { Client } = ssh2;

interface SshRun {
  ready: boolean;
  /** Methods the server said may continue, after our first attempt was refused. */
  methodsLeft: AuthenticationType[] | null;
  errorLevel?: string;
  errorMessage?: string;
}

/** One authentication attempt with `method`, then none: the server's answer to it is the result. */
type OneMethod = { type: 'password'; username: string; password: string } | { type: 'none'; username: string };

function runClient(target: LoginTarget, method: OneMethod, options: ProbeOptions): Promise<SshRun> {
  options.signal.throwIfAborted();
  return new Promise((resolve) => {
    const client = new Client();
    const run: SshRun = { ready: false, methodsLeft: null };
    let settled = false;
    let tried = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      client.end();
      client.destroy();
      resolve(run);
    };
    const onAbort = (): void => {
      run.errorMessage = 'aborted';
      finish();
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    client.on('ready', () => {
      run.ready = true;
      finish();
    });
    client.on('error', (error: Error & { level?: string }) => {
      run.errorLevel = error.level;
      run.errorMessage = error.message;
      finish();
    });
    client.on('close', finish);
    const config: ConnectConfig = {
      host: target.ip,
      port: target.port,
      username: method.username,
      readyTimeout: options.timeoutMs,
      timeout: options.timeoutMs,
      tryKeyboard: false,
      authHandler: (methodsLeft, _partialSuccess, next) => {
        if (methodsLeft) run.methodsLeft = methodsLeft;
        if (tried) return next(false as unknown as AuthenticationType);
        tried = true;
        next(method);
      },
    };
    client.connect(config);
  });
}

export async function probeSshLogin(
  target: LoginTarget,
  username: string,
  password: string,
  options: ProbeOptions,
): Promise<LoginResult> {
  try {
    // ssh2's readyTimeout spans the handshake and the answer to the password, which PAM may slow down.
    const run = await runClient(target, { type: 'password', username, password }, passwordAnswerOptions(options));
    if (run.ready) return { outcome: 'success', proof: 'session ready after password authentication' };
    if (run.errorLevel === 'client-authentication') {
      const passwordRefused = run.methodsLeft !== null && !run.methodsLeft.includes('password');
      return { outcome: 'denied', detail: passwordRefused ? 'password authentication not offered' : 'password refused' };
    }
    if (run.errorMessage && LOCKOUT_WORDS.test(run.errorMessage)) return { outcome: 'locked-out', detail: run.errorMessage };
    throw new LoginProbeError('ssh', target, run.errorMessage ?? 'connection closed before authentication');
  } catch (error) {
    return errorResult('ssh', target, error);
  }
}

/**
 * The authentication methods the server offers, learned from its answer to a 'none' request
 * (RFC 4252 section 5.2): no password is sent.
 */
export async function probeSshAuthMethods(
  target: LoginTarget,
  options: ProbeOptions,
): Promise<{ openWithoutLogin: boolean; methods: AuthenticationType[] | null }> {
  const run = await runClient(target, { type: 'none', username: 'homeaudit' }, options);
  return { openWithoutLogin: run.ready, methods: run.methodsLeft };
}
