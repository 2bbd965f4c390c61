// The listening socket every TCP persona shares: bind, track sockets, honour `silent`, close cleanly.

import { setMaxListeners } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { PersonaContext, RunningPersona } from '../types.js';
import { MockBindError } from '../errors.js';
import { MockServiceError } from './errors.js';

/** Hands one accepted connection to a protocol; the signal ends when the persona closes. */
export type ConnectionHandler = (socket: Socket, signal: AbortSignal) => void;

export interface FrontDoorOptions {
  protocol: string;
  port: number;
  onConnection: ConnectionHandler;
  /** Extra clean-up after the sockets are gone (brokers, data listeners, …). */
  onClose?: () => Promise<void>;
}

/** A cap on simultaneous connections keeps a hammered mock from eating the host. */
const MAX_CONNECTIONS = 512;

const raisedSignals = new WeakSet<AbortSignal>();

/** One fleet signal is shared by every persona of every device: many abort listeners are expected. */
function raiseListenerLimit(signal: AbortSignal): void {
  // Node 20's getMaxListeners throws on a signal once set to 0, so remember instead of asking.
  if (raisedSignals.has(signal)) return;
  setMaxListeners(0, signal);
  raisedSignals.add(signal);
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

export async function openFrontDoor(ctx: PersonaContext, options: FrontDoorOptions): Promise<RunningPersona> {
  const { device } = ctx;
  const where = `device ${device.id} (${device.address}) ${options.protocol} tcp port ${options.port}`;
  if (ctx.signal.aborted) throw new MockServiceError(`${where}: not started, the fleet was already stopping`);

  raiseListenerLimit(ctx.signal);
  const stopping = new AbortController();
  const signal = AbortSignal.any([ctx.signal, stopping.signal]);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // A peer resetting the connection is normal life for a device; it must never crash the fleet.
    socket.on('error', () => socket.destroy());
    if (device.knobs.silent) {
      socket.resume(); // read and drop, answer nothing
      return;
    }
    try {
      options.onConnection(socket, signal);
    } catch {
      socket.destroy();
    }
  });
  server.maxConnections = MAX_CONNECTIONS;

  try {
    await listen(server, device.address, options.port);
  } catch (error) {
    // The fleet's one bind error: names device, protocol, address and port, and what to do.
    throw new MockBindError(device.id, options.protocol, device.address, options.port, { cause: error });
  }
  server.on('error', () => {}); // after a successful bind, accept errors are not fatal for a mock

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      ctx.signal.removeEventListener('abort', onAbort);
      stopping.abort();
      const listenerClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await listenerClosed;
      await options.onClose?.();
    })();
    return closing;
  };
  const onAbort = () => void close();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  if (ctx.signal.aborted) void close(); // the fleet stopped while we were binding

  return {
    served: [{ deviceId: device.id, address: device.address, protocol: options.protocol, port: options.port, transport: 'tcp' }],
    close,
  };
}
