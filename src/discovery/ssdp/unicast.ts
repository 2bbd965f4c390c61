// Unicast M-SEARCH to every host's SSDP port from one socket, collecting replies for a short window.
// (node-ssdp cannot search one host: LIBRARIES.md.) Devices may answer from another port: replies are
// matched on the sender's address only. Halfway through the window the hosts that have not answered are
// asked once more: a reply lost in a burst (a flooding neighbour filling the socket's buffer) gets a second chance.

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
  const answered = new Set<string>();
  const socket = dgram.createSocket('udp4');
  socket.on('error', () => {}); // ICMP errors for absent hosts say nothing useful here
  socket.on('message', (message, rinfo) => {
    if (!inScope.has(rinfo.address)) return;
    const reply = parseSsdpReply(rinfo.address, message);
    if (!reply) return;
    answered.add(rinfo.address);
    onReply(reply);
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    const search = async (to: readonly string[]) => {
      for (const host of to) {
        if (signal.aborted) break;
        const message = buildMSearch(host, port);
        await new Promise<void>((resolve) => socket.send(message, port, host, () => resolve()));
      }
    };
    await search(hosts);
    await wait(waitMs / 2, signal);
    await search(hosts.filter((host) => !answered.has(host)));
    await wait(waitMs / 2, signal);
  } finally {
    socket.close();
  }
}
