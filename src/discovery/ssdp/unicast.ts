// Unicast M-SEARCH to every host's SSDP port from one socket, collecting replies for a short window.
// (node-ssdp cannot search one host: LIBRARIES.md.) Devices may answer from another port: replies are
// matched on the sender's address only. Halfway through the window the hosts that have not answered are
// asked once more from a second socket: a reply lost in a burst (a flooding neighbour filling the first
// socket's buffer) gets a second chance. A busy event loop runs an expired timer before the I/O that came
// in meanwhile: each half of the window ends one turn later, after the replies already received are read.

import dgram from 'node:dgram';
import { wait } from '../../util/wait.js';
import { buildMSearch } from '../../protocols/ssdp/msearch.js';
import { parseSsdpReply, type SsdpReply } from '../../protocols/ssdp/reply.js';

/** A socket on a fresh ephemeral port whose replies go to onMessage. */
async function openSocket(onMessage: (message: Buffer, rinfo: dgram.RemoteInfo) => void): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  socket.on('error', () => {}); // ICMP errors for absent hosts say nothing useful here
  socket.on('message', onMessage);
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return socket;
}

/** Resolves after the poll phase of this loop turn: datagrams already received are read by then. */
function afterPendingIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export async function searchUnicast(
  hosts: readonly string[],
  port: number,
  waitMs: number,
  signal: AbortSignal,
  onReply: (reply: SsdpReply) => void,
): Promise<void> {
  const inScope = new Set(hosts);
  const answered = new Set<string>();
  const receive = (message: Buffer, rinfo: dgram.RemoteInfo) => {
    if (!inScope.has(rinfo.address)) return;
    const reply = parseSsdpReply(rinfo.address, message);
    if (!reply) return;
    answered.add(rinfo.address);
    onReply(reply);
  };
  const sockets: dgram.Socket[] = [];
  const search = async (socket: dgram.Socket, to: readonly string[]) => {
    for (const host of to) {
      if (signal.aborted) break;
      const message = buildMSearch(host, port);
      await new Promise<void>((resolve) => socket.send(message, port, host, () => resolve()));
    }
  };
  try {
    sockets.push(await openSocket(receive));
    await search(sockets[0]!, hosts);
    await wait(waitMs / 2, signal);
    await afterPendingIo();
    // From another port: a flood answering the first search keeps filling the first socket's buffer.
    const silent = hosts.filter((host) => !answered.has(host));
    if (silent.length > 0 && !signal.aborted) {
      sockets.push(await openSocket(receive));
      await search(sockets[1]!, silent);
    }
    await wait(waitMs / 2, signal);
    await afterPendingIo();
  } finally {
    for (const socket of sockets) socket.close();
  }
}
