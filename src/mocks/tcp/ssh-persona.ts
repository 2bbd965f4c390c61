// SSH: an ssh2 server with the device's ident (e.g. dropbear_2019.78), password logins via tryLogin,
// and a shell that prints a prompt.

import type { Socket } from 'node:net';
import ssh2, { type Connection, type ServerChannel } from 'ssh2';
import type { PersonaContext, RunningPersona, TcpServiceSpec } from '../types.js';
import { openFrontDoor } from './front-door.js';
import { LineBuffer } from './line-buffer.js';
import { attemptLogin, serviceAccounts } from './login.js';
import { wait } from '../../util/wait.js';
import { runShellCommand, type ShellIdentity } from './shell-commands.js';

type SshSpec = Extract<TcpServiceSpec, { type: 'ssh' }>;

const shellPrompt = (who: ShellIdentity) => (who.username === 'root' ? '# ' : '$ ');

function serveShell(channel: ServerChannel, who: ShellIdentity): void {
  const lines = new LineBuffer(1024);
  channel.write(`\r\n${shellPrompt(who)}`);
  channel.on('data', (chunk: Buffer) => {
    let commands: string[];
    try {
      commands = lines.push(chunk);
    } catch {
      return void channel.close();
    }
    for (const line of commands) {
      const result = runShellCommand(line, who);
      if (result.exit) {
        channel.exit(0);
        channel.end();
        return;
      }
      channel.write(`${result.output.replace(/\n/g, '\r\n')}${shellPrompt(who)}`);
    }
  });
}

function serveSessions(client: Connection, who: ShellIdentity): void {
  client.on('session', (acceptSession) => {
    const session = acceptSession();
    session.on('pty', (accept) => accept?.());
    session.on('env', (accept) => accept?.());
    session.on('shell', (accept) => serveShell(accept(), who));
    session.on('exec', (accept, _reject, info) => {
      const channel = accept();
      const result = runShellCommand(info.command, who);
      channel.write(result.output);
      channel.exit(0);
      channel.end();
    });
  });
}

/** ssh2's ed25519 generator now and then (about 1 in 500) emits a key its own parser refuses: draw again. */
export function generateHostKey(attempts = 8): string {
  for (let i = 0; i < attempts; i++) {
    const key = ssh2.utils.generateKeyPairSync('ed25519').private;
    if (!(ssh2.utils.parseKey(key) instanceof Error)) return key;
  }
  throw new Error(`could not generate a usable SSH host key in ${attempts} attempts`);
}

export function startSshPersona(ctx: PersonaContext, spec: SshSpec): Promise<RunningPersona> {
  const accounts = serviceAccounts(ctx, spec.accounts);
  // ssh2 writes "SSH-2.0-" itself; a fleet file gives the whole ident line, as the device sends it.
  const server = new ssh2.Server({ hostKeys: [generateHostKey()], ident: spec.ident.replace(/^SSH-2\.0-/, '') }, (client) => {
    const who: ShellIdentity = { username: '', hostname: ctx.device.hostname };
    client.on('error', () => {});
    client.on('authentication', (auth) => {
      if (auth.method !== 'password') return auth.reject(['publickey', 'password']);
      const outcome = attemptLogin(ctx, accounts, auth.username, auth.password);
      if (outcome === 'ok') {
        who.username = auth.username;
        return auth.accept();
      }
      // A refusal comes late, as sshd's does behind PAM's fail delay.
      void wait(ctx.device.knobs.failedLoginDelayMs, ctx.signal).then(() => {
        auth.reject(['publickey', 'password']);
        // Locked out: refuse and hang up instead of letting the client keep guessing.
        if (outcome === 'locked') setImmediate(() => client.end());
      });
    });
    client.on('ready', () => serveSessions(client, who));
  });
  server.on('error', () => {});

  return openFrontDoor(ctx, {
    protocol: 'ssh',
    port: spec.port,
    onConnection: (socket: Socket, signal) => {
      // ssh2 writes its own ident line; a slow device shows that line late.
      void wait(ctx.device.knobs.delayMs, signal).then((alive) => {
        if (alive && !socket.destroyed) server.injectSocket(socket);
        else socket.destroy();
      });
    },
  });
}
