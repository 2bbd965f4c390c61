// One TCP connect with a timeout: open (socket handed over), closed (the host answered with a reset),
// or silent (nothing came back in time, or the host is unreachable).

import net from 'node:net';

export type ConnectOutcome = { state: 'open'; socket: net.Socket } | { state: 'closed' } | { state: 'silent' };

export function connectTcp(ip: string, port: number, timeoutMs: number, signal: AbortSignal): Promise<ConnectOutcome> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve({ state: 'silent' });
    const socket = net.connect({ host: ip, port });
    let settled = false;
    // A busy event loop runs expired timers before the I/O that came in meanwhile: the answer may be here
    // already, unread. setImmediate runs after that I/O, so only a real silence is called one.
    const timer = setTimeout(() => setImmediate(() => settle({ state: 'silent' })), timeoutMs);
    const onAbort = () => settle({ state: 'silent' });
    signal.addEventListener('abort', onAbort, { once: true });
    function settle(outcome: ConnectOutcome) {
      if (settled) return;
      settled = true;
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

/**
 * Caps the connections open at once across every host of a sweep; urgent work jumps the queue. At most
 * `perTurn` start in one event-loop turn: on loopback a connect costs CPU, not waiting, and a burst of
 * hundreds would starve the UDP sources' replies (and an in-process mock fleet) until their waits expire.
 */
export class Limiter {
  private active = 0;
  private queue: Array<() => void> = [];
  private startedThisTurn = 0;
  private turnResetPending = false;
  /** Work that has its connection slot but waits for a start slot in a later turn, oldest first. */
  private waitingToStart: Array<() => void> = [];
  constructor(
    private readonly limit: number,
    private readonly perTurn = 64,
  ) {}

  async run<T>(work: () => Promise<T>, urgent = false): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => (urgent ? this.queue.unshift(resolve) : this.queue.push(resolve)));
    this.active++;
    try {
      await this.nextStartSlot();
      return await work();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }

  /**
   * A start slot in this turn, or a place in line for the next ones. The waiters are released by the one
   * turn reset, perTurn at a time: hundreds of waiters polling every turn each with a promise and an
   * immediate of their own cost tens of megabytes of garbage on a /22 and the CPU to collect it.
   */
  private nextStartSlot(): Promise<void> | void {
    this.scheduleTurnReset();
    if (this.startedThisTurn < this.perTurn && this.waitingToStart.length === 0) {
      this.startedThisTurn++;
      return;
    }
    return new Promise<void>((resolve) => this.waitingToStart.push(resolve));
  }

  private scheduleTurnReset(): void {
    if (this.turnResetPending) return;
    this.turnResetPending = true;
    setImmediate(() => {
      this.turnResetPending = false;
      this.startedThisTurn = 0;
      const released = this.waitingToStart.splice(0, this.perTurn);
      this.startedThisTurn = released.length;
      for (const resolve of released) resolve();
      // Those released start in this turn; the rest wait for the next reset.
      if (this.waitingToStart.length > 0 || released.length > 0) this.scheduleTurnReset();
    });
  }
}
