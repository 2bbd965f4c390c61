// RTSP on an open socket: OPTIONS for the Server header, then DESCRIBE for the login challenge
// (cameras answer OPTIONS to anyone and guard DESCRIBE).

import type net from 'node:net';
import type { HttpInfo } from '../../model.js';
import { parseAuthenticate } from './http-probe.js';
import { sanitizeText } from '../../util/sanitize.js';

export interface RtspAnswer {
  statusLine: string;
  http: HttpInfo;
}

const MAX_RTSP_HEADER = 8192;

export function parseRtspResponse(bytes: Buffer): RtspAnswer | null {
  const lines = bytes.toString('latin1').split(/\r?\n/);
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

/** Sends one request and reads up to the end of the response headers, bounded in size and time. */
function exchange(socket: net.Socket, request: string, timeoutMs: number, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(finish, timeoutMs);
    signal.addEventListener('abort', finish, { once: true });
    function finish() {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      socket.off('data', onData);
      socket.off('close', finish);
      resolve(Buffer.concat(chunks));
    }
    function onData(chunk: Buffer) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= MAX_RTSP_HEADER || Buffer.concat(chunks).includes('\r\n\r\n')) finish();
    }
    socket.on('data', onData);
    socket.once('close', finish);
    if (!socket.destroyed) socket.write(request);
  });
}

export async function probeRtsp(socket: net.Socket, ip: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<RtspAnswer | null> {
  const url = `rtsp://${ip}:${port}/`;
  try {
    const options = parseRtspResponse(await exchange(socket, `OPTIONS ${url} RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: homeaudit\r\n\r\n`, timeoutMs, signal));
    if (!options || socket.destroyed) return options;
    const describe = parseRtspResponse(
      await exchange(socket, `DESCRIBE ${url} RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\nUser-Agent: homeaudit\r\n\r\n`, timeoutMs, signal),
    );
    if (!describe) return options;
    const server = options.http.server ?? describe.http.server;
    return { statusLine: options.statusLine, http: { ...describe.http, ...(server ? { server } : {}) } };
  } finally {
    socket.destroy();
  }
}
