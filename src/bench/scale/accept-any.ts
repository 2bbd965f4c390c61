// Run inside a network namespace of its own: every sweep port on 0.0.0.0 accepts every connection and
// never says a word, so each of the namespace's 127/8 addresses is a host with every port open and silent.
// Prints "ready" once listening; stops on SIGTERM.

import net from 'node:net';
import { SWEEP_PORTS } from '../../discovery/ports.js';

const sockets = new Set<net.Socket>();
const servers = SWEEP_PORTS.map(({ port }) => {
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    socket.resume(); // read and drop whatever the scan sends
  });
  server.maxConnections = 100_000;
  return new Promise<net.Server>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: '0.0.0.0', backlog: 4096 }, () => resolve(server));
  });
});

Promise.all(servers).then(
  (listening) => {
    process.stdout.write(`ready ${listening.length} ports\n`);
    process.once('SIGTERM', () => {
      for (const socket of sockets) socket.destroy();
      for (const server of listening) server.close();
      process.exit(0);
    });
  },
  (error: unknown) => {
    process.stderr.write(`accept-any: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
