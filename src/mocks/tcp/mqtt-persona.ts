// MQTT: an aedes broker per device; anonymous connects as configured, credentials through tryLogin.

import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Aedes, type AuthenticateError } from 'aedes';
import type { PersonaContext, RunningPersona, TcpServiceSpec } from '../types.js';
import { openFrontDoor } from './front-door.js';
import { attemptLogin, serviceAccounts } from './login.js';
import { wait } from '../../util/wait.js';

// The packet writer aedes uses pre-builds 65,536 two-byte buffers (about 7 MB kept alive) on its first
// packet; a mock answers a few CONNECTs, so it builds the few numbers it writes instead. Resolved from
// aedes itself: the writer is its dependency, not ours.
(createRequire(fileURLToPath(import.meta.resolve('aedes')))('mqtt-packet') as { writeToStream: { cacheNumbers: boolean } }).writeToStream.cacheNumbers = false;

type MqttSpec = Extract<TcpServiceSpec, { type: 'mqtt' }>;

/** CONNACK return codes of MQTT 3.1.1 (section 3.2.2.3). */
export const CONNACK = { accepted: 0, badUsernameOrPassword: 4, notAuthorized: 5 } as const;

function refusal(returnCode: number, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

export async function startMqttPersona(ctx: PersonaContext, spec: MqttSpec): Promise<RunningPersona> {
  const accounts = serviceAccounts(ctx, spec.accounts);
  const broker = await Aedes.createBroker({
    id: `${ctx.device.id}-mqtt`,
    connectTimeout: 10_000,
    authenticate: (_client, username, password, done) => {
      if (username === undefined || username === '') {
        if (spec.anonymous) return done(null, true);
        return done(refusal(CONNACK.notAuthorized, 'anonymous connect refused'), false);
      }
      const outcome = attemptLogin(ctx, accounts, username, password?.toString('utf8') ?? '');
      if (outcome === 'ok') return done(null, true);
      if (outcome === 'locked') return done(refusal(CONNACK.notAuthorized, 'locked out'), false);
      done(refusal(CONNACK.badUsernameOrPassword, 'bad user name or password'), false);
    },
  });
  broker.on('clientError', () => {});
  broker.on('connectionError', () => {});

  try {
    return await openFrontDoor(ctx, {
      protocol: 'mqtt',
      port: spec.port,
      onConnection: (socket, signal) => {
        // aedes answers CONNACK itself; a slow device takes delayMs before it starts listening.
        void wait(ctx.device.knobs.delayMs, signal).then((alive) => {
          if (alive && !socket.destroyed) broker.handle(socket);
          else socket.destroy();
        });
      },
      onClose: () => new Promise<void>((resolve) => broker.close(() => resolve())),
    });
  } catch (error) {
    broker.close();
    throw error;
  }
}
