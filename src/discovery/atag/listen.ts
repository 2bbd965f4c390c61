// Passive listening for the ATAG One's broadcast on udp/11000 (src/protocols/atag/announce.ts). It binds only
// for the given window, sends nothing, and is bounded: datagrams longer than the announcement are dropped
// unread, at most maxDatagrams are looked at, at most maxHosts distinct senders are kept.

import dgram from 'node:dgram';
import { ATAG_ANNOUNCE_MAX_BYTES, ATAG_ANNOUNCE_PORT, decodeAtagAnnouncement, type AtagAnnouncement } from '../../protocols/atag/announce.js';

export interface AtagListenOptions {
  windowMs: number;
  signal?: AbortSignal;
  /** Where to bind; 0.0.0.0 receives broadcasts. */
  address?: string;
  port?: number;
  maxDatagrams?: number;
  maxHosts?: number;
  /** Which senders count (the scan's scope); the others are dropped before they take a host's place. */
  keep?: (ip: string) => boolean;
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
  /** Datagrams that were not an announcement, came from outside `keep`, or from a sender past maxHosts. */
  ignored: number;
  /** Listening stopped at maxDatagrams, before the window ended. */
  capped: boolean;
}

/** The socket could not be bound (port taken, no permission): nothing was listened to. */
export class AtagListenError extends Error {
  override name = 'AtagListenError';
  readonly code: string | undefined;
  constructor(address: string, port: number, options: { cause: unknown }) {
    const code = (options.cause as { code?: string } | undefined)?.code;
    const why = code === 'EADDRINUSE' ? 'port in use by another program' : code === 'EACCES' ? 'no permission' : (options.cause as Error)?.message ?? String(options.cause);
    super(`could not listen on udp ${address}:${port} (${code ? `${code}: ` : ''}${why})`, options);
    this.code = code;
  }
}

export async function listenForAtag(options: AtagListenOptions): Promise<AtagListenResult> {
  const maxDatagrams = options.maxDatagrams ?? 256;
  const maxHosts = options.maxHosts ?? 64;
  const address = options.address ?? '0.0.0.0';
  const port = options.port ?? ATAG_ANNOUNCE_PORT;
  const heard = new Map<string, AtagAnnouncement>();
  const result = { datagrams: 0, ignored: 0, capped: false };
  if (options.signal?.aborted) return { heard: [], ...result };

  // reuseAddr: another listener of the same broadcasts (a home-automation hub on this machine) keeps its socket.
  const socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => {
      socket.close();
      reject(new AtagListenError(address, port, { cause: error }));
    };
    socket.once('error', onError);
    socket.bind(port, address, () => {
      socket.off('error', onError);
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
      const wanted = announcement !== null && (options.keep?.(from.address) ?? true);
      if (!wanted || (!heard.has(from.address) && heard.size >= maxHosts)) result.ignored++;
      else heard.set(from.address, announcement);
      if (result.datagrams >= maxDatagrams) {
        result.capped = true;
        finish();
      }
    });
    options.onListening?.(socket.address().port);
  });
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return { heard: [...heard].map(([ip, announcement]) => ({ ip, announcement })), ...result };
}
