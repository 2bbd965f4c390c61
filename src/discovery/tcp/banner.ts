// Reads what a service says first (SSH ident, FTP 220, telnet prompt, RFB version), bounded in bytes
// and time; telnet option negotiation is stripped and politely refused.

import type net from 'node:net';
import { sanitizeBytes } from '../../util/sanitize.js';

const IAC = 255;
const SB = 250;
const SE = 240;
const WILL = 251;
const WONT = 252;
const DO = 253;
const DONT = 254;

/** Telnet data without IAC commands, and our refusals of every option the server asked for. */
export function stripTelnet(input: Buffer): { text: Buffer; replies: Buffer } {
  const text: number[] = [];
  const replies: number[] = [];
  for (let i = 0; i < input.length; i++) {
    const byte = input[i]!;
    if (byte !== IAC) {
      text.push(byte);
      continue;
    }
    const command = input[i + 1];
    if (command === undefined) break;
    if (command === IAC) {
      text.push(IAC);
      i += 1;
    } else if (command === WILL || command === WONT || command === DO || command === DONT) {
      const option = input[i + 2];
      if (option !== undefined && command === DO) replies.push(IAC, WONT, option);
      if (option !== undefined && command === WILL) replies.push(IAC, DONT, option);
      i += 2;
    } else if (command === SB) {
      let end = i + 2;
      while (end < input.length - 1 && !(input[end] === IAC && input[end + 1] === SE)) end++;
      i = end + 1;
    } else {
      i += 1;
    }
  }
  return { text: Buffer.from(text), replies: Buffer.from(replies) };
}

export interface BannerLimits {
  timeoutMs: number;
  maxBytes: number;
  /** After the first bytes, this much quiet means the service has said its piece. */
  idleMs: number;
}

/** Collects the first bytes the peer sends; the socket is destroyed afterwards. */
export function readFirstBytes(socket: net.Socket, limits: BannerLimits, signal: AbortSignal, telnet = false): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let idle: NodeJS.Timeout | undefined;
    const overall = setTimeout(finish, limits.timeoutMs);
    signal.addEventListener('abort', finish, { once: true });
    function finish() {
      clearTimeout(overall);
      clearTimeout(idle);
      signal.removeEventListener('abort', finish);
      socket.removeAllListeners('data');
      socket.destroy();
      resolve(Buffer.concat(chunks).subarray(0, limits.maxBytes));
    }
    socket.on('data', (chunk: Buffer) => {
      let data = chunk;
      if (telnet) {
        const { text, replies } = stripTelnet(chunk);
        if (replies.length > 0 && !socket.destroyed) socket.write(replies);
        data = text;
      }
      chunks.push(data);
      size += data.length;
      if (size >= limits.maxBytes) return finish();
      if (data.some((b) => b > 32)) {
        clearTimeout(idle);
        idle = setTimeout(finish, limits.idleMs);
      }
    });
    socket.once('end', finish);
    socket.once('close', finish);
  });
}

/** The banner as it enters an Observation: SSH/RFB keep one line, prompts keep a few. */
export function bannerText(bytes: Buffer, service: string): string | undefined {
  const oneLine = service === 'ssh' || service === 'vnc';
  const raw = oneLine ? bytes.subarray(0, Math.max(0, bytes.indexOf(10)) || bytes.length) : bytes;
  const text = sanitizeBytes(raw, 256, !oneLine);
  return text || undefined;
}
