// A device's WS-Discovery responder: a Probe that asks for the device gets one ProbeMatches, sent from
// the device's own ADDR:3702 to the asking socket (SOAP-over-UDP), after the device's delay knob. Which
// Probes it hears is the device's `answers`: unicast ones to ADDR:3702, multicast ones to the group
// (joined on one interface only, inside a network namespace), or both.

import type dgram from 'node:dgram';
import { WSD_GROUP, WSD_PORT } from '../../protocols/wsd/constants.js';
import { parseProbe } from '../../protocols/wsd/probe.js';
import { wait } from '../../util/wait.js';
import type { PersonaContext, RunningPersona } from '../types.js';
import { bindMulticast, bindUdp, closeUdp } from '../udp.js';
import { personaLifetime } from '../wait.js';
import { probeAsksFor, probeMatchesFor, recordedTypes } from './messages.js';

export interface WsdResponderOptions {
  port?: number;
  /** Also hear multicast Probes, joined on this interface address only (network namespaces, never a real LAN). */
  multicastInterface?: string;
}

export async function startWsdResponder(ctx: PersonaContext, options: WsdResponderOptions = {}): Promise<RunningPersona> {
  const { device } = ctx;
  const spec = device.wsd;
  if (!spec) throw new Error(`device "${device.id}" has no wsd section to answer Probes with`);
  const port = options.port ?? WSD_PORT;
  const life = personaLifetime(ctx.signal);
  const types = spec.probeMatch !== undefined ? recordedTypes(spec.probeMatch) : spec.types;
  const multicast = spec.answers !== 'unicast' ? options.multicastInterface : undefined;
  // Bound even when it hears no unicast Probe: every answer leaves from the device's own address. Beside
  // another device's group socket (0.0.0.0:3702) it binds only when both reuse the port.
  const reuseAddr = options.multicastInterface !== undefined;
  const unicast: dgram.Socket = await bindUdp({ deviceId: device.id, protocol: 'wsd', address: device.address, port, reuseAddr });
  const sockets = [unicast];
  if (multicast) {
    try {
      sockets.push(await bindMulticast({ deviceId: device.id, protocol: 'wsd', group: WSD_GROUP, port, interfaceAddress: multicast }));
    } catch (error) {
      await closeUdp(unicast);
      throw error;
    }
  }

  async function answer(datagram: Buffer, rinfo: dgram.RemoteInfo): Promise<void> {
    if (device.knobs.silent) return;
    const probe = parseProbe(datagram);
    if (!probeAsksFor(probe, types)) return;
    if (!(await wait(device.knobs.delayMs, life.signal))) return;
    unicast.send(probeMatchesFor(spec!, probe.messageId, device.address), rinfo.port, rinfo.address, () => {});
  }
  const hear = (socket: dgram.Socket): void => {
    socket.on('message', (datagram, rinfo) => {
      answer(datagram, rinfo).catch(() => {}); // what is no Probe gets no answer, as on a real device
    });
  };

  for (const socket of sockets) socket.on('error', () => {}); // a send to a vanished asker is not the device's problem
  if (spec.answers !== 'multicast') hear(unicast);
  if (multicast) hear(sockets[1]!);
  return {
    served: [{ deviceId: device.id, address: device.address, protocol: 'wsd', port, transport: 'udp' }],
    async close() {
      life.end();
      await Promise.all(sockets.map(closeUdp));
    },
  };
}
