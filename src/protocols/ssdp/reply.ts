// SSDP search replies (HTTP over UDP): tolerant header parsing, sanitised values.

import { sanitizeText } from '../../util/sanitize.js';
import { readHeaders } from './headers.js';

export interface SsdpReply {
  ip: string;
  st?: string;
  usn?: string;
  server?: string;
  location?: string;
}

/** Replies larger than this are not SSDP; they are dropped unread. */
export const MAX_SSDP_REPLY = 8192;

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
  return headersToReply(ip, Object.fromEntries(readHeaders(lines.slice(1, 40))));
}
