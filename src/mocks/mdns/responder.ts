// A device's mDNS responder: legacy unicast queries on ADDR:5353 get their answer straight back, the
// way Avahi and mDNSResponder answer them; optionally also the multicast group on one interface.

import type dgram from 'node:dgram';
import makeMdns from 'multicast-dns';
import type { Packet } from 'dns-packet';
import type { PersonaContext, RunningPersona } from '../types.js';
import { bindMulticast, bindUdp, closeUdp } from '../udp.js';
import { wait } from '../../util/wait.js';
import { personaLifetime } from '../wait.js';
import { MDNS_GROUP, MDNS_PORT } from '../../protocols/mdns/constants.js';
import { answerMdnsQuestions, LEGACY_UNICAST_TTL, withTtl } from './records.js';

export interface MdnsResponderOptions {
  /** Also answer multicast queries, joined on this interface address only (network namespaces). */
  multicastInterface?: string;
}

export async function startMdnsResponder(ctx: PersonaContext, options: MdnsResponderOptions = {}): Promise<RunningPersona> {
  const { device } = ctx;
  const life = personaLifetime(ctx.signal);
  const multicast = options.multicastInterface;
  const unicast = await bindUdp({
    deviceId: device.id, protocol: 'mdns', address: device.address, port: MDNS_PORT, reuseAddr: Boolean(multicast),
  });
  const sockets: dgram.Socket[] = [unicast];
  if (multicast) {
    try {
      sockets.push(await bindMulticast({ deviceId: device.id, protocol: 'mdns', group: MDNS_GROUP, port: MDNS_PORT, interfaceAddress: multicast }));
    } catch (error) {
      await closeUdp(unicast);
      throw error;
    }
  }

  const endpoints = sockets.map((socket) => {
    const endpoint = makeMdns({ socket, bind: false, multicast: false });
    // A malformed packet is the sender's problem: never let it take the fleet down.
    endpoint.on('warning', () => {});
    endpoint.on('error', () => {});
    endpoint.on('query', (query: Packet, rinfo: dgram.RemoteInfo) => {
      answer(endpoint, query, rinfo, socket !== unicast).catch(() => {}); // a reply that cannot be sent is dropped
    });
    return endpoint;
  });

  async function answer(endpoint: makeMdns.MulticastDNS, query: Packet, rinfo: dgram.RemoteInfo, fromGroup: boolean): Promise<void> {
    if (device.knobs.silent) return;
    const reply = answerMdnsQuestions(device, query.questions ?? []);
    if (reply.answers.length === 0) return;
    if (!(await wait(device.knobs.delayMs, life.signal))) return;
    const legacy = rinfo.port !== MDNS_PORT;
    if (legacy) {
      // Legacy unicast: echo the id and the questions, short TTLs, straight back to the asker.
      endpoint.respond(
        { id: query.id ?? 0, questions: query.questions ?? [], answers: withTtl(reply.answers, LEGACY_UNICAST_TTL), additionals: withTtl(reply.additionals, LEGACY_UNICAST_TTL) },
        { address: rinfo.address, port: rinfo.port },
      );
    } else {
      const to = fromGroup ? { address: MDNS_GROUP, port: MDNS_PORT } : { address: rinfo.address, port: rinfo.port };
      endpoint.respond({ answers: reply.answers, additionals: reply.additionals }, to);
    }
  }

  return {
    served: [{ deviceId: device.id, address: device.address, protocol: 'mdns', port: MDNS_PORT, transport: 'udp' }],
    async close() {
      life.end();
      await Promise.all(endpoints.map((endpoint) => new Promise<void>((resolve) => endpoint.destroy(() => resolve()))));
    },
  };
}
