// A busy event loop runs expired timers before the I/O that came in meanwhile: a connect that succeeded
// while the loop was blocked must still count as open, not as a silence. Loopback: 127.95.7.0/24.

import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTcp } from '../../src/discovery/tcp/connect.js';
import { searchUnicast } from '../../src/discovery/ssdp/unicast.js';

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

/** An SSDP responder on its own event loop (a worker): it ignores the first search, as if it were lost, and answers the next 40 ms later. */
function startResponder(ip: string, port: number): Promise<Worker> {
  const source = `
    const dgram = require('node:dgram');
    const { parentPort, workerData } = require('node:worker_threads');
    const socket = dgram.createSocket('udp4');
    let searches = 0;
    socket.on('message', (message, peer) => {
      if (++searches < 2) return;
      setTimeout(() => socket.send('HTTP/1.1 200 OK\\r\\nST: upnp:rootdevice\\r\\nUSN: uuid:busy-loop::upnp:rootdevice\\r\\nLOCATION: http://' + workerData.ip + ':8080/d.xml\\r\\n\\r\\n', peer.port, peer.address), 40);
    });
    socket.bind(workerData.port, workerData.ip, () => parentPort.postMessage('ready'));
  `;
  const worker = new Worker(source, { eval: true, workerData: { ip, port } });
  return new Promise((resolve) => worker.once('message', () => resolve(worker)));
}

describe('an SSDP search on a busy machine', () => {
  it('counts a reply to the second search that arrived while the loop was blocked past the window', async () => {
    const worker = await startResponder('127.95.7.20', 19000);
    try {
      const replies: string[] = [];
      // Window 200 ms: the second search goes out at 100 ms, its reply comes at about 140 ms while the loop is
      // held from 110 ms for 600 ms, so the window's end fires late with the reply received but not yet read.
      // Held in the check phase (as by I/O handling): the next turn starts with the expired timers.
      setTimeout(() => setImmediate(() => blockFor(600)), 110);
      await searchUnicast(['127.95.7.20'], 19000, 200, new AbortController().signal, (reply) => replies.push(reply.ip));
      expect(replies).toEqual(['127.95.7.20']);
    } finally {
      await worker.terminate();
    }
  });
});
