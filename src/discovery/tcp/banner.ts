// Reads what a service says first (SSH ident, FTP 220, telnet prompt, RFB version), bounded in bytes
// and time; telnet option negotiation is stripped and politely refused.

import type net from 'node:net';
import { sanitizeBytes } from '../../util/sanitize.js';
import { stripTelnetNegotiation } from '../../protocols/telnet/negotiation.js';

const MAX_OPEN_NEGOTIATION_BYTES = 4 * 1024;

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
    // A telnet command split across two chunks is kept until the rest of it arrives.
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      let data = chunk;
      if (telnet) {
        const { text, replies, rest } = stripTelnetNegotiation(Buffer.concat([pending, chunk]));
        pending = rest;
        // A negotiation that stays open this long is never going to close: what came before is the banner.
        if (pending.length > MAX_OPEN_NEGOTIATION_BYTES) return finish();
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
