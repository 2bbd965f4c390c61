// RTSP login (RFC 2326): DESCRIBE without credentials must be refused with 401, then DESCRIBE with
// Basic or Digest credentials must answer 200 with an SDP body: that session description is the proof.

import { basicAuthorization, digestAuthorization, parseDigestChallenge } from '../http/digest.js';
import { SocketSession } from '../probe/socket-session.js';
import { errorResult, LOCKOUT_WORDS, LoginProbeError, type LoginResult, type LoginTarget, type ProbeOptions } from '../probe/types.js';

export interface RtspAnswer {
  status: number;
  headers: Record<string, string[]>;
  body: string;
  length: number;
}

/** Parses one complete RTSP response at the start of `received`; undefined while incomplete. */
export function parseRtspResponse(received: Buffer): RtspAnswer | undefined {
  const text = received.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const status = /^RTSP\/1\.\d (\d{3})/.exec(statusLine);
  if (!status) throw new Error(`not an RTSP answer: '${statusLine.slice(0, 40)}'`);
  const headers: Record<string, string[]> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    (headers[name] ??= []).push(line.slice(colon + 1).trim());
  }
  const contentLength = Number(headers['content-length']?.[0] ?? 0);
  const bodyStart = end + 4;
  if (received.length < bodyStart + contentLength) return undefined;
  return {
    status: Number(status[1]),
    headers,
    body: received.subarray(bodyStart, bodyStart + contentLength).toString('utf8'),
    length: bodyStart + contentLength,
  };
}

/** One RTSP connection: both DESCRIBEs go over it, since cameras may tie a Digest nonce to it. */
async function describe(session: SocketSession, url: string, cseq: number, authorization: string | undefined, options: ProbeOptions): Promise<RtspAnswer> {
  const lines = [`DESCRIBE ${url} RTSP/1.0`, `CSeq: ${cseq}`, 'Accept: application/sdp', 'User-Agent: homeaudit'];
  if (authorization) lines.push(`Authorization: ${authorization}`);
  session.write(`${lines.join('\r\n')}\r\n\r\n`);
  const answer = await session.readUntil(parseRtspResponse, options.signal, options.timeoutMs);
  if (!answer) throw new LoginProbeError('rtsp', session.target, 'closed without an answer');
  session.consume(answer.length);
  return answer;
}

function isSdp(answer: RtspAnswer): boolean {
  return /application\/sdp/i.test(answer.headers['content-type']?.[0] ?? '') && /^v=0/m.test(answer.body);
}

export async function probeRtspLogin(
  target: LoginTarget,
  username: string,
  password: string,
  options: ProbeOptions & { path?: string },
): Promise<LoginResult> {
  const path = options.path ?? '/';
  const url = `rtsp://${target.ip}:${target.port}${path}`;
  let session: SocketSession | undefined;
  try {
    session = await SocketSession.open('rtsp', target, options.signal, options.timeoutMs);
    const anonymous = await describe(session, url, 1, undefined, options);
    if (anonymous.status === 200 && isSdp(anonymous)) return { outcome: 'error', status: 200, detail: 'the stream asks for no login' };
    if (anonymous.status === 503 || anonymous.status === 429) return { outcome: 'locked-out', status: anonymous.status, detail: `DESCRIBE ${anonymous.status}` };
    if (anonymous.status !== 401) return { outcome: 'error', status: anonymous.status, detail: `DESCRIBE without login answered ${anonymous.status}` };
    const challenges = anonymous.headers['www-authenticate'] ?? [];
    const digest = parseDigestChallenge(challenges.find((c) => /^\s*digest/i.test(c)) ?? '');
    const authorization = digest
      ? digestAuthorization(digest, { method: 'DESCRIBE', uri: url, username, password, nc: 1 })
      : basicAuthorization(username, password);
    const answer = await describe(session, url, 2, authorization, options);
    const scheme = digest ? 'Digest' : 'Basic';
    if (answer.status === 200 && isSdp(answer)) {
      const name = /^s=(.*)$/m.exec(answer.body)?.[1]?.trim().slice(0, 40);
      return { outcome: 'success', status: 200, proof: `DESCRIBE with ${scheme} returned a session description${name ? ` '${name}'` : ''}` };
    }
    // A camera that refused with 401 and now says 403 is holding us back: treat it as a lock-out, conservatively.
    const locked = [403, 429, 503].includes(answer.status) || LOCKOUT_WORDS.test(answer.body);
    return { outcome: locked ? 'locked-out' : 'denied', status: answer.status, detail: `DESCRIBE with ${scheme} answered ${answer.status}` };
  } catch (error) {
    return errorResult('rtsp', target, error);
  } finally {
    session?.close();
  }
}
