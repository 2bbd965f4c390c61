// Unicast M-SEARCH to every host's SSDP port from one socket, collecting replies for a short window.
// (node-ssdp cannot search one host: LIBRARIES.md.) Devices may answer from another port: replies are
// matched on the sender's address only.

import dgram from 'node:dgram';
import { wait } from '../../util/wait.js';
import { buildMSearch, parseSsdpReply, type SsdpReply } from './reply.js';

export async function searchUnicast(
  hosts: readonly string[],
  port: number,
  waitMs: number,
  signal: AbortSignal,
  onReply: (reply: SsdpReply) => void,
): Promise<void> {
  const inScope = new Set(hosts);
  const socket = dgram.createSocket('udp4');
  socket.on('error', () => {}); // ICMP errors for absent hosts say nothing useful here
  socket.on('message', (message, rinfo) => {
    if (!inScope.has(rinfo.address)) return;
    const reply = parseSsdpReply(rinfo.address, message);
    if (reply) onReply(reply);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    for (const host of hosts) {
      if (signal.aborted) break;
      const message = buildMSearch(host, port);
      await new Promise<void>((resolve) => socket.send(message, port, host, () => resolve()));
    }
    await wait(waitMs, signal);
  } finally {
    socket.close();
  }
}
