// A TCP (or TLS) conversation for the line-based probes: connect, write, read until a pattern shows,
// with every wait bounded by the caller's signal and a timeout, and a cap on what we buffer.

import net from 'node:net';
import tls from 'node:tls';
import { stepLimit } from './step.js';
import { LoginProbeError, type LoginTarget } from './types.js';

/** Devices are untrusted: never buffer more than this from one connection. */
const MAX_BUFFERED_BYTES = 64 * 1024;
/** Nor take more than this in all from one conversation, however it is chunked or consumed: a login dialogue is small. */
export const MAX_RECEIVED_BYTES = 256 * 1024;

export class SocketSession {
  private buffer = Buffer.alloc(0);
  private received = 0;
  private ended = false;
  private failure: Error | null = null;
  private waiters: Array<() => void> = [];

  private constructor(
    private readonly socket: net.Socket,
    readonly protocol: string,
    readonly target: LoginTarget,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      if (this.received > MAX_RECEIVED_BYTES) {
        this.failure ??= new LoginProbeError(protocol, target, `cut off: sent more than ${MAX_RECEIVED_BYTES} bytes in one conversation`);
        socket.destroy();
        this.wake();
        return;
      }
      this.buffer = Buffer.concat([this.buffer, chunk]);
      if (this.buffer.length > MAX_BUFFERED_BYTES) {
        this.failure ??= new LoginProbeError(protocol, target, `cut off: sent more than ${MAX_BUFFERED_BYTES} bytes unread`);
        socket.destroy();
      }
      this.wake();
    });
    socket.on('end', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('close', () => {
      this.ended = true;
      this.wake();
    });
    socket.on('error', (error) => {
      this.failure ??= new LoginProbeError(protocol, target, error.message, { cause: error });
      this.wake();
    });
  }

  static async open(
    protocol: string,
    target: LoginTarget,
    signal: AbortSignal,
    timeoutMs: number,
  ): Promise<SocketSession> {
    const connectLimit = stepLimit(signal, timeoutMs);
    const connectSignal = connectLimit.signal;
    if (connectSignal.aborted) {
      connectLimit.end();
      throw connectSignal.reason;
    }
    const socket = target.tls
      ? tls.connect({ host: target.ip, port: target.port, rejectUnauthorized: false, servername: undefined })
      : net.connect({ host: target.ip, port: target.port });
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        socket.destroy();
        reject(new LoginProbeError(protocol, target, 'connect timed out or was aborted', { cause: connectSignal.reason }));
      };
      const ready = target.tls ? 'secureConnect' : 'connect';
      socket.once(ready, () => {
        connectSignal.removeEventListener('abort', onAbort);
        resolve();
      });
      socket.once('error', (error) => {
        connectSignal.removeEventListener('abort', onAbort);
        reject(new LoginProbeError(protocol, target, `cannot connect: ${error.message}`, { cause: error }));
      });
      connectSignal.addEventListener('abort', onAbort, { once: true });
    }).finally(connectLimit.end);
    return new SocketSession(socket, protocol, target);
  }

  write(data: string | Buffer): void {
    if (!this.socket.destroyed) this.socket.write(data);
  }

  /** Everything received and not yet taken. */
  get pending(): Buffer {
    return this.buffer;
  }

  /** Drops the first `n` received bytes (already handled). */
  consume(n: number): void {
    this.buffer = this.buffer.subarray(n);
  }

  /**
   * Waits until `done(buffer)` returns a value other than undefined, the peer closes, or time runs out.
   * Returns that value, or undefined when the peer closed first.
   */
  async readUntil<T>(done: (received: Buffer) => T | undefined, signal: AbortSignal, timeoutMs: number): Promise<T | undefined> {
    const waitLimit = stepLimit(signal, timeoutMs);
    const waitSignal = waitLimit.signal;
    try {
      for (;;) {
        const value = done(this.buffer);
        if (value !== undefined) return value;
        if (this.failure) throw this.failure;
        if (this.ended) return undefined;
        if (waitSignal.aborted) {
          throw new LoginProbeError(this.protocol, this.target, 'no answer in time', { cause: waitSignal.reason });
        }
        await new Promise<void>((resolve) => {
          const wake = (): void => {
            waitSignal.removeEventListener('abort', wake);
            resolve();
          };
          this.waiters.push(wake);
          waitSignal.addEventListener('abort', wake, { once: true });
        });
      }
    } finally {
      waitLimit.end();
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
