// SSDP search replies (HTTP over UDP): tolerant header parsing, sanitised values; and the header block as
// the device sent it (names in their spelling, in order, empty values empty), bounded, for a recording.

import { isUtf8 } from 'node:buffer';
import type { SsdpHeader } from '../../model.js';
import { sanitizeText } from '../../util/sanitize.js';
import { readHeaders } from './headers.js';

export type { SsdpHeader };

export interface SsdpReply {
  ip: string;
  st?: string;
  usn?: string;
  server?: string;
  location?: string;
  /**
   * The header block as sent, for recordings only (identification reads the decoded fields above). Absent
   * when the block is larger than the bounds below or holds what no header may (control characters, a
   * line that is not `NAME: value`): a partial block would replay as something the device never said.
   */
  headers?: SsdpHeader[];
}

/** Replies larger than this are not SSDP; they are dropped unread. */
export const MAX_SSDP_REPLY = 8192;
/** Bounds on a kept header block: real replies carry 6 to 15 headers in 200 to 700 bytes. */
export const MAX_RAW_HEADERS = 32;
export const MAX_RAW_HEADER_BYTES = 2048;

/** Header names are HTTP tokens (RFC 9110 §5.1) that start with a letter or digit, as the fleet schema asks; a value holds no control character but tab. */
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9.!#$%&'*+^_`|~-]*$/;
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/;

/** The header lines after the status line, up to the blank line, as sent; undefined past the bounds. */
export function rawHeaderBlock(message: Buffer): SsdpHeader[] | undefined {
  const text = message.toString(isUtf8(message) ? 'utf8' : 'latin1');
  // A device that ends lines with LF alone replays with CRLF: the headers are what is kept.
  const lines = text.split(/\r?\n/);
  const end = lines.indexOf('', 1);
  const block = lines.slice(1, end === -1 ? lines.length : end);
  if (block.length > MAX_RAW_HEADERS) return undefined;
  const headers: SsdpHeader[] = [];
  let bytes = 0;
  for (const line of block) {
    const colon = line.indexOf(':');
    if (colon <= 0) return undefined;
    const name = line.slice(0, colon);
    // One optional space after the colon is the usual spelling; the rest of the value is kept as sent.
    const value = line.slice(colon + 1).replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
    if (!TOKEN.test(name) || CONTROL.test(value)) return undefined;
    bytes += Buffer.byteLength(name) + Buffer.byteLength(value) + 2;
    if (bytes > MAX_RAW_HEADER_BYTES) return undefined;
    headers.push({ name, value });
  }
  return headers;
}

export function headersToReply(ip: string, headers: Record<string, unknown>): SsdpReply {
  const get = (name: string) => {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : headers[key];
    return typeof value === 'string' && value.trim() ? sanitizeText(value, name === 'location' ? 512 : 256) : undefined;
  };
  const reply: SsdpReply = { ip };
  const st = get('st') ?? get('nt');
  if (st) reply.st = st;
  const usn = get('usn');
  if (usn) reply.usn = usn;
  const server = get('server');
  if (server) reply.server = server;
  const location = get('location');
  if (location) reply.location = location;
  return reply;
}

/** Parses a search reply or NOTIFY; null when it is not one. */
export function parseSsdpReply(ip: string, message: Buffer): SsdpReply | null {
  if (message.length > MAX_SSDP_REPLY) return null;
  const lines = message.toString('latin1').split(/\r?\n/);
  const start = lines[0] ?? '';
  if (!/^HTTP\/1\.[01] 200/i.test(start) && !/^NOTIFY /i.test(start)) return null;
  const reply = headersToReply(ip, Object.fromEntries(readHeaders(lines.slice(1, 40))));
  const raw = rawHeaderBlock(message);
  if (raw) reply.headers = raw;
  return reply;
}
