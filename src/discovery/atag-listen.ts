// Passive listening for the ATAG One's broadcast on udp/11000 (src/protocols/atag/announce.ts). It binds only
// for the given window, sends nothing, and is bounded: datagrams longer than the announcement are dropped
// unread, at most maxDatagrams are looked at, at most maxHosts distinct senders are kept.

import dgram from 'node:dgram';
import { ATAG_ANNOUNCE_MAX_BYTES, ATAG_ANNOUNCE_PORT, decodeAtagAnnouncement, type AtagAnnouncement } from '../protocols/atag/announce.js';

export interface AtagListenOptions {
  windowMs: number;
  signal?: AbortSignal;
  /** Where to bind; 0.0.0.0 receives broadcasts. */
  address?: string;
  port?: number;
  maxDatagrams?: number;
  maxHosts?: number;
  /** Called once the socket is bound, with the port (tests bind port 0). */
  onListening?: (port: number) => void;
}

export interface AtagHeard {
  ip: string;
  announcement: AtagAnnouncement;
}

export interface AtagListenResult {
  heard: AtagHeard[];
  datagrams: number;
  ignored: number;
}

export async function listenForAtag(options: AtagListenOptions): Promise<AtagListenResult> {
  const maxDatagrams = options.maxDatagrams ?? 256;
  const maxHosts = options.maxHosts ?? 64;
  const heard = new Map<string, AtagAnnouncement>();
  const result = { datagrams: 0, ignored: 0 };
  if (options.signal?.aborted) return { heard: [], ...result };

  const socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(options.port ?? ATAG_ANNOUNCE_PORT, options.address ?? '0.0.0.0', () => {
      socket.off('error', reject);
      resolve();
    });
  });

  await new Promise<void>((resolve) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', finish);
      socket.removeAllListeners('message');
      resolve();
    };
    const timer = setTimeout(finish, options.windowMs);
    options.signal?.addEventListener('abort', finish, { once: true });
    socket.on('error', finish);
    socket.on('message', (payload, from) => {
      result.datagrams++;
      const announcement = payload.length <= ATAG_ANNOUNCE_MAX_BYTES ? decodeAtagAnnouncement(payload) : null;
      if (!announcement || (!heard.has(from.address) && heard.size >= maxHosts)) result.ignored++;
      else heard.set(from.address, announcement);
      if (result.datagrams >= maxDatagrams) finish();
    });
    options.onListening?.(socket.address().port);
  });
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return { heard: [...heard].map(([ip, announcement]) => ({ ip, announcement })), ...result };
}
