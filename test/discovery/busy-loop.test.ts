// A busy event loop runs expired timers before the I/O that came in meanwhile: a connect that succeeded
// while the loop was blocked must still count as open, not as a silence. Loopback: 127.95.7.0/24.

import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTcp } from '../../src/discovery/tcp/connect.js';

const server = net.createServer((socket) => socket.destroy());
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // the scan's own work (parsing, other hosts' pages) holding the loop
  }
}

describe('a connect on a busy machine', () => {
  it('counts an answer that arrived while the loop was blocked past the time-out', async () => {
    await new Promise<void>((resolve) => server.listen(8080, '127.95.7.10', resolve));
    const outcome = connectTcp('127.95.7.10', 8080, 50, new AbortController().signal);
    blockFor(300);
    const result = await outcome;
    expect(result.state).toBe('open');
    if (result.state === 'open') result.socket.destroy();
  });
});
