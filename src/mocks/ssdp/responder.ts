// A device's SSDP responder: unicast M-SEARCH on ADDR:1900 gets one reply per matching ST, after a
// short random spread like real devices (capped, so scans stay fast); optionally also the multicast
// group on one interface.

import type dgram from 'node:dgram';
import type { PersonaContext, RunningPersona } from '../types.js';
import { bindMulticast, bindUdp, closeUdp } from '../udp.js';
import { wait } from '../../util/wait.js';
import { personaLifetime } from '../wait.js';
import { SSDP_GROUP, SSDP_PORT } from '../../protocols/ssdp/constants.js';
import { parseMSearch } from '../../protocols/ssdp/msearch.js';
import { upnpDescriptionUrl } from '../upnp/http-server.js';
import { matchingTargets, searchReply } from './messages.js';
/** Real devices spread replies over MX seconds; a mock caps the spread so scans are not slowed. */
const MAX_SPREAD_MS = 150;

export interface SsdpResponderOptions {
  /** Also answer multicast M-SEARCH, joined on this interface address only (network namespaces). */
  multicastInterface?: string;
  random?: () => number;
}

export async function startSsdpResponder(ctx: PersonaContext, options: SsdpResponderOptions = {}): Promise<RunningPersona> {
  const { device } = ctx;
  const spec = device.ssdp;
  if (!spec) throw new Error(`device "${device.id}" has no ssdp section to answer M-SEARCH with`);
  const random = options.random ?? Math.random;
  const life = personaLifetime(ctx.signal);
  const multicast = options.multicastInterface;
  const unicast = await bindUdp({ deviceId: device.id, protocol: 'ssdp', address: device.address, port: SSDP_PORT, reuseAddr: Boolean(multicast) });
  const sockets: dgram.Socket[] = [unicast];
  if (multicast) {
    try {
      sockets.push(await bindMulticast({ deviceId: device.id, protocol: 'ssdp', group: SSDP_GROUP, port: SSDP_PORT, interfaceAddress: multicast }));
    } catch (error) {
      await closeUdp(unicast);
      throw error;
    }
  }

  async function answer(socket: dgram.Socket, datagram: Buffer, rinfo: dgram.RemoteInfo): Promise<void> {
    if (device.knobs.silent) return;
    const search = parseMSearch(datagram);
    if (!search) return;
    const targets = matchingTargets(spec!, search.st);
    if (targets.length === 0) return;
    const spread = search.mx ? random() * Math.min(search.mx * 1000, MAX_SPREAD_MS) : 0;
    if (!(await wait(device.knobs.delayMs + spread, life.signal))) return;
    for (const target of targets) {
      if (life.signal.aborted) return;
      socket.send(searchReply(spec!, upnpDescriptionUrl(device.address, spec!, target.path), target, new Date(), device.address), rinfo.port, rinfo.address, () => {});
    }
  }

  for (const socket of sockets) {
    socket.on('error', () => {}); // a send to a vanished asker is not the device's problem
    socket.on('message', (datagram, rinfo) => {
      answer(socket, datagram, rinfo).catch(() => {}); // a reply that cannot be sent is dropped
    });
  }

  return {
    served: [{ deviceId: device.id, address: device.address, protocol: 'ssdp', port: SSDP_PORT, transport: 'udp' }],
    async close() {
      life.end();
      await Promise.all(sockets.map(closeUdp));
    },
  };
}
