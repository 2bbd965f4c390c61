// A passive-mode data listener for one FTP transfer, on the device's own address.

import { createServer, type Server, type Socket } from 'node:net';

/** How long a client gets to open the data connection after PASV/EPSV. */
const DATA_CONNECT_WAIT_MS = 10_000;

export class PassiveChannel {
  private readonly server: Server;
  private connection: Socket | undefined;
  private readonly connected: Promise<Socket | undefined>;

  private constructor(server: Server, signal: AbortSignal) {
    this.server = server;
    this.connected = new Promise((resolve) => {
      const giveUp = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', giveUp);
        resolve(undefined);
      };
      const timer = setTimeout(giveUp, DATA_CONNECT_WAIT_MS);
      signal.addEventListener('abort', giveUp, { once: true });
      server.once('connection', (socket) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', giveUp);
        this.connection = socket;
        socket.on('error', () => socket.destroy());
        server.close(); // one transfer per PASV, as real servers do
        resolve(socket);
      });
    });
  }

  static open(host: string, signal: AbortSignal): Promise<PassiveChannel> {
    const server = createServer();
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host, port: 0 }, () => {
        server.off('error', reject);
        server.on('error', () => {});
        resolve(new PassiveChannel(server, signal));
      });
    });
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /** Sends the data and closes the connection; false when the client never connected. */
  async send(data: string): Promise<boolean> {
    const socket = await this.connected;
    if (!socket || socket.destroyed) return false;
    await new Promise<void>((resolve) => socket.end(data, () => resolve()));
    return true;
  }

  close(): Promise<void> {
    this.connection?.destroy();
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
    });
  }
}
