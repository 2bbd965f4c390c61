// VNC (RFB 3.8 / 3.3): version handshake, then "None" or a VNC-auth challenge decided through tryLogin.

import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import type { PersonaContext, RunningPersona, TcpServiceSpec } from '../types.js';
import { openFrontDoor } from './front-door.js';
import { attemptLogin, serviceAccounts } from './login.js';
import { sendAnswer } from './pacing.js';

type VncSpec = Extract<TcpServiceSpec, { type: 'vnc' }>;

const SECURITY_NONE = 1;
const SECURITY_VNC_AUTH = 2;
const FRAMEBUFFER = { width: 1280, height: 720 };

function versionLine(version: string | undefined): string {
  const digits = (version ?? '003.008').replace(/^RFB\s*/i, '').trim();
  return `RFB ${digits}\n`;
}

const u32 = (value: number): Buffer => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
};

const withReason = (reason: string): Buffer => Buffer.concat([u32(reason.length), Buffer.from(reason, 'latin1')]);

/** ServerInit: size, a 32-bit true-colour pixel format, and the desktop name. */
function serverInit(name: string): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16BE(FRAMEBUFFER.width, 0);
  head.writeUInt16BE(FRAMEBUFFER.height, 2);
  const pixelFormat = Buffer.from([32, 24, 0, 1, 0, 255, 0, 255, 0, 255, 16, 8, 0, 0, 0, 0]);
  return Buffer.concat([head, pixelFormat, withReason(name)]);
}

/** Reads exactly n bytes from the socket, in order, however they arrive. */
function byteReader(socket: Socket) {
  let buffered = Buffer.alloc(0);
  let waiting: { size: number; resolve: (bytes: Buffer) => void } | undefined;
  const deliver = () => {
    if (waiting && buffered.length >= waiting.size) {
      const { size, resolve } = waiting;
      waiting = undefined;
      const bytes = buffered.subarray(0, size);
      buffered = buffered.subarray(size);
      resolve(bytes);
    }
  };
  socket.on('data', (chunk: Buffer) => {
    // A peer that talks far ahead of the handshake is not a VNC client.
    if (buffered.length > 4096) return void socket.destroy();
    buffered = Buffer.concat([buffered, chunk]);
    deliver();
  });
  return (size: number) =>
    new Promise<Buffer>((resolve, reject) => {
      waiting = { size, resolve };
      socket.once('close', () => reject(new Error('closed')));
      deliver();
    });
}

async function handshake(ctx: PersonaContext, spec: VncSpec, socket: Socket, signal: AbortSignal): Promise<void> {
  const { knobs } = ctx.device;
  const send = (data: Buffer | string) => sendAnswer(socket, data, knobs, signal);
  const read = byteReader(socket);
  if (!(await send(versionLine(spec.version)))) return;
  const clientVersion = (await read(12)).toString('latin1');
  const legacy = clientVersion.startsWith('RFB 003.003');
  const offered = spec.noAuth ? SECURITY_NONE : SECURITY_VNC_AUTH;

  if (legacy) {
    if (!(await send(u32(offered)))) return;
  } else {
    if (!(await send(Buffer.from([1, offered])))) return;
    const chosen = (await read(1))[0];
    if (chosen !== offered) {
      await send(Buffer.concat([u32(1), withReason('Security type not supported')]));
      return void socket.end();
    }
  }

  if (offered === SECURITY_VNC_AUTH) {
    if (!(await send(randomBytes(16)))) return;
    await read(16);
    // The DES answer is not checked: no account password can be proven, so only accept-any lets it in.
    const outcome = attemptLogin(ctx, serviceAccounts(ctx), '', undefined);
    if (outcome !== 'ok') {
      const reason = outcome === 'locked' ? 'Too many authentication failures' : 'Authentication failed';
      await send(legacy ? u32(1) : Buffer.concat([u32(1), withReason(reason)]));
      return void socket.end();
    }
    if (!(await send(u32(0)))) return;
  } else if (!legacy) {
    if (!(await send(u32(0)))) return;
  }
  await read(1); // ClientInit (shared flag)
  if (!(await send(serverInit(ctx.device.hostname)))) return;
  // No frames are ever drawn: from here on the client's messages are read and dropped.
  socket.removeAllListeners('data');
  socket.resume();
}

export function startVncPersona(ctx: PersonaContext, spec: VncSpec): Promise<RunningPersona> {
  return openFrontDoor(ctx, {
    protocol: 'vnc',
    port: spec.port,
    onConnection: (socket, signal) => {
      handshake(ctx, spec, socket, signal).catch(() => socket.destroy());
    },
  });
}
