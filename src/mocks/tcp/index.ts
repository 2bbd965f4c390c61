// Entry point of the TCP personas: one call per `device.services` entry.

import type { PersonaContext, RunningPersona, TcpServiceSpec } from '../types.js';
import { startFtpPersona } from './ftp-persona.js';
import { startMqttPersona } from './mqtt-persona.js';
import { startOpenPortPersona } from './open-port-persona.js';
import { startRtspPersona } from './rtsp-persona.js';
import { startSshPersona } from './ssh-persona.js';
import { startTelnetPersona } from './telnet-persona.js';
import { startVncPersona } from './vnc-persona.js';
import { startWebPersona } from './web-persona.js';

export { MockServiceError } from './errors.js';

/** Starts the server `spec` describes on ctx.device.address:spec.port; close() frees the port. */
export async function startTcpService(ctx: PersonaContext, spec: TcpServiceSpec): Promise<RunningPersona> {
  switch (spec.type) {
    case 'http':
    case 'https':
      return startWebPersona(ctx, spec);
    case 'telnet':
      return startTelnetPersona(ctx, spec);
    case 'ssh':
      return startSshPersona(ctx, spec);
    case 'ftp':
      return startFtpPersona(ctx, spec);
    case 'mqtt':
      return startMqttPersona(ctx, spec);
    case 'rtsp':
      return startRtspPersona(ctx, spec);
    case 'vnc':
      return startVncPersona(ctx, spec);
    case 'open':
      return startOpenPortPersona(ctx, spec);
  }
}
