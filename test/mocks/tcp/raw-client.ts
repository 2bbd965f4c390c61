// A raw TCP client for tests: collects what the server sends and waits for expected bytes.

import { connect, type Socket } from 'node:net';

export interface RawClient {
  socket: Socket;
  received(): Buffer;
  text(): string;
  /** Resolves once the received bytes (latin1) contain `needle`; rejects if the socket closes first. */
  waitFor(needle: string, from?: number): Promise<string>;
  waitForBytes(count: number): Promise<Buffer>;
  closed: Promise<void>;
  write(data: string | Buffer): void;
  close(): void;
}

export function rawConnect(host: string, port: number): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let buffer = Buffer.alloc(0);
    const listeners = new Set<() => void>();
    let ended = false;
    const closed = new Promise<void>((done) =>
      socket.once('close', () => {
        ended = true;
        for (const listener of listeners) listener();
        done();
      }),
    );
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (const listener of listeners) listener();
    });
    socket.on('error', () => {});
    const until = <T>(test: () => T | undefined, what: string) =>
      new Promise<T>((done, fail) => {
        const check = () => {
          const value = test();
          if (value !== undefined) {
            listeners.delete(check);
            done(value);
          } else if (ended) {
            listeners.delete(check);
            fail(new Error(`connection closed before ${what}; got ${JSON.stringify(buffer.toString('latin1'))}`));
          }
        };
        listeners.add(check);
        check();
      });
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => buffer,
        text: () => buffer.toString('latin1'),
        waitFor: (needle, from = 0) =>
          until(() => (buffer.toString('latin1').indexOf(needle, from) >= 0 ? buffer.toString('latin1') : undefined), JSON.stringify(needle)),
        waitForBytes: (count) => until(() => (buffer.length >= count ? buffer.subarray(0, count) : undefined), `${count} bytes`),
        closed,
        write: (data) => socket.write(data),
        close: () => socket.destroy(),
      }),
    );
    socket.once('error', reject);
  });
}
