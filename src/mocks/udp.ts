// Binds the UDP sockets personas answer on, turning bind failures into errors that name the device.

import dgram from 'node:dgram';
import { MockBindError } from './errors.js';

export interface UdpBindRequest {
  deviceId: string;
  protocol: string;
  address: string;
  port: number;
  /** Only the shared multicast sockets reuse the port; per-device sockets must fail loudly on a clash. */
  reuseAddr?: boolean;
}

export function bindUdp(request: UdpBindRequest): Promise<dgram.Socket> {
  const socket = dgram.createSocket({ type: 'udp4', reuseAddr: request.reuseAddr ?? false });
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      const failure = new MockBindError(request.deviceId, request.protocol, request.address, request.port, { cause: error });
      // Reject only once the handle is gone, so a caller that cleans up leaves nothing behind.
      void closeUdp(socket).then(() => reject(failure));
    };
    socket.once('error', onError);
    socket.bind(request.port, request.address, () => {
      socket.off('error', onError);
      resolve(socket);
    });
  });
}

export function closeUdp(socket: dgram.Socket): Promise<void> {
  return new Promise((resolve) => {
    try {
      socket.close(() => resolve());
    } catch {
      resolve(); // already closed
    }
  });
}

export interface MulticastBindRequest {
  deviceId: string;
  protocol: string;
  group: string;
  port: number;
  /** The address of the one interface to join the group on (only ever a namespace's own interface). */
  interfaceAddress: string;
}

/** A wildcard socket that receives the group's traffic on one interface; shared by every device. */
export async function bindMulticast(request: MulticastBindRequest): Promise<dgram.Socket> {
  const socket = await bindUdp({
    deviceId: request.deviceId,
    protocol: `${request.protocol} (multicast)`,
    address: '0.0.0.0',
    port: request.port,
    reuseAddr: true,
  });
  try {
    socket.addMembership(request.group, request.interfaceAddress);
    socket.setMulticastInterface(request.interfaceAddress);
    socket.setMulticastTTL(255);
    socket.setMulticastLoopback(true);
  } catch (error) {
    await closeUdp(socket);
    throw new MockBindError(request.deviceId, `${request.protocol} (multicast ${request.group} on ${request.interfaceAddress})`, '0.0.0.0', request.port, { cause: error });
  }
  return socket;
}
