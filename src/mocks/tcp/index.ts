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

type PersonaStarter<T extends TcpServiceSpec['type']> = (ctx: PersonaContext, spec: Extract<TcpServiceSpec, { type: T }>) => Promise<RunningPersona>;

/** The persona per service type; the mapped type makes a new type in TcpServiceSpec fail to compile until it has one. */
const PERSONAS: { [T in TcpServiceSpec['type']]: PersonaStarter<T> } = {
  http: startWebPersona,
  https: startWebPersona,
  telnet: startTelnetPersona,
  ssh: startSshPersona,
  ftp: startFtpPersona,
  mqtt: startMqttPersona,
  rtsp: startRtspPersona,
  vnc: startVncPersona,
  open: startOpenPortPersona,
};

/** Starts the server `spec` describes on ctx.device.address:spec.port; close() frees the port. */
export function startTcpService(ctx: PersonaContext, spec: TcpServiceSpec): Promise<RunningPersona> {
  const start = PERSONAS[spec.type] as PersonaStarter<TcpServiceSpec['type']>;
  return start(ctx, spec);
}
