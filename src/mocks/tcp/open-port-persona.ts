// A port that only accepts (RDP, ADB, SMB, Tuya, …): an optional banner, then silence until the peer leaves.

import type { PersonaContext, RunningPersona, TcpServiceSpec } from '../types.js';
import { openFrontDoor } from './front-door.js';
import { sendAnswer } from './pacing.js';

type OpenPortSpec = Extract<TcpServiceSpec, { type: 'open' }>;

export function startOpenPortPersona(ctx: PersonaContext, spec: OpenPortSpec): Promise<RunningPersona> {
  return openFrontDoor(ctx, {
    protocol: 'open',
    port: spec.port,
    onConnection: (socket, signal) => {
      socket.resume(); // whatever the peer sends is read and dropped
      socket.on('end', () => socket.end());
      if (spec.banner) void sendAnswer(socket, spec.banner, ctx.device.knobs, signal);
    },
  });
}
