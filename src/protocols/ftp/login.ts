// FTP login over a raw socket: USER/PASS, and a login counts when the server says 230 AND answers
// PWD (257), which it only does for a logged-in session.

import { SocketSession } from '../probe/socket-session.js';
import { parseFtpReply, parsePassivePort, type FtpReply } from './replies.js';
import { errorResult, LOCKOUT_WORDS, LoginProbeError, passwordAnswerOptions, type LoginResult, type LoginTarget, type ProbeOptions } from '../probe/types.js';

/** The most names we read from an anonymous listing: enough to say what is shared. */
const MAX_LISTED_NAMES = 50;

export interface FtpLoginResult extends LoginResult {
  /** Names in the top directory, when a listing was asked for and given. */
  listing?: string[];
}

async function readReply(session: SocketSession, options: ProbeOptions): Promise<FtpReply> {
  const reply = await session.readUntil(parseFtpReply, options.signal, options.timeoutMs);
  if (!reply) throw new LoginProbeError('ftp', session.target, 'connection closed before a reply');
  session.consume(reply.length);
  return reply;
}

async function command(session: SocketSession, line: string, options: ProbeOptions): Promise<FtpReply> {
  session.write(`${line}\r\n`);
  return readReply(session, options);
}

export async function probeFtpLogin(
  target: LoginTarget,
  username: string,
  password: string,
  options: ProbeOptions & { listTopDirectory?: boolean },
): Promise<FtpLoginResult> {
  let session: SocketSession | undefined;
  try {
    session = await SocketSession.open('ftp', target, options.signal, options.timeoutMs);
    const greeting = await readReply(session, options);
    const banner = `${greeting.code} ${greeting.text.split('\n')[0]}`.slice(0, 120);
    if (greeting.code === 421) return { outcome: 'locked-out', status: 421, detail: greeting.text, banner };
    if (greeting.code !== 220) return { outcome: 'error', status: greeting.code, detail: `greeting ${banner}`, banner };
    let reply = await command(session, `USER ${username}`, options);
    if (reply.code === 331 || reply.code === 332) reply = await command(session, `PASS ${password}`, passwordAnswerOptions(options));
    // vsftpd's "500 OOPS: cannot change directory" comes after the password was taken: no wrong guess, no login either.
    if (reply.code === 500 && /^OOPS\b/.test(reply.text)) {
      return { outcome: 'error', status: 500, detail: `password taken, but the session failed: ${reply.text.slice(0, 80)}`, banner };
    }
    if (reply.code !== 230) {
      const locked = reply.code === 421 || LOCKOUT_WORDS.test(reply.text);
      return { outcome: locked ? 'locked-out' : 'denied', status: reply.code, detail: reply.text, banner };
    }
    const pwd = await command(session, 'PWD', options);
    if (pwd.code !== 257) {
      return { outcome: 'denied', status: 230, detail: `230 but PWD answered ${pwd.code}`, banner };
    }
    const result: FtpLoginResult = { outcome: 'success', status: 230, proof: `230 then PWD ${pwd.text.slice(0, 60)}`, banner };
    if (options.listTopDirectory) result.listing = await listTopDirectory(session, options).catch(() => undefined);
    session.write('QUIT\r\n');
    return result;
  } catch (error) {
    return errorResult('ftp', target, error);
  } finally {
    session?.close();
  }
}

/** NLST over passive mode, the data connection only to the device itself (the PASV host is ignored). */
async function listTopDirectory(session: SocketSession, options: ProbeOptions): Promise<string[] | undefined> {
  const pasv = await command(session, 'PASV', options);
  const port = pasv.code === 227 ? parsePassivePort(pasv.text) : undefined;
  if (port === undefined) return undefined;
  const data = await SocketSession.open('ftp-data', { ip: session.target.ip, port, tls: false }, options.signal, options.timeoutMs);
  try {
    session.write('NLST\r\n');
    const opened = await readReply(session, options);
    if (opened.code !== 150 && opened.code !== 125) return undefined;
    await data.readUntil(() => undefined, options.signal, options.timeoutMs).catch(() => undefined);
    return data.pending
      .toString('utf8')
      .split(/\r?\n/)
      .map((name) => name.trim())
      .filter((name) => name.length > 0)
      .slice(0, MAX_LISTED_NAMES);
  } finally {
    data.close();
  }
}
