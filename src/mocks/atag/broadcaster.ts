// The ATAG One persona: broadcasts "ONE <device id> (<suffix>)" to udp/11000 from the device's address, at
// start and then every intervalMs, as pyatag's discovery.py expects to hear it (protocols/atag/announce.ts).
// The persona is ours: no recording of a real broadcast is public (pyatag and Home Assistant mask the id), and
// how often a real thermostat sends it is not documented. On loopback it goes to 127.255.255.255 (the kernel
// hands it to every socket bound to the port, as a LAN broadcast would); elsewhere to 255.255.255.255.

import { bindUdp, closeUdp } from '../udp.js';
import type { PersonaContext, RunningPersona } from '../types.js';

export function atagBroadcastText(spec: { product: string; deviceId: string; suffix?: string }): string {
  return `${spec.product} ${spec.deviceId}${spec.suffix === undefined ? '' : ` (${spec.suffix})`}`;
}

export async function startAtagBroadcaster(ctx: PersonaContext): Promise<RunningPersona> {
  const { device } = ctx;
  const spec = device.atag!;
  const socket = await bindUdp({ deviceId: device.id, protocol: 'atag', address: device.address, port: 0 });
  socket.setBroadcast(true);
  const to = device.address.startsWith('127.') ? '127.255.255.255' : '255.255.255.255';
  const payload = Buffer.from(atagBroadcastText(spec), 'ascii');
  // A send error (no route in a namespace without one) is not the fleet's failure: the next tick tries again.
  const send = () => {
    if (!device.knobs.silent && !ctx.signal.aborted) socket.send(payload, spec.port, to, () => {});
  };
  send();
  const timer = setInterval(send, spec.intervalMs);
  return {
    served: [{ deviceId: device.id, address: device.address, protocol: 'atag', port: spec.port, transport: 'udp' }],
    async close() {
      clearInterval(timer);
      await closeUdp(socket);
    },
  };
}
