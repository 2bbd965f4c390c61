import { afterEach, describe, expect, it } from 'vitest';
import type { TcpServiceSpec } from '../../../src/mocks/types.js';
import { personaStarter } from './persona-fixture.js';
import { rawConnect } from './raw-client.js';

// This file's loopback range: 127.79.3.0/24.
let nextHost = 1;
const nextAddress = () => `127.79.3.${nextHost++}`;
const personas = personaStarter();
afterEach(() => personas.closeAll());

const IAC = 255;
const WILL = 251;
const DO = 253;
const spec: TcpServiceSpec = {
  type: 'telnet',
  port: 2323,
  banner: 'BusyBox v1.31.1 (2021-03-04) built-in telnetd',
  prompt: '~ # ',
  accounts: [{ username: 'root', password: 'vizxv' }],
};

function containsBytes(haystack: Buffer, needle: number[]): boolean {
  return haystack.indexOf(Buffer.from(needle)) >= 0;
}

describe('telnet persona', () => {
  it('negotiates options, shows the banner and login prompt, and gives a shell to the right password', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, spec);
    const client = await rawConnect(address, 2323);
    await client.waitFor('login: ');
    const opening = client.received();
    expect(opening[0]).toBe(IAC);
    expect(containsBytes(opening, [IAC, WILL, 1])).toBe(true); // WILL ECHO
    expect(containsBytes(opening, [IAC, WILL, 3])).toBe(true); // WILL SUPPRESS-GO-AHEAD
    expect(containsBytes(opening, [IAC, DO, 31])).toBe(true); // DO NAWS
    expect(client.text()).toContain('BusyBox v1.31.1 (2021-03-04) built-in telnetd');

    // A client's own negotiation replies must not end up in the user name.
    client.write(Buffer.from([IAC, 252, 1, IAC, 250, 31, 0, 80, 0, 24, IAC, 240]));
    client.write('root\r\n');
    await client.waitFor('Password: ');
    client.write('vizxv\r\n');
    const afterLogin = await client.waitFor('~ # ');
    expect(afterLogin).not.toContain('Login incorrect');

    const mark = client.text().length;
    client.write('id\r\n');
    expect(await client.waitFor('uid=0(root)', mark)).toContain('uid=0(root)');
    client.write('exit\r\n');
    await client.closed;
    expect(ctx.state).toMatchObject({ loginAttempts: 1, successfulLogins: 1 });
  });

  it('says Login incorrect for a wrong password and hangs up after three', async () => {
    const address = nextAddress();
    const { ctx } = await personas.start(address, spec);
    const client = await rawConnect(address, 2323);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const mark = client.text().length;
      await client.waitFor('login: ', mark - 7 < 0 ? 0 : mark - 7);
      client.write('root\r\n');
      await client.waitFor('Password: ', mark);
      client.write(`wrong${attempt}\r\n`);
      await client.waitFor('Login incorrect', mark);
    }
    await client.closed;
    expect(client.text()).not.toContain('~ # ');
    expect(client.text().match(/Login incorrect/g)).toHaveLength(3);
    expect(ctx.state).toMatchObject({ loginAttempts: 3, successfulLogins: 0 });
  });

  it('accepts any password when the device does', async () => {
    const address = nextAddress();
    await personas.start(address, spec, { acceptAnyPassword: true });
    const client = await rawConnect(address, 2323);
    await client.waitFor('login: ');
    client.write('guest\r\n');
    await client.waitFor('Password: ');
    client.write('anything\r\n');
    await client.waitFor('~ # ');
    client.close();
  });

  it('refuses and closes while locked out', async () => {
    const address = nextAddress();
    await personas.start(address, spec, { lockoutAfter: 1 });
    const first = await rawConnect(address, 2323);
    await first.waitFor('login: ');
    first.write('root\r\nbad\r\n');
    await first.waitFor('Login incorrect');
    first.close();

    const second = await rawConnect(address, 2323);
    await second.waitFor('login: ');
    second.write('root\r\nvizxv\r\n');
    await second.closed;
    expect(second.text()).toContain('Too many failed login attempts');
    expect(second.text()).not.toContain('~ # ');
  });
});
