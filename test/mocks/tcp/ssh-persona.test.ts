import { connect } from 'node:net';
import ssh2 from 'ssh2';
import { afterEach, describe, expect, it } from 'vitest';
import type { TcpServiceSpec } from '../../../src/mocks/types.js';
import { FACTORY_ACCOUNT, personaStarter } from './persona-fixture.js';
import { generateHostKey } from '../../../src/mocks/tcp/ssh-persona.js';

// This file's loopback range: 127.79.4.0/24.
let nextHost = 1;
const nextAddress = () => `127.79.4.${nextHost++}`;
const personas = personaStarter();
afterEach(() => personas.closeAll());

const spec: TcpServiceSpec = { type: 'ssh', port: 2222, ident: 'dropbear_2019.78' };

function identLine(address: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port: 2222 });
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      const end = text.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(text.slice(0, end));
      }
    });
    socket.on('error', reject);
  });
}

/** Logs in with a password; resolves the client once ready, or the error that ended it. */
function login(address: string, username: string, password: string): Promise<ssh2.Client | Error> {
  return new Promise((resolve) => {
    const client = new ssh2.Client();
    client.on('ready', () => resolve(client));
    client.on('error', (error) => resolve(error));
    client.connect({ host: address, port: 2222, username, password, readyTimeout: 5000, tryKeyboard: false });
  });
}

function shellSession(client: ssh2.Client, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    client.shell((error, stream) => {
      if (error) return reject(error);
      let output = '';
      let typed = false;
      stream.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (!typed && output.includes('# ')) {
          typed = true;
          stream.write(input);
        }
      });
      stream.on('close', () => resolve(output));
    });
  });
}

describe('ssh persona', () => {
  it('announces the configured ident', async () => {
    const address = nextAddress();
    await personas.start(address, spec);
    expect(await identLine(address)).toBe('SSH-2.0-dropbear_2019.78');
  });

  it('lets the right password into a shell with a prompt that honours exit, and refuses a wrong one', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, { ...spec, accounts: [{ username: 'root', password: 'calvin' }] });
    const wrong = await login(address, 'root', 'not-it');
    expect(wrong).toBeInstanceOf(Error);
    expect(String(wrong)).toMatch(/authentication methods failed/i);

    const client = await login(address, 'root', 'calvin');
    expect(client).toBeInstanceOf(ssh2.Client);
    const session = client as ssh2.Client;
    const output = await shellSession(session, 'whoami\nexit\n');
    session.end();
    expect(output).toMatch(/# root\r\n# /);
    expect(ctx.state).toMatchObject({ loginAttempts: 2, successfulLogins: 1 });
  });

  it('uses the device accounts when the service has none, and accept-any when set', async () => {
    const address = nextAddress();
    await personas.start(address, spec);
    const device = await login(address, FACTORY_ACCOUNT.username, FACTORY_ACCOUNT.password);
    expect(device).toBeInstanceOf(ssh2.Client);
    (device as ssh2.Client).end();

    const trap = nextAddress();
    await personas.start(trap, spec, { acceptAnyPassword: true });
    const any = await login(trap, 'whoever', 'whatever');
    expect(any).toBeInstanceOf(ssh2.Client);
    (any as ssh2.Client).end();
  });

  it('refuses even the right password while locked out', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, spec, { lockoutAfter: 1 });
    expect(await login(address, 'admin', 'bad')).toBeInstanceOf(Error);
    expect(await login(address, FACTORY_ACCOUNT.username, FACTORY_ACCOUNT.password)).toBeInstanceOf(Error);
    expect(ctx.state.successfulLogins).toBe(0);
    expect(ctx.state.lockedUntil).toBeGreaterThan(Date.now());
  });
});

describe('SSH host keys', () => {
  it('are always keys ssh2 itself can parse (its generator sometimes emits one it cannot)', () => {
    for (let i = 0; i < 1500; i++) expect(ssh2.utils.parseKey(generateHostKey())).not.toBeInstanceOf(Error);
  });
});
