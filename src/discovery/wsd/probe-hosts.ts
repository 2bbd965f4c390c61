// Sends WS-Discovery Probes and listens for the ProbeMatches, which come back unicast to the asking socket.
// Unicast: every host's udp/3702, 32 hosts to a socket; halfway through the window the hosts that have not
// answered are asked again from fresh sockets (a reply lost in a burst gets a second chance), as the SSDP
// search does. Multicast: the group, from a socket bound to one in-scope interface's address, TTL 1, so the
// Probe leaves by that interface only and stays on its link. Every wait is the window's, and abortable; a
// window's end is decided one loop turn later, after the replies already received are read.

import dgram from 'node:dgram';
import type { MulticastInterface } from '../../model.js';
import { buildProbe } from '../../protocols/wsd/index.js';
import { WSD_GROUP } from '../../protocols/wsd/constants.js';
import { wait } from '../../util/wait.js';

/**
 * What each host is asked: any type (a Probe without Types matches every device, WS-Discovery 5.1),
 * Devices Profile devices (Windows, Samba's wsdd and printers answer only a Probe for wsdp:Device), and
 * ONVIF video transmitters (cameras that answer only their own type, ONVIF Core 7.3.2.2).
 */
export const PROBE_TYPES: readonly string[][] = [[], ['wsdp:Device'], ['dn:NetworkVideoTransmitter']];

export type OnDatagram = (ip: string, datagram: Buffer) => void;

async function openSocket(onMessage: OnDatagram, address?: string): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  socket.on('error', () => {}); // ICMP errors for absent hosts say nothing useful here
  socket.on('message', (message, rinfo) => onMessage(rinfo.address, message));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, address, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return socket;
}

function afterPendingIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Hosts asked from one socket. A Probe to an address whose neighbour entry is not resolved waits in the
 * kernel, charged to the socket's send buffer (about 212 KB by default), until ARP gives up some 3 s later:
 * three Probes to each of a /24's absent hosts from one socket filled it and held every later send for
 * rounds of 3 s (a namespace LAN scan took over 20 s). 32 hosts' Probes fit one buffer with room to spare.
 */
export const HOSTS_PER_SOCKET = 32;

/** One Probe per PROBE_TYPES entry to host:port, not awaited: the listening window runs meanwhile. */
function sendProbes(socket: dgram.Socket, host: string, port: number, onProbeId: (id: string) => void): void {
  for (const types of PROBE_TYPES) {
    const { messageId, datagram } = buildProbe({ types });
    onProbeId(messageId);
    socket.send(datagram, port, host, () => {}); // a Probe the kernel could not send is a silence, as a lost one is
  }
}

export async function probeUnicast(
  hosts: readonly string[],
  port: number,
  waitMs: number,
  signal: AbortSignal,
  onProbeId: (id: string) => void,
  onDatagram: OnDatagram,
  answered: (ip: string) => boolean,
): Promise<void> {
  const inScope = new Set(hosts);
  const receive: OnDatagram = (ip, datagram) => {
    if (inScope.has(ip)) onDatagram(ip, datagram);
  };
  const sockets: dgram.Socket[] = [];
  // Every round from fresh sockets: a flood answering the first keeps filling the first sockets' buffers.
  const ask = async (to: readonly string[]) => {
    for (let i = 0; i < to.length && !signal.aborted; i += HOSTS_PER_SOCKET) {
      const socket = await openSocket(receive);
      sockets.push(socket);
      for (const host of to.slice(i, i + HOSTS_PER_SOCKET)) sendProbes(socket, host, port, onProbeId);
    }
  };
  try {
    await ask(hosts);
    await wait(waitMs / 2, signal);
    await afterPendingIo();
    const silent = hosts.filter((host) => !answered(host));
    if (silent.length > 0 && !signal.aborted) await ask(silent);
    await wait(waitMs / 2, signal);
    await afterPendingIo();
  } finally {
    for (const socket of sockets) socket.close();
  }
}

export async function probeMulticast(
  iface: MulticastInterface,
  port: number,
  listenMs: number,
  inScope: (ip: string) => boolean,
  signal: AbortSignal,
  onProbeId: (id: string) => void,
  onDatagram: OnDatagram,
): Promise<void> {
  // Bound to the interface address, the kernel sends the group traffic out of that interface only.
  const socket = await openSocket((ip, datagram) => {
    if (inScope(ip)) onDatagram(ip, datagram);
  }, iface.address);
  try {
    socket.setMulticastInterface(iface.address);
    socket.setMulticastTTL(1); // WS-Discovery stays on the link (SOAP-over-UDP multicast), never routed
    socket.setMulticastLoopback(false);
    if (!signal.aborted) sendProbes(socket, WSD_GROUP, port, onProbeId);
    await wait(listenMs, signal);
    await afterPendingIo();
  } finally {
    socket.close();
  }
}
