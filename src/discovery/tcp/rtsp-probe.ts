// RTSP OPTIONS on an open socket: the status line, Server header and any login challenge.

import type net from 'node:net';
import type { HttpInfo } from '../../model.js';
import { readFirstBytes } from './banner.js';
import { parseAuthenticate } from './http-probe.js';
import { sanitizeText } from '../sanitize.js';

export interface RtspAnswer {
  statusLine: string;
  http: HttpInfo;
}

export function parseRtspResponse(bytes: Buffer): RtspAnswer | null {
  const text = bytes.toString('latin1');
  const lines = text.split(/\r?\n/);
  const statusLine = lines[0] ?? '';
  const match = /^RTSP\/\d\.\d\s+(\d{3})/.exec(statusLine);
  if (!match) return null;
  const headers: Record<string, string> = {};
  for (const line of lines.slice(1, 33)) {
    if (!line.trim()) break;
    const colon = line.indexOf(':');
    if (colon > 0) headers[sanitizeText(line.slice(0, colon), 64).toLowerCase()] = sanitizeText(line.slice(colon + 1), 256);
  }
  const http: HttpInfo = { status: Number(match[1]), headers, ...parseAuthenticate(headers['www-authenticate']) };
  if (headers.server) http.server = headers.server;
  return { statusLine: sanitizeText(statusLine, 128), http };
}

export async function probeRtsp(socket: net.Socket, ip: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<RtspAnswer | null> {
  const reading = readFirstBytes(socket, { timeoutMs, maxBytes: 4096, idleMs: 150 }, signal);
  socket.write(`OPTIONS rtsp://${ip}:${port}/ RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: homeaudit\r\n\r\n`);
  return parseRtspResponse(await reading);
}
