// FTP like a small vsftpd: banner, USER/PASS through tryLogin, anonymous when allowed, PASV/EPSV + LIST.

import type { Socket } from 'node:net';
import type { Account, PersonaContext, RunningPersona, TcpServiceSpec } from '../types.js';
import { openFrontDoor } from './front-door.js';
import { PassiveChannel } from './ftp-passive.js';
import { LineBuffer } from './line-buffer.js';
import { attemptLogin, serviceAccounts } from './login.js';
import { orderedSender } from './pacing.js';
import { wait } from '../../util/wait.js';

type FtpSpec = Extract<TcpServiceSpec, { type: 'ftp' }>;

/** vsftpd's default max_login_fails: the control connection closes after this many. */
export const FTP_MAX_FAILED_LOGINS = 3;
const ANONYMOUS_USERS = new Set(['anonymous', 'ftp']);
const LISTING =
  'drwxr-xr-x    2 0        0            4096 Jan 12  2024 pub\r\n' +
  '-rw-r--r--    1 0        0             231 Jan 12  2024 readme.txt\r\n';
const FEATURES = '211-Features:\r\n EPSV\r\n PASV\r\n SIZE\r\n UTF8\r\n211 End\r\n';

function greeting(banner: string): string {
  const line = /^\d{3}[ -]/.test(banner) ? banner : `220 ${banner}`;
  return line.endsWith('\r\n') ? line : `${line.replace(/\n$/, '')}\r\n`;
}

function serveFtp(
  ctx: PersonaContext,
  spec: FtpSpec,
  socket: Socket,
  signal: AbortSignal,
  channels: Set<PassiveChannel>,
): void {
  const accounts = serviceAccounts(ctx, spec.accounts);
  const reply = orderedSender(socket, ctx.device.knobs, signal);
  const lines = new LineBuffer(1024);
  let pendingUser: string | undefined;
  let loggedIn = false;
  let failures = 0;
  let passive: PassiveChannel | undefined;

  const dropPassive = async () => {
    const channel = passive;
    passive = undefined;
    if (channel) {
      channels.delete(channel);
      await channel.close();
    }
  };
  socket.on('close', () => void dropPassive());

  const login = (password: string) => {
    const username = pendingUser ?? '';
    pendingUser = undefined;
    // An allowed anonymous login is an account like any other, so counters and lock-out still apply.
    const anonymous: Account[] = spec.anonymous && ANONYMOUS_USERS.has(username) ? [{ username, password }] : [];
    const outcome = attemptLogin(ctx, [...accounts, ...anonymous], username, password);
    if (outcome === 'ok') {
      loggedIn = true;
      return reply('230 Login successful.\r\n');
    }
    if (outcome === 'locked') return reply('421 Too many login failures, try again later.\r\n', () => void socket.end());
    failures += 1;
    // vsftpd answers a wrong password only after PAM's fail delay and its own delay_failed_login.
    reply('', () => wait(ctx.device.knobs.failedLoginDelayMs, signal));
    if (failures >= FTP_MAX_FAILED_LOGINS) return reply('530 Login incorrect.\r\n', () => void socket.end());
    reply('530 Login incorrect.\r\n');
  };

  const openPassive = async (extended: boolean) => {
    await dropPassive();
    const channel = await PassiveChannel.open(ctx.device.address, signal);
    passive = channel;
    channels.add(channel);
    const port = channel.port;
    if (extended) return reply(`229 Entering Extended Passive Mode (|||${port}|)\r\n`);
    const hostPart = ctx.device.address.split('.').join(',');
    reply(`227 Entering Passive Mode (${hostPart},${Math.floor(port / 256)},${port % 256}).\r\n`);
  };

  const list = async (names: boolean) => {
    const channel = passive;
    if (!channel) return reply('425 Use PORT or PASV first.\r\n');
    reply('150 Here comes the directory listing.\r\n', async () => {
      const text = names ? 'pub\r\nreadme.txt\r\n' : LISTING;
      const sent = await channel.send(text);
      await dropPassive();
      reply(sent ? '226 Directory send OK.\r\n' : '425 Failed to establish connection.\r\n');
    });
  };

  const onCommand = async (line: string) => {
    const space = line.indexOf(' ');
    const verb = (space < 0 ? line : line.slice(0, space)).toUpperCase();
    const argument = space < 0 ? '' : line.slice(space + 1);
    if (verb === 'QUIT') return reply('221 Goodbye.\r\n', () => void socket.end());
    if (verb === 'USER') {
      if (loggedIn) return reply('530 Can\'t change to another user.\r\n');
      pendingUser = argument;
      return reply('331 Please specify the password.\r\n');
    }
    if (verb === 'PASS') {
      if (loggedIn) return reply('230 Already logged in.\r\n');
      if (pendingUser === undefined) return reply('503 Login with USER first.\r\n');
      return login(argument);
    }
    if (verb === 'FEAT') return reply(FEATURES);
    if (verb === 'NOOP') return reply('200 NOOP ok.\r\n');
    if (!loggedIn) return reply('530 Please login with USER and PASS.\r\n');
    switch (verb) {
      case 'SYST':
        return reply('215 UNIX Type: L8\r\n');
      case 'PWD':
      case 'XPWD':
        return reply('257 "/" is the current directory\r\n');
      case 'CWD':
      case 'CDUP':
        return reply('250 Directory successfully changed.\r\n');
      case 'TYPE':
        return reply(argument.toUpperCase().startsWith('A') ? '200 Switching to ASCII mode.\r\n' : '200 Switching to Binary mode.\r\n');
      case 'STRU':
        return reply('200 Structure set to F.\r\n');
      case 'OPTS':
        return reply(argument.toUpperCase().startsWith('UTF8') ? '200 Always in UTF8 mode.\r\n' : '501 Option not understood.\r\n');
      case 'PASV':
        return openPassive(false);
      case 'EPSV':
        return openPassive(true);
      case 'PORT':
      case 'EPRT':
        // A mock never opens connections outward.
        return reply('500 Illegal PORT command.\r\n');
      case 'LIST':
        return list(false);
      case 'NLST':
        return list(true);
      case 'SIZE':
        return reply('550 Could not get file size.\r\n');
      case 'RETR':
      case 'STOR':
        return reply('550 Permission denied.\r\n');
      default:
        return reply('500 Unknown command.\r\n');
    }
  };

  reply(greeting(spec.banner));
  socket.on('data', (chunk: Buffer) => {
    let commands: string[];
    try {
      commands = lines.push(chunk);
    } catch {
      return void socket.destroy();
    }
    for (const command of commands) onCommand(command).catch(() => socket.destroy());
  });
  socket.on('end', () => socket.end());
}

export function startFtpPersona(ctx: PersonaContext, spec: FtpSpec): Promise<RunningPersona> {
  const channels = new Set<PassiveChannel>();
  return openFrontDoor(ctx, {
    protocol: 'ftp',
    port: spec.port,
    onConnection: (socket, signal) => serveFtp(ctx, spec, socket, signal, channels),
    onClose: async () => {
      await Promise.all([...channels].map((channel) => channel.close()));
      channels.clear();
    },
  });
}
