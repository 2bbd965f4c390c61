// Telnet login: wait for the login prompt, send the user, wait for the password prompt, send it,
// and count the login only when a shell prompt shows and no failure message does.

import { stripTelnetNegotiation } from './negotiation.js';
import { SocketSession } from '../probe/socket-session.js';
import { errorResult, LOCKOUT_WORDS, LoginProbeError, passwordAnswerOptions, type LoginResult, type LoginTarget, type ProbeOptions } from '../probe/types.js';

const LOGIN_PROMPT = /(?:login|username|user name|user)\s*:\s*$/i;
const PASSWORD_PROMPT = /password\s*:\s*$/i;
const FAILURE_WORDS = /incorrect|failed|invalid|denied|wrong|bad password/i;
/** A shell prompt ends the last line: "root@cam:~# ", "BusyBox $ ", "DVR> ". */
const SHELL_PROMPT = /[#$>]\s*$/;

/** Prompts end the text: patterns run on this much of its tail, so a device that streams costs no more per chunk. */
const TEXT_WINDOW_CHARS = 8 * 1024;
/** A negotiation (IAC SB …) still open after this many bytes is never going to close. */
const MAX_OPEN_NEGOTIATION_BYTES = 4 * 1024;

/** A telnet conversation seen as plain text, negotiation answered underneath. */
class TelnetText {
  text = '';
  private carry = Buffer.alloc(0);
  constructor(private readonly session: SocketSession) {}

  /** Reads until `pattern` matches the text received since the last call (or the peer closes). */
  async waitFor(patterns: RegExp[], options: ProbeOptions): Promise<string> {
    const found = await this.session.readUntil(
      (received) => {
        this.absorb(received);
        return patterns.some((p) => p.test(this.text)) ? this.text : undefined;
      },
      options.signal,
      options.timeoutMs,
    );
    const seen = found ?? this.text;
    this.text = '';
    return seen;
  }

  private absorb(received: Buffer): void {
    if (received.length === 0) return;
    this.session.consume(received.length);
    const { text, replies, rest } = stripTelnetNegotiation(Buffer.concat([this.carry, received]));
    if (rest.length > MAX_OPEN_NEGOTIATION_BYTES) {
      throw new LoginProbeError('telnet', this.session.target, `cut off: a negotiation left open for more than ${MAX_OPEN_NEGOTIATION_BYTES} bytes`);
    }
    this.carry = Buffer.from(rest);
    if (replies.length > 0) this.session.write(replies);
    this.text = (this.text + text.toString('latin1').replace(/\r/g, '')).slice(-TEXT_WINDOW_CHARS);
  }
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').pop()?.trim() ?? '';
}

export async function probeTelnetLogin(
  target: LoginTarget,
  username: string,
  password: string,
  options: ProbeOptions,
): Promise<LoginResult> {
  let session: SocketSession | undefined;
  try {
    session = await SocketSession.open('telnet', target, options.signal, options.timeoutMs);
    const conversation = new TelnetText(session);
    const greeting = await conversation.waitFor([LOGIN_PROMPT, LOCKOUT_WORDS], options);
    const banner = greeting.trim().split('\n')[0]?.slice(0, 120);
    if (LOCKOUT_WORDS.test(greeting)) return { outcome: 'locked-out', detail: lastLine(greeting), banner };
    if (!LOGIN_PROMPT.test(greeting)) {
      return { outcome: 'error', detail: 'no login prompt', banner };
    }
    session.write(`${username}\r\n`);
    const afterUser = await conversation.waitFor([PASSWORD_PROMPT, SHELL_PROMPT, FAILURE_WORDS], options);
    if (!PASSWORD_PROMPT.test(afterUser)) {
      // Some devices let a user in without a password: only a real prompt counts.
      return judgeAfterLogin(afterUser, username, banner);
    }
    session.write(`${password}\r\n`);
    const afterPassword = await conversation.waitFor([SHELL_PROMPT, LOGIN_PROMPT, FAILURE_WORDS, LOCKOUT_WORDS], passwordAnswerOptions(options));
    return judgeAfterLogin(afterPassword, username, banner);
  } catch (error) {
    return errorResult('telnet', target, error);
  } finally {
    session?.close();
  }
}

function judgeAfterLogin(text: string, username: string, banner: string | undefined): LoginResult {
  const line = lastLine(text);
  if (LOCKOUT_WORDS.test(text)) return { outcome: 'locked-out', detail: line, banner };
  if (FAILURE_WORDS.test(text) || LOGIN_PROMPT.test(line)) return { outcome: 'denied', detail: line || 'login prompt again', banner };
  const echoedUserOnly = line === username;
  if (SHELL_PROMPT.test(line) && !echoedUserOnly) {
    return { outcome: 'success', proof: `shell prompt '${line.slice(-40)}'`, banner };
  }
  return { outcome: 'denied', detail: line ? `no shell prompt (last line '${line.slice(-40)}')` : 'closed without a prompt', banner };
}
