// Telnet like BusyBox telnetd: option negotiation, banner, login/password, a shell prompt, 3 tries.

import type { Socket } from 'node:net';
import type { PersonaContext, RunningPersona, TcpServiceSpec } from '../types.js';
import { openFrontDoor } from './front-door.js';
import { LineBuffer } from './line-buffer.js';
import { attemptLogin, serviceAccounts } from './login.js';
import { orderedSender } from './pacing.js';
import { wait } from '../../util/wait.js';
import { runShellCommand } from './shell-commands.js';
import { OPENING_NEGOTIATION, TelnetCommandStripper } from '../../protocols/telnet/negotiation.js';

type TelnetSpec = Extract<TcpServiceSpec, { type: 'telnet' }>;

/** telnetd's login gives up after this many wrong passwords. */
export const TELNET_MAX_FAILED_LOGINS = 3;

function serveTelnet(ctx: PersonaContext, spec: TelnetSpec, socket: Socket, signal: AbortSignal): void {
  const accounts = serviceAccounts(ctx, spec.accounts);
  const stripper = new TelnetCommandStripper();
  const lines = new LineBuffer(1024);
  const banner = spec.banner.endsWith('\n') ? spec.banner : `${spec.banner}\r\n`;
  const loginPrompt = spec.loginPrompt ?? `${ctx.device.hostname} login: `;
  let stage: 'username' | 'password' | 'shell' = 'username';
  let username = '';
  let failures = 0;
  const answer = orderedSender(socket, ctx.device.knobs, signal);
  answer(Buffer.concat([OPENING_NEGOTIATION, Buffer.from(`${banner}${loginPrompt}`)]));

  const onLine = (line: string) => {
    if (stage === 'username') {
      username = line.trim();
      if (!username) return answer(loginPrompt);
      stage = 'password';
      return answer(`${username}\r\nPassword: `);
    }
    if (stage === 'password') {
      stage = 'username';
      const outcome = attemptLogin(ctx, accounts, username, line);
      if (outcome === 'locked') {
        return answer('\r\nToo many failed login attempts, try again later\r\n', () => socket.end());
      }
      if (outcome === 'ok') {
        stage = 'shell';
        return answer(`\r\n\r\nBusyBox built-in shell (ash)\r\n\r\n${spec.prompt}`);
      }
      failures += 1;
      // busybox login pauses before "Login incorrect", as PAM's fail delay does.
      answer('', () => wait(ctx.device.knobs.failedLoginDelayMs, signal));
      if (failures >= TELNET_MAX_FAILED_LOGINS) return answer('\r\nLogin incorrect\r\n', () => socket.end());
      return answer(`\r\nLogin incorrect\r\n${loginPrompt}`);
    }
    const result = runShellCommand(line, { username, hostname: ctx.device.hostname });
    if (result.exit) return answer(`${line}\r\n`, () => socket.end());
    answer(`${line}\r\n${result.output.replace(/\n/g, '\r\n')}${spec.prompt}`);
  };

  socket.on('data', (chunk: Buffer) => {
    try {
      for (const line of lines.push(stripper.strip(chunk))) onLine(line);
    } catch {
      socket.destroy();
    }
  });
  socket.on('end', () => socket.end());
}

export function startTelnetPersona(ctx: PersonaContext, spec: TelnetSpec): Promise<RunningPersona> {
  return openFrontDoor(ctx, {
    protocol: 'telnet',
    port: spec.port,
    onConnection: (socket, signal) => serveTelnet(ctx, spec, socket, signal),
  });
}
