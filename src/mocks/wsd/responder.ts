// A device's WS-Discovery responder: a Probe to ADDR:3702 that asks for the device gets one ProbeMatches,
// sent back to the asking socket (SOAP-over-UDP), after the device's delay knob.

import type dgram from 'node:dgram';
import { WSD_PORT } from '../../protocols/wsd/constants.js';
import { parseProbe } from '../../protocols/wsd/probe.js';
import { wait } from '../../util/wait.js';
import type { PersonaContext, RunningPersona } from '../types.js';
import { bindUdp, closeUdp } from '../udp.js';
import { personaLifetime } from '../wait.js';
import { probeAsksFor, probeMatchesFor, recordedTypes } from './messages.js';

export async function startWsdResponder(ctx: PersonaContext, port = WSD_PORT): Promise<RunningPersona> {
  const { device } = ctx;
  const spec = device.wsd;
  if (!spec) throw new Error(`device "${device.id}" has no wsd section to answer Probes with`);
  const life = personaLifetime(ctx.signal);
  const types = spec.probeMatch !== undefined ? recordedTypes(spec.probeMatch) : spec.types;
  const socket: dgram.Socket = await bindUdp({ deviceId: device.id, protocol: 'wsd', address: device.address, port });

  async function answer(datagram: Buffer, rinfo: dgram.RemoteInfo): Promise<void> {
    if (device.knobs.silent) return;
    const probe = parseProbe(datagram);
    if (!probeAsksFor(probe, types)) return;
    if (!(await wait(device.knobs.delayMs, life.signal))) return;
    socket.send(probeMatchesFor(spec!, probe.messageId, device.address), rinfo.port, rinfo.address, () => {});
  }

  socket.on('error', () => {}); // a send to a vanished asker is not the device's problem
  socket.on('message', (datagram, rinfo) => {
    answer(datagram, rinfo).catch(() => {}); // what is no Probe gets no answer, as on a real device
  });
  return {
    served: [{ deviceId: device.id, address: device.address, protocol: 'wsd', port, transport: 'udp' }],
    async close() {
      life.end();
      await closeUdp(socket);
    },
  };
}
