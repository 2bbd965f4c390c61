// One TCP connect with a timeout: open (socket handed over), closed (the host answered with a reset),
// or silent (nothing came back in time, or the host is unreachable).

import net from 'node:net';

export type ConnectOutcome = { state: 'open'; socket: net.Socket } | { state: 'closed' } | { state: 'silent' };

export function connectTcp(ip: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<ConnectOutcome> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve({ state: 'silent' });
    const socket = net.connect({ host: ip, port });
    const timer = setTimeout(() => settle({ state: 'silent' }), timeoutMs);
    const onAbort = () => settle({ state: 'silent' });
    signal.addEventListener('abort', onAbort, { once: true });
    function settle(outcome: ConnectOutcome) {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      socket.removeAllListeners('connect');
      socket.removeAllListeners('error');
      if (outcome.state !== 'open') socket.destroy();
      else socket.on('error', () => {});
      resolve(outcome);
    }
    socket.once('connect', () => settle({ state: 'open', socket }));
    socket.once('error', (error: NodeJS.ErrnoException) => settle(error.code === 'ECONNREFUSED' ? { state: 'closed' } : { state: 'silent' }));
  });
}

/** Caps the connections open at once across every host of a sweep; urgent work jumps the queue. */
export class Limiter {
  private active = 0;
  private queue: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>, urgent = false): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => (urgent ? this.queue.unshift(resolve) : this.queue.push(resolve)));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}
