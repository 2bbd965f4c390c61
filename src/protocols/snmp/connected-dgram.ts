// A UDP socket for net-snmp that is connected to the one agent it asks: the kernel then reports an
// ICMP port unreachable (no agent on that address) as ECONNREFUSED, so "nobody listens" is told
// apart from a silence (a busy agent, a lost datagram, a firewall), as nmap's UDP scan does.

import dgram from 'node:dgram';

type SendCallback = (error: Error | null, bytes?: number) => void;
/** How net-snmp calls send: buffer, offset, length, port, address, callback. */
type NetSnmpSend = (buffer: Buffer, offset: number, length: number, port: unknown, address: unknown, callback: SendCallback) => void;

/** Errors a connected socket gets back from the network: no agent there, or no host. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/** A dgram module whose sockets send only to ip:port; onUnreachable hears the network say no. */
export function connectedDgram(ip: string, port: number, onUnreachable: (code: string) => void): { createSocket(type: dgram.SocketType): dgram.Socket } {
  return {
    createSocket(type) {
      const socket = dgram.createSocket(type);
      const waiting: Array<() => void> = [];
      let connected = false;
      socket.connect(port, ip, () => {
        connected = true;
        for (const send of waiting.splice(0)) send();
      });
      socket.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code && UNREACHABLE.has(error.code)) onUnreachable(error.code);
      });
      const sendConnected = socket.send.bind(socket) as (buffer: Buffer, offset: number, length: number, callback: SendCallback) => void;
      // net-snmp names the address with every datagram; a connected socket refuses that, so it is dropped here.
      (socket as unknown as { send: NetSnmpSend }).send = (buffer: Buffer, offset: number, length: number, _port: unknown, _address: unknown, callback: SendCallback) => {
        const send = () => {
          try {
            sendConnected(buffer, offset, length, callback);
          } catch (error) {
            callback(error as Error);
          }
        };
        if (connected) send();
        else waiting.push(send);
      };
      return socket;
    },
  };
}
