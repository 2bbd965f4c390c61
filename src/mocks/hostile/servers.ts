// Small raw servers for the hostile personas: UDP answerers, HTTP handlers and plain TCP, each
// returning its own closer, so a persona is a few lines saying only what it does wrong.

import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';

export type Closer = () => Promise<void>;

export async function udpAnswerer(address: string, port: number, answer: (query: Buffer) => Buffer[]): Promise<Closer> {
  const socket = dgram.createSocket('udp4');
  socket.on('error', () => {});
  socket.on('message', (message, peer) => {
    for (const reply of answer(message)) socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(port, address, resolve));
  return () => new Promise((resolve) => socket.close(() => resolve()));
}

export async function httpServer(address: string, port: number, handler: http.RequestListener): Promise<Closer> {
  const server = http.createServer(handler);
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(port, address, resolve));
  return () => new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

export async function tcpServer(address: string, port: number, onSocket: (socket: net.Socket) => void): Promise<Closer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(port, address, resolve));
  return () => new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.close(() => resolve());
  });
}

/** Writes `next()` chunks as fast as the peer reads, until it returns null or the socket closes. */
export function pump(socket: NodeJS.WritableStream & { destroyed: boolean }, next: () => Buffer | null): void {
  const go = (): void => {
    for (;;) {
      if (socket.destroyed) return;
      const chunk = next();
      if (chunk === null) return;
      if (!socket.write(chunk)) return void socket.once('drain', go);
    }
  };
  go();
}

/** Calls `tick` every `ms` until the socket closes. */
export function every(ms: number, socket: { destroyed: boolean }, tick: () => void): void {
  const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : tick()), ms);
  timer.unref();
}

export const ssdpReply = (location: string, server = 'Linux UPnP/1.0'): Buffer =>
  Buffer.from(`HTTP/1.1 200 OK\r\nST: upnp:rootdevice\r\nUSN: uuid:1::upnp:rootdevice\r\nSERVER: ${server}\r\nLOCATION: ${location}\r\n\r\n`);

export function description(fields: Record<string, string>, services = ''): string {
  const inner = Object.entries(fields).map(([k, v]) => `<${k}>${v}</${k}>`).join('');
  return `<?xml version="1.0"?><root xmlns="urn:schemas-upnp-org:device-1-0"><device>${inner}${services}</device></root>`;
}
